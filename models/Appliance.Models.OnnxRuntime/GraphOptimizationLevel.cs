namespace Appliance.Models.OnnxRuntime;

/// <summary>enum GraphOptimizationLevel (values as in the C header).</summary>
public enum GraphOptimizationLevel
{
    DisableAll = 0,
    EnableBasic = 1,
    EnableExtended = 2,
    EnableAll = 99,
}
