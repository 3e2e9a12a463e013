using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Appliance.Models.Llama.Native;

namespace Appliance.Models.Llama.Tests;

/// <summary>
/// Every mirrored struct against the real header: sizeof and offsetof of each field computed by gcc from
/// .cache/include/llama/llama.h, compared with the C# layout. The C program is generated from the C#
/// field names, so a renamed or missing field fails to compile and an added C field changes sizeof.
/// </summary>
public sealed class NativeLayoutTests
{
    public static TheoryData<string> Structs => new(MirroredStructs.Select(t => t.Name));

    private static readonly Type[] MirroredStructs =
    [
        typeof(llama_model_params), typeof(llama_context_params), typeof(llama_sampler_chain_params),
        typeof(llama_model_quantize_params), typeof(llama_batch), typeof(llama_chat_message),
        typeof(llama_perf_context_data), typeof(llama_perf_sampler_data), typeof(ggml_backend_feature),
    ];

    private static readonly Lazy<Dictionary<string, long>> Measured = new(Measure);

    [Theory]
    [MemberData(nameof(Structs))]
    public void SizeAndEveryOffsetMatchTheHeader(string name)
    {
        var type = MirroredStructs.Single(t => t.Name == name);
        var c = Measured.Value;
        var size = (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
        Assert.True(c[$"{name} sizeof"] == size, $"sizeof(struct {name}) is {c[$"{name} sizeof"]} in C but {size} in C#");
        Assert.Equal(c[$"{name} sizeof"], Marshal.SizeOf(type));
        foreach (var f in Fields(type))
        {
            var offset = (long)Marshal.OffsetOf(type, f.Name);
            Assert.True(c[$"{name}.{f.Name}"] == offset, $"offsetof(struct {name}, {f.Name}) is {c[$"{name}.{f.Name}"]} in C but {offset} in C#");
        }
    }

    [Fact]
    public void CBoolFieldsAreOneByte()
    {
        foreach (var t in MirroredStructs)
        {
            Assert.DoesNotContain(Fields(t), f => f.FieldType == typeof(bool));
        }
    }

    private static FieldInfo[] Fields(Type t) => t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

    private static Dictionary<string, long> Measure()
    {
        var src = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include \"llama.h\"\n#include \"ggml-backend.h\"\nint main(void) {\n");
        foreach (var t in MirroredStructs)
        {
            src.Append($"  printf(\"{t.Name} sizeof %zu\\n\", sizeof(struct {t.Name}));\n");
            foreach (var f in Fields(t))
            {
                src.Append($"  printf(\"{t.Name}.{f.Name} %zu\\n\", offsetof(struct {t.Name}, {f.Name}));\n");
            }
        }
        src.Append("  return 0;\n}\n");
        var lines = NativeHeader.CompileAndRun(src.ToString(), link: false);
        return lines.Select(l => l.Split(' ')).ToDictionary(p => string.Join(' ', p[..^1]), p => long.Parse(p[^1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
