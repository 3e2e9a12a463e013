namespace Appliance.Service.Tests.Support;

/// <summary>
/// Tests that send real signals (SIGHUP) to the test process. A signal reaches every host alive in the
/// process, so these run alone, never alongside other tests' hosts (whose config-reload targets would
/// otherwise record a reload they never asked for).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessSignalsCollection
{
    public const string Name = "process signals";
}
