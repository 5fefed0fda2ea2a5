using System.Text;
using System.Text.RegularExpressions;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Core;

/// <summary>What a -Name value names: a job, or a call analytics category.</summary>
public enum NameKind
{
    Job,
    Category,
}

/// <summary>
/// One -Name value: a literal name or a PowerShell wildcard pattern, matched as PowerShell's WildcardPattern does
/// with IgnoreCase: <c>*</c> any run, <c>?</c> one character, <c>[abc]</c> and <c>[a-z]</c> one of a set (a <c>]</c>
/// right after <c>[</c> and a <c>-</c> at either end are literal; <c>!</c> and <c>^</c> do not negate), a backtick
/// makes the next character literal, a <c>]</c> outside a set is literal. An unclosed set or a backwards range is not
/// a pattern, as in PowerShell. Our own because Core has no System.Management.Automation (whose WildcardPattern is a
/// stub at test time anyway); the Pester suite compares it with pwsh's <c>-like</c>.
/// </summary>
public sealed class NamePattern
{
    private readonly Regex? _regex;
    private readonly IReadOnlyList<string> _literalRuns;

    private NamePattern(string text, string? literal, Regex? regex, IReadOnlyList<string> literalRuns)
    {
        Text = text;
        Literal = literal;
        _regex = regex;
        _literalRuns = literalRuns;
        LongestLiteral = literalRuns.Count == 0 ? string.Empty : literalRuns.MaxBy(r => r.Length)!;
    }

    /// <summary>The value as given.</summary>
    public string Text { get; }

    /// <summary>The one name a value without wildcards stands for (backtick escapes removed); null for a pattern.</summary>
    public string? Literal { get; }

    public bool IsLiteral => Literal is not null;

    /// <summary>The longest run of literal characters, for the service's case-insensitive JobNameContains filter.</summary>
    public string LongestLiteral { get; }

    public bool IsMatch(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _regex?.IsMatch(name) ?? string.Equals(name, Literal, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads a -Name value and checks it against the service's name rule, before any call: a literal must be a valid
    /// name, and a pattern's literal characters must be ones a name can hold (else it could never match).
    /// </summary>
    /// <exception cref="PlanProblemException">The value is not a valid pattern, or no name can match it.</exception>
    public static NamePattern Parse(string text, NameKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pattern = Parse(text);
        var (errorId, valid) = kind == NameKind.Job
            ? ("InvalidJobName", pattern.IsLiteral ? ServiceNames.IsJobName(pattern.Literal) : pattern.LiteralCharactersFit())
            : ("CategoryNameInvalid", pattern.IsLiteral ? ServiceNames.IsResourceName(pattern.Literal) : pattern.LiteralCharactersFit());
        if (!valid)
        {
            var message = pattern.IsLiteral ? Messages.NameBreaksRule(text, kind) : Messages.PatternCannotMatch(text, kind);
            throw new PlanProblemException(new PlanProblem(errorId, message, PlanProblemCategory.InvalidArgument, text));
        }

        return pattern;
    }

    private bool LiteralCharactersFit() => _literalRuns.All(run => run.All(ServiceNames.IsNameCharacter));

    private static NamePattern Parse(string text)
    {
        var regex = new StringBuilder("^");
        var runs = new List<string>();
        var run = new StringBuilder();
        var literal = new StringBuilder();
        bool wild = false;

        void EndRun()
        {
            if (run.Length > 0)
            {
                runs.Add(run.ToString());
                run.Clear();
            }
        }

        void AddLiteral(char c)
        {
            regex.Append(Regex.Escape(c.ToString()));
            run.Append(c);
            literal.Append(c);
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '`' when i + 1 < text.Length:
                    AddLiteral(text[++i]);
                    break;
                case '*':
                    regex.Append(".*");
                    EndRun();
                    wild = true;
                    break;
                case '?':
                    regex.Append('.');
                    EndRun();
                    wild = true;
                    break;
                case '[':
                    i = AppendSet(text, i, regex);
                    EndRun();
                    wild = true;
                    break;
                default:
                    AddLiteral(c);
                    break;
            }
        }

        EndRun();
        regex.Append('$');
        var compiled = wild ? new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant) : null;
        return new NamePattern(text, wild ? null : literal.ToString(), compiled, runs);
    }

    /// <summary>Appends the set that opens at <paramref name="open"/> as a regex class; returns the index of its <c>]</c>.</summary>
    private static int AppendSet(string text, int open, StringBuilder regex)
    {
        var set = new StringBuilder("[");
        int i = open + 1;
        bool first = true;
        while (i < text.Length && (first || text[i] != ']'))
        {
            char from = text[i];
            if (from == '`' && i + 1 < text.Length)
            {
                from = text[++i];
            }

            if (i + 2 < text.Length && text[i + 1] == '-' && text[i + 2] != ']')
            {
                char to = text[i + 2];
                if (to < from)
                {
                    throw Invalid(text, Messages.PatternRangeBackwards(from, to));
                }

                set.Append(ClassChar(from)).Append('-').Append(ClassChar(to));
                i += 3;
            }
            else
            {
                set.Append(ClassChar(from));
                i++;
            }

            first = false;
        }

        if (i >= text.Length)
        {
            throw Invalid(text, Messages.PatternSetNotClosed);
        }

        regex.Append(set).Append(']');
        return i;
    }

    // Every character of a set as \uXXXX, so ], \, ^ and - stay literal inside the regex class.
    private static string ClassChar(char c) => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture);

    private static PlanProblemException Invalid(string text, string reason)
        => new(new PlanProblem("InvalidWildcardPattern", Messages.InvalidWildcardPattern(text, reason), PlanProblemCategory.InvalidArgument, text));
}
