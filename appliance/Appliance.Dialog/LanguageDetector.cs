namespace Appliance.Dialog;

/// <summary>
/// Picks the reply language from what the visitor said: the recogniser's language id when it has
/// one, else the script of the text (any Han characters → "zh"), else the previous language.
/// </summary>
public static class LanguageDetector
{
    public static string Detect(string text, string? recognizerLanguage, string fallback)
    {
        if (!string.IsNullOrWhiteSpace(recognizerLanguage))
        {
            return recognizerLanguage.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh"
                : recognizerLanguage.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : recognizerLanguage;
        }
        int han = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                han++;
            }
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                latin++;
            }
        }
        if (han == 0 && latin == 0)
        {
            return fallback;
        }
        // A Han character carries about as much as a three-letter word.
        return han * 3 >= latin ? "zh" : "en";
    }
}
