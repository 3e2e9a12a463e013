using System.Diagnostics;

namespace Appliance.TestSupport;

/// <summary>
/// Compiles and runs a small C program against real headers and parses its "name value" output lines.
/// Layout tests use it so expected sizes, offsets and ioctl codes come from the header, not from hand.
/// gcc and the headers are installed by image/dev/setup; a missing compiler is a failure, not a skip.
/// </summary>
public static class NativeProbe
{
    public static IReadOnlyDictionary<string, long> Run(string cSource, params string[] includeDirs)
    {
        var dir = Directory.CreateTempSubdirectory("probe-");
        try
        {
            var src = Path.Combine(dir.FullName, "probe.c");
            var exe = Path.Combine(dir.FullName, "probe");
            File.WriteAllText(src, cSource);
            var args = new List<string> { "-std=gnu11", "-w", "-o", exe, src };
            args.AddRange(includeDirs.Select(d => "-I" + d));
            Exec("gcc", args);
            return Exec(exe, [])
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split(' ', 2))
                .ToDictionary(p => p[0], p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
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
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({p.ExitCode}): {stderr}");
        }
        return stdout.Result;
    }
}
