namespace Appliance.Models.WakeWord;

/// <summary>One classifier output: the score of <paramref name="Keyword"/> for the 80 ms step ending at <paramref name="SampleIndex"/>.</summary>
public readonly record struct WakeWordScore(string Keyword, long SampleIndex, float Score);
