using System.Text;

namespace Appliance.Dialog.Knowledge;

/// <summary>
/// Terms for BM25: lower-cased Latin words (a light English stemmer drops plural -s), and Chinese as
/// overlapping character bigrams ("开放时间" → 开放 放时 时间), which needs no dictionary and finds
/// words regardless of segmentation; a lone Han character stands as a unigram. Full-width forms fold.
/// </summary>
public static class SearchTokenizer
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "am", "was", "be", "do", "does", "did", "i", "you", "we", "it", "me", "my",
        "your", "our", "to", "of", "in", "on", "at", "for", "and", "or", "what", "how", "can", "could", "please",
        "tell", "about", "there", "this", "that", "with", "have", "has", "any", "so", "hi", "hello", "hey",
        "什么", "怎么", "请问", "一下", "你们", "我们", "可以", "这个", "那个", "是不", "不是", "吗", "呢", "的", "了", "吧",
    };

    public static bool IsStopTerm(string term) => Stop.Contains(term);

    public static List<string> Tokenize(string text)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        var han = new StringBuilder();
        foreach (var raw in text)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (IsHan(c))
            {
                FlushWord(word, terms);
                han.Append(c);
            }
            else if (char.IsLetterOrDigit(c))
            {
                FlushHan(han, terms);
                word.Append(char.ToLowerInvariant(c));
            }
            else
            {
                FlushWord(word, terms);
                FlushHan(han, terms);
            }
        }
        FlushWord(word, terms);
        FlushHan(han, terms);
        return terms;
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static void FlushWord(StringBuilder word, List<string> terms)
    {
        if (word.Length == 0)
        {
            return;
        }
        var w = word.ToString();
        word.Clear();
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            w = w[..^1];
        }
        terms.Add(w);
    }

    private static void FlushHan(StringBuilder han, List<string> terms)
    {
        if (han.Length == 1)
        {
            terms.Add(han.ToString());
        }
        for (var i = 0; i + 1 < han.Length; i++)
        {
            terms.Add(han.ToString(i, 2));
        }
        han.Clear();
    }
}
