namespace Appliance.Pipeline.Text;

/// <summary>A sentence cut from the reply stream; Start/End are character offsets in the whole (tag-free) reply text.</summary>
public sealed record SplitSentence(string Text, long Start, long End);
