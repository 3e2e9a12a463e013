using Appliance.Core.Audio;
using Appliance.Pipeline;
using Appliance.Pipeline.Events;
using Appliance.Service.Runtime;

namespace Appliance.Devices.Tests;

/// <summary>The conversation as the devices see it, scripted by a test.</summary>
internal sealed class ScriptedConversation : IConversationControl
{
    public PipelineEventHub Hub { get; } = new();

    public IPipelineEventStream Events => Hub;

    public ConversationState State { get; set; } = ConversationState.Idle;

    public List<string> Wakes { get; } = [];

    public void Wake(string cause)
    {
        lock (Wakes)
        {
            Wakes.Add(cause);
        }
    }

    /// <summary>Publishes a state change and makes it current, as the engine does.</summary>
    public void Go(ConversationState to)
    {
        Hub.Publish(new StateChanged(0, 1, State, to, "test"));
        State = to;
    }
}

internal sealed class FakePipelineStatus : IPipelineStatus
{
    public PipelineState State { get; set; } = PipelineState.Idle;

    public PipelineSnapshot Snapshot() => new(State, true, true, null, null, 0, "test", State == PipelineState.Error ? "boom" : null);
}

internal sealed class RecordingSpeech : ISpeechOutput
{
    public List<string> Said { get; } = [];

    public ValueTask SayAsync(string text, CancellationToken cancellationToken)
    {
        lock (Said)
        {
            Said.Add(text);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>A speaker whose play position the test sets.</summary>
internal sealed class SteppedPlayback(int sampleRate = 16000) : IAudioPlayback
{
    private long _queued;

    public long Played { get; set; }

    public int SampleRate => sampleRate;

    public int Channels => 1;

    public PlaybackPosition Position => new(Played, 0);

    public ValueTask<long> WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        var at = _queued;
        _queued += samples.Length;
        return ValueTask.FromResult(at);
    }

    public long Flush()
    {
        _queued = Played;
        return Played;
    }

    public Task DrainAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
