namespace Appliance.Service.Runtime;

/// <summary>`say`: speak a text through the avatar as if it were a reply (queued; barge-in still applies).</summary>
public interface ISpeechOutput
{
    ValueTask SayAsync(string text, CancellationToken cancellationToken);
}
