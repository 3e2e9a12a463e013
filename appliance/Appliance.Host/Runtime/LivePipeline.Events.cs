using Appliance.Pipeline;
using Appliance.Pipeline.Events;
using Microsoft.Extensions.Logging;
using PipelineState = Appliance.Service.Runtime.PipelineState;

namespace Appliance.Host.Runtime;

/// <summary>The event stream → status, traces and metrics (called synchronously on the publishing thread: cheap).</summary>
internal sealed partial class LivePipeline
{
    private void OnEvent(PipelineEvent e)
    {
        switch (e)
        {
            case StateChanged s:
                _state = s.To switch
                {
                    ConversationState.Idle => PipelineState.Idle,
                    ConversationState.Listening => PipelineState.Listening,
                    ConversationState.Thinking => PipelineState.Thinking,
                    _ => PipelineState.Speaking,
                };
                if (s.To == ConversationState.Thinking)
                {
                    _currentTurn = $"turn-{_generation}.{s.Turn}";
                }
                break;
            case UserTranscript u:
                _utterance = u.Text;
                break;
            case InputBlocked:
                _metrics.RecordBlockedInput();
                break;
            case SentenceBlocked:
                _metrics.RecordBlockedOutput();
                break;
            case TurnFinished f:
                var trace = TurnTraceRing.From(f.Summary, $"turn-{_generation}.{f.Turn}", DateTimeOffset.UtcNow);
                _turns.Add(trace);
                _metrics.RecordTurn(trace);
                Interlocked.Increment(ref _turnsCompleted);
                _currentTurn = null;
                _utterance = null;
                break;
        }
    }
}
