namespace Appliance.Models.EspeakNg;

/// <summary>espeak-ng refused its data, a voice or a text; the message says which.</summary>
public sealed class EspeakException(string message) : Exception(message);
