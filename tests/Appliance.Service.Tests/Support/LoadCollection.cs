namespace Appliance.Service.Tests.Support;

/// <summary>
/// The load test runs alone: other tests of this assembly (Chromium, real hosts) running beside it on a
/// 2-core box can slow a turn past the next scripted question, which then barges in.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "load";
}
