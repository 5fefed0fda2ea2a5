namespace TranscribePS.Core;

/// <summary>Messages of the transcript readers.</summary>
public static partial class Messages
{
    private const string PassTranscriptJson = " Pass the job's transcript JSON (the file at TranscriptFileUri).";

    public static string SpeakerNameMatchesNoLabel(string source, IEnumerable<string> keys, IEnumerable<string> labels, string exampleLabel, string exampleName)
        => $"-SpeakerName names no speaker in '{source}': its keys ({string.Join(", ", keys)}) match none of the labels there ({string.Join(", ", labels)}), so every speaker keeps its label. The keys are the labels and the values the names, as in @{{ {exampleLabel} = '{exampleName}' }}.";

    public static string SpeakerNameReversed(string source, IEnumerable<string> keys, IEnumerable<string> labels, string label, string name)
        => $"-SpeakerName names no speaker in '{source}': its keys ({string.Join(", ", keys)}) match none of the labels there ({string.Join(", ", labels)}), but its values do, so the table looks reversed. Put the label first: @{{ {label} = '{name}' }}.";

    public static string TranscriptEmpty(string source)
        => $"'{source}' is empty, so it is not a transcript. Check that the transcription job completed and that the whole output file was downloaded, then read it again.";

    public static string TranscriptNotJson(string source, string detail)
        => $"'{source}' is not JSON ({detail}), so it is not an Amazon Transcribe output file." + PassTranscriptJson;

    public static string TranscriptNotAnObject(string source)
        => $"'{source}' is JSON but not a JSON object, so it is not an Amazon Transcribe output file." + PassTranscriptJson;

    public static string TranscriptUnknownSchema(string source)
        => $"'{source}' is JSON but not a transcript: expected top-level 'jobName'/'results' (standard or medical), 'JobName'/'Transcript' (call analytics) or 'Conversation' (HealthScribe)." + PassTranscriptJson;

    public static string TranscriptNoMembersInPrefix(string source, int limitBytes)
        => $"'{source}' holds no transcript member in its first {limitBytes / 1024} KB: expected top-level 'jobName'/'results', 'JobName'/'Transcript' or 'Conversation'." + PassTranscriptJson;

    public static string TranscriptMalformed(string source, long byteOffset, string detail)
        => $"'{source}' is not a well-formed transcript near byte {byteOffset}: {Sentence(detail)} The file may be truncated or edited; download it again from the job's output location.";

    public static string TranscriptValueTooLarge(string source, long byteOffset, int limitBytes)
        => $"'{source}' has a single JSON value larger than {limitBytes / (1024 * 1024)} MB near byte {byteOffset}, which no transcript item needs. Check that the file is an Amazon Transcribe output file.";

    public static string TranscriptUnexpectedShape(string source, string member, string expected)
        => $"'{source}' has '{member}' that is not {expected}. The file does not follow the Amazon Transcribe output format; download it again from the job's output location.";

    // What went wrong, as the detail of TranscriptMalformed.
    public const string TranscriptEndsInsideValue = "the file ends inside a value";
    public const string TranscriptEndsInsideArray = "the file ends inside an array";
    public const string TranscriptEndsTooEarly = "the file ends too early";
    public const string TranscriptItemNotAnObject = "an item is not a JSON object";
}
