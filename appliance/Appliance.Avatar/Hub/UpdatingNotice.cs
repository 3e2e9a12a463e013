namespace Appliance.Avatar.Hub;

/// <summary>
/// The "updating…" overlay of the kiosk page while a provisioning stick is applied.
/// </summary>
/// <param name="Label">What is happening, e.g. "copying models 42 %".</param>
/// <param name="Progress">0..1.</param>
/// <param name="Final">The apply ended (complete or failed); the overlay fades out soon after.</param>
/// <param name="Failed">It ended badly (the previous configuration stays).</param>
public sealed record UpdatingNotice(string Label, double Progress, bool Final, bool Failed);
