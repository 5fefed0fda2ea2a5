namespace TranscribePS.Core;

/// <summary>
/// The one rule for names Amazon Transcribe gives its resources (jobs, categories, vocabularies and filters):
/// 1 to 200 of <c>[0-9A-Za-z._-]</c>; job names are also never <c>.</c> or <c>..</c> alone.
/// </summary>
public static class ServiceNames
{
    public const int MaxLength = 200;

    /// <summary>A character a service name may hold.</summary>
    public static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';

    /// <summary>A category, vocabulary or filter name.</summary>
    public static bool IsResourceName(string? name)
        => name is { Length: >= 1 and <= MaxLength } && name.All(IsNameCharacter);

    /// <summary>A job name.</summary>
    public static bool IsJobName(string? name) => IsResourceName(name) && name is not "." and not "..";
}
