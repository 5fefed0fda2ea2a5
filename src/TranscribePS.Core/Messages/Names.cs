namespace TranscribePS.Core;

/// <summary>Messages about -Name values: the service's name rule and wildcard patterns.</summary>
public static partial class Messages
{
    private const string NameRule = "names are 1 to 200 letters, digits, '.', '_' or '-'";

    public static string NameBreaksRule(string name, NameKind kind) => kind == NameKind.Job
        ? Text($"'{name}' is not a valid job name, so no job has it: {NameRule}, and not '.' or '..' alone. Check the name, or search with wildcards such as 'visit*'.")
        : Text($"'{name}' is not a valid category name, so no category has it: {NameRule}. Check the name, or search with wildcards such as 'cancel*'.");

    public static string PatternCannotMatch(string pattern, NameKind kind)
        => Text($"'{pattern}' cannot match any {(kind == NameKind.Job ? "job" : "category")} name: {NameRule}, and the pattern holds other characters outside its wildcards. Check the pattern.");

    public static string InvalidWildcardPattern(string pattern, string reason)
        => Text($"'{pattern}' is not a valid wildcard pattern: {Sentence(reason)} Use * for any run of characters, ? for one, [abc] or [a-z] for one of a set, and a backtick before a character to take it literally.");

    public const string PatternSetNotClosed = "a [ opens a set that no ] closes";

    public static string PatternRangeBackwards(char from, char to)
        => Text($"the range {from}-{to} runs backwards (write {to}-{from})");
}
