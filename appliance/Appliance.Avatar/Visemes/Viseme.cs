namespace Appliance.Avatar.Visemes;

/// <summary>
/// Mouth shape classes the rig draws (names match rig.json). Eleven classes: enough to read speech from
/// the lips, few enough that an artist can draw each one.
/// </summary>
public enum Viseme
{
    /// <summary>Closed, relaxed (silence and pauses).</summary>
    Rest,
    /// <summary>Lips pressed: p, b, m.</summary>
    MBP,
    /// <summary>Lower lip under the teeth: f, v.</summary>
    FV,
    /// <summary>Tongue between the teeth: th.</summary>
    TH,
    /// <summary>Teeth nearly closed, tongue up: t, d, n, l, s, z, k, g, h, r.</summary>
    DST,
    /// <summary>Lips pushed forward: sh, zh, ch, j.</summary>
    CH,
    /// <summary>Wide open: a, ah, ai, au.</summary>
    AA,
    /// <summary>Mid open, spread: e, eh, er, short i.</summary>
    E,
    /// <summary>Spread, nearly closed: ee, y.</summary>
    I,
    /// <summary>Round, open: o, aw, oy.</summary>
    O,
    /// <summary>Small round: oo, w.</summary>
    U,
}
