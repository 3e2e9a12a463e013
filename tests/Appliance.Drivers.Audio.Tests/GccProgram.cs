using System.Diagnostics;

namespace Appliance.Drivers.Audio.Tests;

/// <summary>Compiles and runs a tiny C program (facts from the real headers, not from our mirror).</summary>
internal static class GccProgram
{
    public static string Run(string source, string libs = "")
    {
        var dir = Directory.CreateTempSubdirectory("gcc").FullName;
        var c = Path.Combine(dir, "p.c");
        var exe = Path.Combine(dir, "p");
        File.WriteAllText(c, source);
        Exec("gcc", $"-o {exe} {c} {libs}");
        return Exec(exe, "");
    }

    private static string Exec(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} {args} failed: {stderr}");
        return stdout;
    }
}
