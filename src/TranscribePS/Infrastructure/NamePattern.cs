using System.Text;
using System.Text.RegularExpressions;

namespace TranscribePS.Infrastructure;

/// <summary>
/// PowerShell wildcard matching (<c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, backtick escapes), case-insensitive.
/// Our own because the stub WildcardPattern matches nothing at test time.
/// </summary>
internal sealed class NamePattern
{
    private readonly Regex _regex;

    private NamePattern(string pattern, Regex regex, string literal)
    {
        Pattern = pattern;
        _regex = regex;
        LongestLiteral = literal;
    }

    public string Pattern { get; }

    /// <summary>The longest run of literal characters, for a server-side "name contains" filter.</summary>
    public string LongestLiteral { get; }

    public bool IsMatch(string value) => _regex.IsMatch(value);

    public static bool HasWildcards(string value) => value.IndexOfAny(['*', '?', '[']) >= 0;

    public static NamePattern Parse(string pattern)
    {
        var regex = new StringBuilder("^");
        var literal = new StringBuilder();
        var longest = string.Empty;

        void EndLiteral()
        {
            if (literal.Length > longest.Length)
            {
                longest = literal.ToString();
            }

            literal.Clear();
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '`' && i + 1 < pattern.Length)
            {
                i++;
                regex.Append(Regex.Escape(pattern[i].ToString()));
                literal.Append(pattern[i]);
            }
            else if (c == '*')
            {
                regex.Append(".*");
                EndLiteral();
            }
            else if (c == '?')
            {
                regex.Append('.');
                EndLiteral();
            }
            else if (c == '[' && pattern.IndexOf(']', i + 1) is var close && close > i + 1)
            {
                regex.Append('[').Append(ClassBody(pattern[(i + 1)..close])).Append(']');
                EndLiteral();
                i = close;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
                literal.Append(c);
            }
        }

        EndLiteral();
        regex.Append('$');
        return new NamePattern(pattern, new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), longest);
    }

    private static string ClassBody(string body)
    {
        var result = new StringBuilder();
        foreach (var c in body)
        {
            // Keep ranges (a-z); escape everything else a regex class would treat specially.
            result.Append(c == '-' ? "-" : Regex.Escape(c.ToString()).Replace("]", "\\]", StringComparison.Ordinal));
        }

        return result.ToString();
    }
}
