namespace Appliance.Service.Runtime;

/// <summary>An audio endpoint as shown to the technician.</summary>
public sealed record AudioDeviceInfo(string Id, string Name, int InputChannels, int OutputChannels, bool InUse);
