using Appliance.Models.Gguf;
using Appliance.TestSupport;

namespace Appliance.Models.Gguf.Tests;

public class GgufWriterTests
{
    [Fact]
    public void EveryValueTypeRoundTrips()
    {
        var w = new GgufWriter()
            .Add(GgufMetadata.String("s", "héllo"))
            .Add(GgufMetadata.UInt32("u32", 7))
            .Add(GgufMetadata.Int32("i32", -7))
            .Add(GgufMetadata.Float32("f32", 1.5f))
            .Add(GgufMetadata.Bool("b", true))
            .Add(new GgufMetadata("u64", GgufValueType.UInt64, ulong.MaxValue))
            .Add(new GgufMetadata("f64", GgufValueType.Float64, Math.PI))
            .Add(new GgufMetadata("u8", GgufValueType.UInt8, (byte)200))
            .Add(GgufMetadata.Strings("strs", ["a", "", "ü"]))
            .Add(GgufMetadata.Floats("floats", [1f, -2f]))
            .Add(GgufMetadata.Int32s("ints", [3, 4, 5]))
            .AddTensor("t1", [32, 2], GgmlType.Q8_0, new byte[2 * 34])
            .AddTensor("t2", [5], GgmlType.F32, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
        var ms = new MemoryStream();
        w.Write(ms);
        ms.Position = 0;
        var f = GgufReader.Read(ms);
        Assert.Equal("héllo", f.Get<string>("s"));
        Assert.Equal(7u, f.Get<uint>("u32"));
        Assert.Equal(-7, f.Get<int>("i32"));
        Assert.Equal(1.5f, f.Get<float>("f32"));
        Assert.True(f.Get<bool>("b"));
        Assert.Equal(ulong.MaxValue, f.Get<ulong>("u64"));
        Assert.Equal(Math.PI, f.Get<double>("f64"));
        Assert.Equal((byte)200, f.Get<byte>("u8"));
        Assert.Equal(["a", "", "ü"], f.Get<string[]>("strs"));
        Assert.Equal([1f, -2f], f.Get<float[]>("floats"));
        Assert.Equal([3, 4, 5], f.Get<int[]>("ints"));
        Assert.Equal(0, f.DataOffset % 32);
        var t2 = f.Tensors.Single(t => t.Name == "t2");
        Assert.Equal(96, t2.Offset); // 68 bytes of t1 padded to 96
        ms.Position = f.DataOffset + t2.Offset;
        Assert.Equal(1, ms.ReadByte());
    }

    [Fact]
    public void RewritingARealModelGivesTheSameHeaderAndData()
    {
        var src = GgufReader.Read(SharedData.Stories260K);
        var w = new GgufWriter();
        foreach (var m in src.Metadata)
        {
            w.Add(m);
        }
        foreach (var t in src.Tensors)
        {
            w.AddTensor(t.Name, t.Dims, t.Type, GgufReader.ReadTensorData(SharedData.Stories260K, src, t));
        }
        var ms = new MemoryStream();
        w.Write(ms);
        Assert.Equal(File.ReadAllBytes(SharedData.Stories260K), ms.ToArray());
    }

    [Fact]
    public void WrongDataSizeOrBadBlockDimsAreRejected()
    {
        var w = new GgufWriter();
        Assert.Throws<ArgumentException>(() => w.AddTensor("x", [32], GgmlType.Q4_0, new byte[17]));
        Assert.Throws<InvalidDataException>(() => w.AddTensor("y", [30], GgmlType.Q4_0, _ => { }));
        Assert.Throws<ArgumentException>(() => w.Add(GgufMetadata.UInt32("k", 1)).Add(GgufMetadata.UInt32("k", 2)));
        var lying = new GgufWriter().AddTensor("z", [4], GgmlType.F32, s => s.Write(new byte[3]));
        Assert.Throws<InvalidOperationException>(() => lying.Write(new MemoryStream()));
    }
}
