namespace TranscribePS.Core;

public static partial class Messages
{
    public static string NotCallAnalyticsFile(string source)
        => $"'{source}' is not a Call Analytics transcript (no Transcript, Categories or ConversationCharacteristics section). Read it with Get-TranscriptItem, or pass the output of a call analytics job.";

    public static string CallAnalyticsFileUnreadable(string source, string detail)
        => $"'{source}' could not be read as a Call Analytics transcript: {detail} Check that the file is the complete JSON output of the job (download it again if it was cut short).";
}
