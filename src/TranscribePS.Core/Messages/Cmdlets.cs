namespace TranscribePS.Core;

/// <summary>Messages the cmdlet layer shows (paths, parameters, per-item outcomes).</summary>
public static partial class Messages
{
    public static string PathNotFound(string path)
        => $"Cannot find '{path}'. Check the path, or use -LiteralPath when the name contains [ ] characters.";

    public static string PathNotFileSystem(string path, string provider)
        => $"'{path}' is on the {provider} provider; TranscribePS reads recordings and transcripts only from the file system.";
}
