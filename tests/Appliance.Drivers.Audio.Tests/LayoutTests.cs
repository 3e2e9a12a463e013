using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Appliance.Drivers.Audio.Interop;
using Appliance.TestSupport;

namespace Appliance.Drivers.Audio.Tests;

/// <summary>Every mirrored PortAudio struct has the size and field offsets of /usr/include/portaudio.h.</summary>
public sealed class LayoutTests
{
    public static TheoryData<string> Structs => new() { "PaHostApiInfo", "PaDeviceInfo", "PaStreamParameters", "PaStreamInfo", "PaStreamCallbackTimeInfo" };

    [Theory]
    [MemberData(nameof(Structs))]
    public void Struct_layout_matches_the_portaudio_header(string name)
    {
        var type = typeof(PaStreamInfo).Assembly.GetType($"Appliance.Drivers.Audio.Interop.{name}")!;
        var fields = type.GetFields().Where(f => !f.IsStatic).Select(f => f.Name).ToList();
        var program = "#include <stdio.h>\n#include <stddef.h>\n#include <portaudio.h>\nint main(void){\n"
            + $"printf(\"size %zu\\n\", sizeof({name}));\n"
            + string.Concat(fields.Select(f => $"printf(\"{f} %zu\\n\", offsetof({name}, {f}));\n"))
            + "return 0;}\n";
        var fromHeader = NativeProbe.Run(program);
        var ours = new Dictionary<string, long> { ["size"] = SizeOf(type) };
        foreach (var f in fields)
        {
            ours[f] = (long)Marshal.OffsetOf(type, f);
        }
        Assert.Equal(fromHeader.OrderBy(k => k.Key), ours.OrderBy(k => k.Key));
    }

    [Fact]
    public void Error_codes_and_flags_match_the_header()
    {
        var names = typeof(PortAudioNative).GetFields().Where(f => f.IsLiteral && f.Name.StartsWith("pa", StringComparison.Ordinal)).ToList();
        var program = "#include <stdio.h>\n#include <portaudio.h>\nint main(void){\n"
            + string.Concat(names.Select(f => $"printf(\"{f.Name} %lld\\n\", (long long)({f.Name}));\n")) + "return 0;}\n";
        var fromHeader = NativeProbe.Run(program);
        foreach (var f in names)
        {
            Assert.Equal(fromHeader[f.Name], Convert.ToInt64(f.GetRawConstantValue()));
        }
    }

    private static int SizeOf(Type type) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
}
