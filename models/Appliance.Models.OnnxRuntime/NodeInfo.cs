namespace Appliance.Models.OnnxRuntime;

/// <summary>
/// One input or output of a model. <see cref="Shape"/> has -1 for a dimension the model leaves open
/// (a symbolic or dynamic axis); it is empty and <see cref="ElementType"/> is Undefined for non-tensors.
/// </summary>
public sealed record NodeInfo(string Name, TensorElementType ElementType, IReadOnlyList<long> Shape)
{
    public override string ToString() => $"{Name}: {ElementType}[{string.Join(", ", Shape.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
}
