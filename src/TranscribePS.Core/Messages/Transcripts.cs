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
        => $"'{source}' is not JSON ({JsonDetail(detail).TrimEnd('.')}), so it is not an Amazon Transcribe output file." + PassTranscriptJson;

    public static string TranscriptUtf16(string source)
        => $"'{source}' is UTF-16 text, and Amazon Transcribe output files are UTF-8 JSON (the file was probably re-saved by an editor or by Out-File in Windows PowerShell). Save it as UTF-8, for example Get-Content -LiteralPath <file> | Set-Content -LiteralPath <new file> -Encoding utf8, or download it again from the job's output location.";

    public static string TranscriptNotAnObject(string source)
        => $"'{source}' is JSON but not a JSON object, so it is not an Amazon Transcribe output file." + PassTranscriptJson;

    public static string TranscriptUnknownSchema(string source)
        => $"'{source}' is JSON but not a transcript: expected top-level 'jobName'/'results' (standard or medical), 'JobName'/'Transcript' (call analytics) or 'Conversation' (HealthScribe)." + PassTranscriptJson;

    public static string TranscriptNoMembersInPrefix(string source, int limitBytes)
        => $"'{source}' holds no transcript member in its first {limitBytes / 1024} KB: expected top-level 'jobName'/'results', 'JobName'/'Transcript' or 'Conversation'." + PassTranscriptJson;

    public static string TranscriptMalformed(string source, long byteOffset, string detail)
        => $"'{source}' is not a well-formed transcript near byte {byteOffset}: {JsonDetail(detail)} The file may be truncated or edited; download it again from the job's output location.";

    public static string TranscriptValueTooLarge(string source, long byteOffset, int limitBytes)
        => $"'{source}' has a single JSON value larger than {limitBytes / (1024 * 1024)} MB near byte {byteOffset}, which no transcript item needs. Check that the file is an Amazon Transcribe output file.";

    public static string TranscriptUnexpectedShape(string source, string member, string expected)
        => $"'{source}' has '{member}' that is not {expected}. The file does not follow the Amazon Transcribe output format; download it again from the job's output location.";

    /// <summary>A value of the wrong type or out of range in the <paramref name="index"/>th element (from 0) of an item list.</summary>
    public static string TranscriptItemInvalid(string source, long index, string problem)
        => Text($"'{source}' has an item it cannot read: item {index} (counting from 0) {problem} Correct or remove that item, or download the file again from the job's output location.");

    /// <summary>A value of the wrong type or out of range outside an item list.</summary>
    public static string TranscriptValueInvalid(string source, long byteOffset, string problem)
        => Text($"'{source}' has a value it cannot read near byte {byteOffset}: {problem} Download the file again from the job's output location.");

    // What is wrong with one value, as the problem of TranscriptItemInvalid/TranscriptValueInvalid ("item 12 has ...").
    public static string TranscriptNotANumber(string? member, string raw) => $"has {Member(member)} {raw}, which is not a number.";

    public static string TranscriptNumberOutOfRange(string? member, string raw) => $"has {Member(member)} {raw}, which is not a finite number (too large, or not a number at all).";

    public static string TranscriptNotText(string? member, string raw) => $"has {Member(member)} {raw}, which is not text.";

    public static string TranscriptNotAList(string member) => $"has '{member}' that is not a list.";

    public static string TranscriptTimeNegative(string member, double seconds) => Text($"has '{member}' {seconds}, a time before the start of the recording.");

    public static string TranscriptConfidenceOutOfRange(string member, double value) => Text($"has '{member}' {value}, outside 0 to 1.");

    public static string TranscriptEndsBeforeStart(double start, double end) => Text($"ends ({end} s) before it starts ({start} s).");

    private static string Member(string? member) => member is null ? "a value" : $"'{member}'";

    // What went wrong, as the detail of TranscriptMalformed.
    public const string TranscriptEndsInsideValue = "the file ends inside a value";
    public const string TranscriptEndsInsideArray = "the file ends inside an array";
    public const string TranscriptEndsTooEarly = "the file ends too early";
    public const string TranscriptItemNotAnObject = "an item is not a JSON object";
}
