using System.Text;

namespace Appliance.Models.OnnxRuntime.Tests;

/// <summary>
/// Writes tiny ONNX models (protobuf ModelProto, by hand) so tests know exactly what a model computes.
/// Field numbers are those of onnx.proto: ModelProto.ir_version=1, graph=7, opset_import=8;
/// GraphProto.node=1, name=2, input=11, output=12; NodeProto.input=1, output=2, op_type=4;
/// ValueInfoProto.name=1, type=2; TypeProto.tensor_type=1; Tensor.elem_type=1, shape=2;
/// TensorShapeProto.dim=1; Dimension.dim_value=1, dim_param=2.
/// </summary>
internal static class TinyOnnx
{
    /// <summary>A float input or output; a null dimension is symbolic.</summary>
    public sealed record Value(string Name, params long?[] Dims);

    public sealed record Node(string OpType, string[] Inputs, string[] Outputs);

    public static string Write(string path, IEnumerable<Node> nodes, IEnumerable<Value> inputs, IEnumerable<Value> outputs)
    {
        var graph = new List<byte>();
        foreach (var n in nodes)
        {
            var node = new List<byte>();
            foreach (var i in n.Inputs)
            {
                Bytes(node, 1, Encoding.UTF8.GetBytes(i));
            }
            foreach (var o in n.Outputs)
            {
                Bytes(node, 2, Encoding.UTF8.GetBytes(o));
            }
            Bytes(node, 4, Encoding.UTF8.GetBytes(n.OpType));
            Bytes(graph, 1, node);
        }
        Bytes(graph, 2, "tiny"u8.ToArray());
        foreach (var v in inputs)
        {
            Bytes(graph, 11, ValueInfo(v));
        }
        foreach (var v in outputs)
        {
            Bytes(graph, 12, ValueInfo(v));
        }
        var model = new List<byte>();
        Varint(model, 1, 8);
        Bytes(model, 7, graph);
        var opset = new List<byte>();
        Varint(opset, 2, 13);
        Bytes(model, 8, opset);
        File.WriteAllBytes(path, model.ToArray());
        return path;
    }

    /// <summary>z = x * y, element-wise, with a symbolic length.</summary>
    public static string Mul(string path) => Write(path,
        [new Node("Mul", ["x", "y"], ["z"])],
        [new Value("x", [null]), new Value("y", [null])],
        [new Value("z", [null])]);

    /// <summary>
    /// A chain of <paramref name="count"/> n×n MatMuls (h = h·x): long enough that a run only ends early
    /// when it is told to terminate.
    /// </summary>
    public static string MatMulChain(string path, int count, int n)
    {
        var nodes = new List<Node>();
        var previous = "x";
        for (var i = 0; i < count; i++)
        {
            var output = i == count - 1 ? "y" : $"h{i}";
            nodes.Add(new Node("MatMul", [previous, "x"], [output]));
            previous = output;
        }
        return Write(path, nodes, [new Value("x", n, n)], [new Value("y", n, n)]);
    }

    private static List<byte> ValueInfo(Value v)
    {
        var shape = new List<byte>();
        foreach (var d in v.Dims)
        {
            var dim = new List<byte>();
            if (d is long value)
            {
                Varint(dim, 1, (ulong)value);
            }
            else
            {
                Bytes(dim, 2, Encoding.UTF8.GetBytes("n"));
            }
            Bytes(shape, 1, dim);
        }
        var tensor = new List<byte>();
        Varint(tensor, 1, 1); // FLOAT
        Bytes(tensor, 2, shape);
        var type = new List<byte>();
        Bytes(type, 1, tensor);
        var info = new List<byte>();
        Bytes(info, 1, Encoding.UTF8.GetBytes(v.Name));
        Bytes(info, 2, type);
        return info;
    }

    private static void Varint(List<byte> to, int field, ulong value)
    {
        Raw(to, (ulong)(field << 3));
        Raw(to, value);
    }

    private static void Bytes(List<byte> to, int field, IReadOnlyCollection<byte> bytes)
    {
        Raw(to, (ulong)((field << 3) | 2));
        Raw(to, (ulong)bytes.Count);
        to.AddRange(bytes);
    }

    private static void Raw(List<byte> to, ulong value)
    {
        while (value >= 0x80)
        {
            to.Add((byte)(value | 0x80));
            value >>= 7;
        }
        to.Add((byte)value);
    }
}
