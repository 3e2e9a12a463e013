namespace Appliance.Models.Gguf;

/// <summary>
/// One key/value. Scalars are boxed as their CLR type (uint, float, string, bool, ...); arrays as a CLR
/// array of the element type (string[], float[], int[], ...) with <see cref="ArrayType"/> set.
/// </summary>
public sealed record GgufMetadata(string Key, GgufValueType Type, object Value, GgufValueType? ArrayType = null)
{
    public static GgufMetadata String(string key, string value) => new(key, GgufValueType.String, value);

    public static GgufMetadata UInt32(string key, uint value) => new(key, GgufValueType.UInt32, value);

    public static GgufMetadata Int32(string key, int value) => new(key, GgufValueType.Int32, value);

    public static GgufMetadata Float32(string key, float value) => new(key, GgufValueType.Float32, value);

    public static GgufMetadata Bool(string key, bool value) => new(key, GgufValueType.Bool, value);

    public static GgufMetadata Strings(string key, string[] values) => new(key, GgufValueType.Array, values, GgufValueType.String);

    public static GgufMetadata Floats(string key, float[] values) => new(key, GgufValueType.Array, values, GgufValueType.Float32);

    public static GgufMetadata Int32s(string key, int[] values) => new(key, GgufValueType.Array, values, GgufValueType.Int32);
}
