using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Appliance.Models.OnnxRuntime.Native;

namespace Appliance.Models.OnnxRuntime.Tests;

/// <summary>
/// The mirrored OrtApi prefix must match the real table slot for slot. The shipped libonnxruntime.so
/// keeps its full symbol table, so every slot's function address can be named (OrtApis::CreateEnv, ...)
/// with `nm` and compared with the field name we gave that slot. This checks the binary we run, not a
/// header that might belong to another build.
/// </summary>
[Collection("ort")]
public sealed unsafe class OrtApiLayoutTests(OrtFixture fixture)
{
    [Fact]
    public void Fields_are_pointer_sized_slots_in_declaration_order()
    {
        _ = fixture;
        var fields = typeof(OrtApi).GetFields(BindingFlags.Public | BindingFlags.Instance);
        Assert.Equal(101, fields.Length);
        Assert.Equal(101 * IntPtr.Size, sizeof(OrtApi));
        for (var i = 0; i < fields.Length; i++)
        {
            Assert.Equal(i * IntPtr.Size, (int)Marshal.OffsetOf<OrtApi>(fields[i].Name));
        }
        Assert.Equal(2 * IntPtr.Size, sizeof(OrtApiBase));
    }

    [Fact]
    public void Every_slot_points_at_the_function_it_is_named_after()
    {
        var path = OnnxRuntimeLibrary.Candidates().First(File.Exists);
        var symbols = ReadSymbols(path);
        var loadBase = (long)OnnxRuntimeLibrary.ExportAddress("OrtGetApiBase") - symbols["OrtGetApiBase"].Single();
        var table = (IntPtr*)OrtNative.Api;
        var fields = typeof(OrtApi).GetFields(BindingFlags.Public | BindingFlags.Instance);
        var wrong = new List<string>();
        for (var i = 0; i < fields.Length; i++)
        {
            var offset = (long)table[i] - loadBase;
            var expected = "OrtApis::" + fields[i].Name;
            if (!symbols.TryGetValue(expected, out var addresses) || !addresses.Contains(offset))
            {
                var actual = symbols.Where(s => s.Value.Contains(offset)).Select(s => s.Key).FirstOrDefault() ?? "?";
                wrong.Add($"slot {i} {fields[i].Name}: the library has {actual} there");
            }
        }
        Assert.Empty(wrong);
    }

    /// <summary>Function name (without parameters) → addresses, from `nm -C`.</summary>
    private static Dictionary<string, HashSet<long>> ReadSymbols(string library)
    {
        var psi = new ProcessStartInfo("nm", ["-C", library]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var nm = Process.Start(psi)!;
        var result = new Dictionary<string, HashSet<long>>();
        string? line;
        while ((line = nm.StandardOutput.ReadLine()) is not null)
        {
            var parts = line.Split(' ', 3);
            if (parts.Length < 3 || parts[0].Length == 0 || line.Contains("[clone", StringComparison.Ordinal))
            {
                continue;
            }
            var name = parts[2];
            var paren = name.IndexOf('(', StringComparison.Ordinal);
            if (paren > 0)
            {
                name = name[..paren];
            }
            if (!name.StartsWith("OrtApis::", StringComparison.Ordinal) && name != "OrtGetApiBase")
            {
                continue;
            }
            var address = long.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (!result.TryGetValue(name, out var set))
            {
                result[name] = set = [];
            }
            set.Add(address);
        }
        nm.WaitForExit();
        Assert.Equal(0, nm.ExitCode);
        return result;
    }
}
