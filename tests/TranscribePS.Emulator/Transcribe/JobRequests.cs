using System.Text.Json.Nodes;

namespace TranscribePS.Emulator.Transcribe;

/// <summary>The member names each job family uses on the wire.</summary>
internal sealed record FamilyNames(string Noun, string JobName, string Status, string Wrapper, string Summaries);

/// <summary>
/// The service's rules for Start requests that the model cannot express (which members go together, which values
/// one family accepts), and the facts about a request the job engine needs.
/// </summary>
internal static class JobRequests
{
    public static readonly IReadOnlyDictionary<TranscribeJobFamily, FamilyNames> Names = new Dictionary<TranscribeJobFamily, FamilyNames>
    {
        [TranscribeJobFamily.Standard] = new("TranscriptionJob", "TranscriptionJobName", "TranscriptionJobStatus", "TranscriptionJob", "TranscriptionJobSummaries"),
        [TranscribeJobFamily.Medical] = new("MedicalTranscriptionJob", "MedicalTranscriptionJobName", "TranscriptionJobStatus", "MedicalTranscriptionJob", "MedicalTranscriptionJobSummaries"),
        [TranscribeJobFamily.CallAnalytics] = new("CallAnalyticsJob", "CallAnalyticsJobName", "CallAnalyticsJobStatus", "CallAnalyticsJob", "CallAnalyticsJobSummaries"),
        [TranscribeJobFamily.Scribe] = new("MedicalScribeJob", "MedicalScribeJobName", "MedicalScribeJobStatus", "MedicalScribeJob", "MedicalScribeJobSummaries"),
    };

    public static void Validate(TranscribeJobFamily family, JsonObject request)
    {
        string name = Str(request, Names[family].JobName)!;
        if (name is "." or "..")
        {
            throw ServiceErrors.BadRequest(ServiceErrors.JobNameDots);
        }

        if (Str(request, "Media", "MediaFileUri") is null)
        {
            throw ServiceErrors.BadRequest("The Media parameter must include a MediaFileUri. Specify the S3 location of your media file and try your request again.");
        }

        switch (family)
        {
            case TranscribeJobFamily.Medical:
                ValidateMedical(request);
                break;
            case TranscribeJobFamily.CallAnalytics:
                ValidateCallAnalytics(request);
                break;
            case TranscribeJobFamily.Scribe:
                ValidateScribe(request);
                break;
            default:
                ValidateStandard(request);
                break;
        }
    }

    /// <summary>Whether the service queues this request over the concurrent-job quota instead of refusing it.</summary>
    public static bool Queueable(TranscribeJobFamily family, JsonObject request) => family switch
    {
        TranscribeJobFamily.CallAnalytics => Str(request, "DataAccessRoleArn") is not null,
        TranscribeJobFamily.Standard => Bool(request, "JobExecutionSettings", "AllowDeferredExecution") == true,
        _ => false,
    };

    public static string LanguageCode(TranscribeJobFamily family, JsonObject request) => family switch
    {
        TranscribeJobFamily.Standard or TranscribeJobFamily.Medical when Str(request, "LanguageCode") is { } code => code,
        TranscribeJobFamily.Standard => FirstLanguageOption(request, "LanguageOptions") ?? "en-US",
        TranscribeJobFamily.CallAnalytics => FirstLanguageOption(request["Settings"] as JsonObject, "LanguageOptions") ?? "en-US",
        _ => "en-US",
    };

    public static bool ChannelIdentification(JsonObject request) => Bool(request, "Settings", "ChannelIdentification") == true;

    public static bool SpeakerLabels(JsonObject request) => Bool(request, "Settings", "ShowSpeakerLabels") == true;

    public static string? Str(JsonObject? node, params string[] path) => Walk(node, path) is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public static bool? Bool(JsonObject? node, params string[] path) => Walk(node, path) is JsonValue value && value.TryGetValue(out bool flag) ? flag : null;

