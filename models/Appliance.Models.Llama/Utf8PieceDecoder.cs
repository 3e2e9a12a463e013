using System.Text;

namespace Appliance.Models.Llama;

/// <summary>
/// Turns token pieces (raw bytes) into text. A multi-byte character split across tokens (byte-fallback
/// tokens such as &lt;0xE4&gt;) stays buffered until it is complete, so no U+FFFD is emitted mid-character.
/// </summary>
internal sealed class Utf8PieceDecoder
{
    private readonly Decoder _decoder = new UTF8Encoding(false, false).GetDecoder();
    private char[] _chars = new char[64];

    public string Push(ReadOnlySpan<byte> piece) => Decode(piece, flush: false);

    /// <summary>Whatever is left at the end (an incomplete sequence becomes U+FFFD).</summary>
    public string Flush() => Decode([], flush: true);

    private string Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        var needed = _decoder.GetCharCount(bytes, flush);
        if (needed > _chars.Length)
        {
            _chars = new char[needed * 2];
        }
        var n = _decoder.GetChars(bytes, _chars, flush);
        return new string(_chars, 0, n);
    }
}
