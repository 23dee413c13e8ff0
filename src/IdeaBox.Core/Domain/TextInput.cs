namespace IdeaBox.Domain;

/// <summary>What every multi-line text goes through before it is stored.</summary>
public static class TextInput
{
    /// <summary>
    /// Line breaks as "\n": browsers post "\r\n", and a carriage return written back into a page
    /// (a textarea, a reason) becomes "&amp;#xD;", which HTML treats as a parse error.
    /// </summary>
    public static string? Lines(string? text) => text?.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>A trimmed text with "\n" line breaks, or null when nothing but spaces was written.</summary>
    public static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : Lines(text.Trim());
}
