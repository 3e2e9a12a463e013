using System.Globalization;

namespace Appliance.Models.Sherpa.Models;

/// <summary>
/// Validates tokens.txt the way sherpa-onnx parses it ("symbol id" per line, or a bare id meaning
/// the space symbol). sherpa calls exit() on a malformed line, so the binding checks first.
/// </summary>
public static class TokensFileCheck
{
    /// <param name="singleCodepoint">Piper/VITS/Matcha/Kokoro token tables map one Unicode character per line.</param>
    /// <param name="required">Symbols that must be present (Piper: "_", "^", "$" for pad/bos/eos).</param>
    public static string Require(string field, string? path, bool singleCodepoint, params string[] required)
    {
        var full = ModelFileCheck.RequireFile(field, path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var raw in File.ReadLines(full))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var cut = line.LastIndexOf(' ');
            var symbol = cut <= 0 ? " " : line[..cut].TrimStart();
            var id = cut < 0 ? line : line[(cut + 1)..];
            if (symbol.Length == 0)
            {
                symbol = " ";
            }
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new SherpaModelException($"{field}: '{path}' line {lineNo} is not \"symbol id\": {line}");
            }
            if (singleCodepoint && symbol.EnumerateRunes().Count() != 1 && symbol != "<BLNK>")
            {
                throw new SherpaModelException($"{field}: '{path}' line {lineNo}: symbol '{symbol}' must be a single character for this model family");
            }
            if (singleCodepoint && !seen.Add(symbol))
            {
                throw new SherpaModelException($"{field}: '{path}' line {lineNo}: symbol '{symbol}' appears twice");
            }
            seen.Add(symbol);
        }
        if (lineNo == 0)
        {
            throw new SherpaModelException($"{field}: '{path}' is empty");
        }
        var absent = required.Where(r => !seen.Contains(r)).ToList();
        if (absent.Count > 0)
        {
            throw new SherpaModelException($"{field}: '{path}' lacks the required symbols {string.Join(" ", absent.Select(a => $"'{a}'"))}");
        }
        return full;
    }
}
