namespace Appliance.Models.OnnxRuntime;

/// <summary>A dense float tensor in row-major order; the data length always matches the shape.</summary>
public sealed class FloatTensor
{
    public FloatTensor(float[] data, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (var d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"tensor dimensions must be >= 0, got [{string.Join(", ", shape)}]", nameof(shape));
            }
            count = checked(count * d);
        }
        if (count != data.Length)
        {
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {count} values but the data has {data.Length}", nameof(data));
        }
        Data = data;
        Shape = shape;
    }

    public float[] Data { get; }

    public IReadOnlyList<long> Shape { get; }

    public override string ToString() => $"float[{string.Join(", ", Shape)}]";
}
