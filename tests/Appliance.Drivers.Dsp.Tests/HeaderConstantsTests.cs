using Appliance.Drivers.Dsp.Interop;
using Appliance.TestSupport;

namespace Appliance.Drivers.Dsp.Tests;

/// <summary>The request codes we pass to speex_*_ctl must be the ones in the installed headers.</summary>
public sealed class HeaderConstantsTests
{
    [Fact]
    public void Ctl_request_codes_match_the_speexdsp_headers()
    {
        var names = typeof(SpeexConstants).GetFields().Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);
        var fromHeader = NativeProbe.Run(
            "#include <stdio.h>\n#include <speex/speex_echo.h>\n#include <speex/speex_preprocess.h>\n#include <speex/speex_resampler.h>\nint main(void){\n"
            + string.Concat(names.Keys.Select(n => $"printf(\"{n} %d\\n\", (int)({n}));\n")) + "return 0;}\n")
            .ToDictionary(p => p.Key, p => (int)p.Value);
        Assert.Equal(names.OrderBy(k => k.Key), fromHeader.OrderBy(k => k.Key));
    }
}
