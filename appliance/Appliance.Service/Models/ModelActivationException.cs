namespace Appliance.Service.Models;

/// <summary>Activation failed; RolledBackTo names the model that is active again (or null when none was).</summary>
public sealed class ModelActivationException(string message, string? rolledBackTo, Exception? inner = null)
    : Exception(message, inner)
{
    public string? RolledBackTo { get; } = rolledBackTo;
}
