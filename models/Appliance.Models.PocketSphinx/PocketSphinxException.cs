namespace Appliance.Models.PocketSphinx;

/// <summary>pocketsphinx refused a model, a configuration or an audio block; the message says which.</summary>
public sealed class PocketSphinxException(string message) : Exception(message);
