using System.Diagnostics;

namespace Appliance.TestSupport;

/// <summary>
/// Compiles and runs a small C program against real headers (and, when asked, the real libraries), so
/// that expected sizes, offsets, constants and ioctl codes come from the C side, not from our mirror.
/// gcc and the headers are installed by image/dev/setup; a missing compiler is a failure, not a skip.
/// </summary>
public static class NativeProbe
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>Runs the program and parses its "name value" output lines.</summary>
    public static IReadOnlyDictionary<string, long> Run(string cSource, params string[] includeDirs) =>
        Output(cSource, includeDirs.Select(d => "-I" + d))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2))
            .ToDictionary(p => p[0], p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Compiles <paramref name="cSource"/> with gcc (plus <paramref name="gccArguments"/>: -I, libraries, -Wl,-rpath…), runs it and returns its stdout.</summary>
    public static string Output(string cSource, IEnumerable<string>? gccArguments = null)
    {
        var dir = Directory.CreateTempSubdirectory("probe-");
        try
        {
            var src = Path.Combine(dir.FullName, "probe.c");
            var exe = Path.Combine(dir.FullName, "probe");
            File.WriteAllText(src, cSource);
            Exec("gcc", new[] { "-std=gnu11", "-w", "-o", exe, src }.Concat(gccArguments ?? []));
            return Exec(exe, []);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Exec(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file} (is gcc installed? run image/dev/setup)");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {Limit.TotalSeconds:0} s");
        }
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', psi.ArgumentList)} failed ({p.ExitCode}): {stderr.Result}");
        }
        return stdout.Result;
    }
}