    public static long? Long(JsonObject? node, params string[] path) => Walk(node, path) is JsonValue value && value.TryGetValue(out long number) ? number : null;

    private static JsonNode? Walk(JsonObject? node, string[] path)
    {
        JsonNode? current = node;
        foreach (string step in path)
        {
            current = current is JsonObject o ? o[step] : null;
        }

        return current;
    }

    private static string? FirstLanguageOption(JsonObject? node, string member) =>
        node?[member] is JsonArray options && options.Count > 0 ? options[0]!.GetValue<string>() : null;

    private static void ValidateSpeakerSettings(JsonObject request, bool alternatives)
    {
        var settings = request["Settings"] as JsonObject;
        bool showSpeakers = Bool(settings, "ShowSpeakerLabels") == true;
        bool maxSpeakers = Long(settings, "MaxSpeakerLabels") is not null;
        if (showSpeakers != maxSpeakers)
        {
            throw ServiceErrors.BadRequest(showSpeakers
                ? "When ShowSpeakerLabels is true, you must also set MaxSpeakerLabels. Add MaxSpeakerLabels (2-30) and try your request again."
                : "MaxSpeakerLabels can only be set when ShowSpeakerLabels is true. Set ShowSpeakerLabels to true or remove MaxSpeakerLabels.");
        }

        if (showSpeakers && Bool(settings, "ChannelIdentification") == true)
        {
            throw ServiceErrors.BadRequest("You can't use speaker partitioning (ShowSpeakerLabels) and channel identification (ChannelIdentification) in the same request. Choose one and try your request again.");
        }

        if (alternatives && (Bool(settings, "ShowAlternatives") == true) != (Long(settings, "MaxAlternatives") is not null))
        {
            throw ServiceErrors.BadRequest("ShowAlternatives and MaxAlternatives must be set together. Set both, or neither, and try your request again.");
        }

        if (Str(settings, "VocabularyFilterName") is not null != (Str(settings, "VocabularyFilterMethod") is not null))
        {
            throw ServiceErrors.BadRequest("VocabularyFilterName and VocabularyFilterMethod must be set together. Set both, or neither, and try your request again.");
        }
    }

    private static void ValidateMedical(JsonObject request)
    {
        if (Str(request, "LanguageCode") != "en-US")
        {
            throw ServiceErrors.BadRequest($"The language code {Str(request, "LanguageCode")} isn't supported for medical transcription. Use en-US and try your request again.");
        }

        ValidateSpeakerSettings(request, alternatives: true);
    }

    private static void ValidateStandard(JsonObject request)
    {
        int languageChoices = (Str(request, "LanguageCode") is not null ? 1 : 0) + (Bool(request, "IdentifyLanguage") == true ? 1 : 0) + (Bool(request, "IdentifyMultipleLanguages") == true ? 1 : 0);
        if (languageChoices != 1)
        {
            throw ServiceErrors.BadRequest("Specify exactly one of LanguageCode, IdentifyLanguage or IdentifyMultipleLanguages and try your request again.");
        }

        bool identification = Str(request, "LanguageCode") is null;
        if (request["LanguageOptions"] is JsonArray options && (!identification || options.Count < 2))
        {
            throw ServiceErrors.BadRequest("LanguageOptions requires IdentifyLanguage or IdentifyMultipleLanguages and at least two language codes.");
        }

        if (identification && request["ContentRedaction"] is not null)
        {
            throw ServiceErrors.BadRequest("ContentRedaction isn't supported with language identification. Specify a LanguageCode to redact PII.");
        }

        if (Str(request, "OutputKey") is not null && Str(request, "OutputBucketName") is null)
        {
            throw ServiceErrors.BadRequest("OutputKey can only be used with OutputBucketName. Add OutputBucketName and try your request again.");
        }

        if (Bool(request, "JobExecutionSettings", "AllowDeferredExecution") == true && Str(request, "JobExecutionSettings", "DataAccessRoleArn") is null)
        {
            throw ServiceErrors.BadRequest("When AllowDeferredExecution is true, you must also set DataAccessRoleArn in JobExecutionSettings.");
        }

        ValidateSpeakerSettings(request, alternatives: true);
        ValidateRedaction(request["ContentRedaction"] as JsonObject);
    }

