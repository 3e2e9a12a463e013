namespace Appliance.Pipeline.Text;

/// <summary>What the tag parser makes of the reply stream.</summary>
public abstract record ReplyPiece;

/// <summary>Text to be spoken.</summary>
public sealed record TextPiece(string Text) : ReplyPiece;

/// <summary>A known tag, removed from the spoken text.</summary>
public sealed record TagPiece(AnimationTag Tag) : ReplyPiece;

/// <summary>An unknown or malformed tag, removed from the spoken text and only logged.</summary>
public sealed record RejectedTag(string Raw) : ReplyPiece;
