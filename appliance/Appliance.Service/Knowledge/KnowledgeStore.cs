using System.Text;
using System.Text.RegularExpressions;
using Appliance.Core.IO;
using Appliance.Service.Configuration;

namespace Appliance.Service.Knowledge;

/// <summary>
/// Documents for the knowledge-base responder, in the state dir's kb/ folder. Names are a strict
/// whitelist (letters, digits, '.', '_', '-', ending .md or .txt), so no name can leave the folder;
/// content must be valid UTF-8. Writes are atomic.
/// </summary>
public sealed partial class KnowledgeStore(ServiceOptions options)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public string Dir { get; } = Path.Combine(options.StateDir, "kb");

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}(\.[A-Za-z0-9_-]{1,32})*\.(md|txt)$")]
    private static partial Regex SafeName();

    /// <summary>Null when the name is acceptable, else why not.</summary>
    public static string? CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 128 || !SafeName().IsMatch(name) || name.Contains("..", StringComparison.Ordinal))
        {
            return "document names are 1..128 characters of letters, digits, '.', '_' or '-', start with a letter or digit and end in .md or .txt";
        }
        return null;
    }

    public IReadOnlyList<KnowledgeDocument> List()
    {
        if (!Directory.Exists(Dir))
        {
            return [];
        }
        return new DirectoryInfo(Dir).EnumerateFiles()
            .Where(f => CheckName(f.Name) is null)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new KnowledgeDocument(f.Name, f.Length, f.LastWriteTimeUtc, f.FullName))
            .ToList();
    }

    /// <summary>Validates then writes; returns false when the document replaced an existing one.</summary>
    public bool Put(string name, byte[] content)
    {
        if (CheckName(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }
        try
        {
            StrictUtf8.GetCharCount(content);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("document content must be UTF-8 text");
        }
        var path = Path.Combine(Dir, name);
        var created = !File.Exists(path);
        AtomicFile.WriteAllBytes(path, content);
        return created;
    }

    public bool Delete(string name)
    {
        if (CheckName(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }
        var path = Path.Combine(Dir, name);
        if (!File.Exists(path))
        {
            return false;
        }
        File.Delete(path);
        return true;
    }
}
