using System.Diagnostics;
using Appliance.Drivers.Dsp.Interop;

namespace Appliance.Drivers.Dsp.Tests;

/// <summary>The request codes we pass to speex_*_ctl must be the ones in the installed headers.</summary>
public sealed class HeaderConstantsTests
{
    [Fact]
    public void Ctl_request_codes_match_the_speexdsp_headers()
    {
        var names = typeof(SpeexConstants).GetFields().Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);
        var dir = Directory.CreateTempSubdirectory("speexconst").FullName;
        var c = Path.Combine(dir, "c.c");
        File.WriteAllText(c,
            "#include <stdio.h>\n#include <speex/speex_echo.h>\n#include <speex/speex_preprocess.h>\n#include <speex/speex_resampler.h>\nint main(void){\n"
            + string.Concat(names.Keys.Select(n => $"printf(\"{n} %d\\n\", (int)({n}));\n")) + "return 0;}\n");
        var exe = Path.Combine(dir, "c");
        Run("gcc", $"-o {exe} {c}");
        var output = Run(exe, "");
        var fromHeader = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => int.Parse(p[1]));
        Assert.Equal(names.OrderBy(k => k.Key), fromHeader.OrderBy(k => k.Key));
    }

    internal static string Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} {args} failed: {stderr}");
        return stdout;
    }
}
