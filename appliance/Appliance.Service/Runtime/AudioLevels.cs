namespace Appliance.Service.Runtime;

/// <summary>Per-channel levels in dBFS (RMS and peak over the last block); -120 means silence.</summary>
public sealed record AudioLevels(IReadOnlyList<double> RmsDbfs, IReadOnlyList<double> PeakDbfs, double OutputRmsDbfs);
