namespace Appliance.Safety;

/// <param name="MaxChars">Longer input is refused (a spoken question is rarely over 300 characters; ASR run-ons are).</param>
public sealed record InputGuardOptions(int MaxChars = 400);
