namespace Appliance.Service.Runtime;

/// <summary>The speaker is in use (the avatar is talking): the admin API answers 409, try again later.</summary>
public sealed class AudioBusyException(string message) : InvalidOperationException(message);