    private static void ValidateCallAnalytics(JsonObject request)
    {
        if (Str(request, "OutputLocation") is { } output && !output.StartsWith("s3://", StringComparison.Ordinal))
        {
            throw ServiceErrors.BadRequest("The OutputLocation must be an S3 URI of the form s3://bucket/, s3://bucket/prefix/ or s3://bucket/prefix/file.json.");
        }

        if (request["ChannelDefinitions"] is JsonArray definitions)
        {
            var ids = definitions.OfType<JsonObject>().Select(d => Long(d, "ChannelId")).ToList();
            var roles = definitions.OfType<JsonObject>().Select(d => Str(d, "ParticipantRole")).ToList();
            if (definitions.Count != 2 || ids.Distinct().Count() != 2 || ids.Any(id => id is not (0 or 1)) || roles.Distinct().Count() != 2 || roles.Any(r => r is not ("AGENT" or "CUSTOMER")))
            {
                throw ServiceErrors.BadRequest("ChannelDefinitions must have two entries: ChannelId 0 and 1, one with ParticipantRole AGENT and one with CUSTOMER.");
            }
        }

        ValidateRedaction((request["Settings"] as JsonObject)?["ContentRedaction"] as JsonObject);
        if (Str(request, "Settings", "VocabularyFilterName") is not null != (Str(request, "Settings", "VocabularyFilterMethod") is not null))
        {
            throw ServiceErrors.BadRequest("VocabularyFilterName and VocabularyFilterMethod must be set together. Set both, or neither, and try your request again.");
        }
    }

    private static void ValidateScribe(JsonObject request)
    {
        var settings = request["Settings"] as JsonObject;
        bool speakers = Bool(settings, "ShowSpeakerLabels") == true;
        bool channels = Bool(settings, "ChannelIdentification") == true;
        if (speakers == channels)
        {
            throw ServiceErrors.BadRequest("Set exactly one of ShowSpeakerLabels or ChannelIdentification to true in Settings and try your request again.");
        }

        if (speakers && Long(settings, "MaxSpeakerLabels") is null)
        {
            throw ServiceErrors.BadRequest("When ShowSpeakerLabels is true, you must also set MaxSpeakerLabels. Add MaxSpeakerLabels (2-30) and try your request again.");
        }

        bool hasDefinitions = request["ChannelDefinitions"] is JsonArray;
        if (channels != hasDefinitions)
        {
            throw ServiceErrors.BadRequest("ChannelDefinitions are required when ChannelIdentification is true, and allowed only then.");
        }

        if (request["ChannelDefinitions"] is JsonArray definitions)
        {
            var ids = definitions.OfType<JsonObject>().Select(d => Long(d, "ChannelId")).Distinct().Count();
            var roles = definitions.OfType<JsonObject>().Select(d => Str(d, "ParticipantRole")).ToHashSet();
            if (ids != 2 || !roles.SetEquals(["CLINICIAN", "PATIENT"]))
            {
                throw ServiceErrors.BadRequest("ChannelDefinitions must have two entries: ChannelId 0 and 1, one with ParticipantRole CLINICIAN and one with PATIENT.");
            }
        }
    }

    private static void ValidateRedaction(JsonObject? redaction)
    {
        if (redaction?["PiiEntityTypes"] is JsonArray types && types.Count > 1 && types.Any(t => t?.GetValue<string>() == "ALL"))
        {
            throw ServiceErrors.BadRequest("PiiEntityTypes can't combine ALL with other types. Use ALL alone, or list the types you want redacted.");
        }
    }
}
