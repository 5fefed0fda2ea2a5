using System.Text.Json.Nodes;

namespace TranscribePS.Emulator.Transcribe;

/// <summary>A job as the service describes it: the full shape (Start/Get) and the summary shape (List).</summary>
internal static class JobViews
{
    /// <param name="present">Maps a stored output URI to the one this answer reports (the service re-signs the files it
    /// keeps in its own bucket on every Get).</param>
    public static JsonObject Full(JobRecord job, Func<string, string> present)
    {
        var names = JobRequests.Names[job.Family];
        var request = job.Request;
        var view = new JsonObject
        {
            [names.JobName] = job.Name,
            [names.Status] = job.Status,
            ["LanguageCode"] = job.LanguageCode,
        };
        if (job.Family != TranscribeJobFamily.Scribe)
        {
            AddIfPresent(view, "MediaSampleRateHertz", (JsonNode?)Copy(request["MediaSampleRateHertz"]) ?? job.Assessment?.Facts?.SampleRateHertz);
            AddIfPresent(view, "MediaFormat", (JsonNode?)Copy(request["MediaFormat"]) ?? job.Assessment?.Facts?.Format);
        }

        view["Media"] = Copy(request["Media"]);
        if (job.Outputs?.RedactedMediaFileUri is { } redactedMedia)
        {
            view["Media"]!["RedactedMediaFileUri"] = present(redactedMedia);
        }

        switch (job.Family)
        {
            case TranscribeJobFamily.Scribe:
                if (job.Outputs is { } scribe)
                {
                    view["MedicalScribeOutput"] = new JsonObject { ["TranscriptFileUri"] = Present(scribe.TranscriptFileUri, present), ["ClinicalDocumentUri"] = Present(scribe.ClinicalDocumentUri, present) };
                }

                break;
            default:
                view["Transcript"] = TranscriptMember(job, present);
                break;
        }

        AddTimes(view, job);
        AddIfPresent(view, "FailureReason", job.FailureReason);
        switch (job.Family)
        {
            case TranscribeJobFamily.Medical:
                view["Settings"] = Copy(request["Settings"]) ?? new JsonObject { ["ChannelIdentification"] = false, ["ShowAlternatives"] = false };
                AddIfPresent(view, "ContentIdentificationType", Copy(request["ContentIdentificationType"]));
                view["Specialty"] = Copy(request["Specialty"]);
                view["Type"] = Copy(request["Type"]);
                break;
            case TranscribeJobFamily.CallAnalytics:
                if (job.Skipped is { } skipped)
                {
                    view["CallAnalyticsJobDetails"] = new JsonObject { ["Skipped"] = skipped.DeepClone() };
                }

                AddIfPresent(view, "DataAccessRoleArn", Copy(request["DataAccessRoleArn"]));
                if (job.Status == JobStatusWords.Completed && request["Settings"]?["LanguageOptions"] is JsonArray { Count: > 1 })
                {
                    view["IdentifiedLanguageScore"] = 0.9876;
                }

                AddIfPresent(view, "Settings", Copy(request["Settings"]));
                view["ChannelDefinitions"] = Copy(request["ChannelDefinitions"]) ?? DefaultChannels();
                break;
            case TranscribeJobFamily.Scribe:
                view["Settings"] = Copy(request["Settings"]);
                view["DataAccessRoleArn"] = Copy(request["DataAccessRoleArn"]);
                AddIfPresent(view, "ChannelDefinitions", Copy(request["ChannelDefinitions"]));
                view["MedicalScribeContextProvided"] = request["MedicalScribeContext"] is not null;
                break;
            default:
                view["Settings"] = Copy(request["Settings"]) ?? new JsonObject { ["ChannelIdentification"] = false, ["ShowAlternatives"] = false };
                foreach (string member in new[] { "ModelSettings", "JobExecutionSettings", "ContentRedaction", "IdentifyLanguage", "IdentifyMultipleLanguages", "LanguageOptions", "LanguageIdSettings", "ToxicityDetection" })
                {
                    AddIfPresent(view, member, Copy(request[member]));
                }

                AddLanguageIdentification(view, job);
                if (request["Subtitles"] is JsonObject subtitles)
                {
                    var output = (JsonObject)subtitles.DeepClone();
                    if (job.Outputs is { } outputs)
                    {
                        output["SubtitleFileUris"] = new JsonArray(outputs.SubtitleFileUris.Select(u => (JsonNode)JsonValue.Create(present(u))!).ToArray());
                    }

                    view["Subtitles"] = output;
                }

                break;
        }

        AddIfPresent(view, "Tags", Copy(request["Tags"]));
        return view;
    }

    public static JsonObject Summary(JobRecord job)
    {
        var names = JobRequests.Names[job.Family];
        var request = job.Request;
        var view = new JsonObject { [names.JobName] = job.Name };
        AddTimes(view, job);
        view["LanguageCode"] = job.LanguageCode;
        view[names.Status] = job.Status;
        if (job.Family == TranscribeJobFamily.CallAnalytics && job.Skipped is { } skipped)
        {
            view["CallAnalyticsJobDetails"] = new JsonObject { ["Skipped"] = skipped.DeepClone() };
        }

        AddIfPresent(view, "FailureReason", job.FailureReason);
        switch (job.Family)
        {
            case TranscribeJobFamily.Medical:
                view["OutputLocationType"] = "CUSTOMER_BUCKET";
                view["Specialty"] = Copy(request["Specialty"]);
                AddIfPresent(view, "ContentIdentificationType", Copy(request["ContentIdentificationType"]));
                view["Type"] = Copy(request["Type"]);
                break;
            case TranscribeJobFamily.Standard:
                view["OutputLocationType"] = request["OutputBucketName"] is null ? "SERVICE_BUCKET" : "CUSTOMER_BUCKET";
                foreach (string member in new[] { "ContentRedaction", "ModelSettings", "IdentifyLanguage", "IdentifyMultipleLanguages", "ToxicityDetection" })
                {
                    AddIfPresent(view, member, Copy(request[member]));
                }

                AddLanguageIdentification(view, job);
                break;
        }

        return view;
    }

    private static string? Present(string? uri, Func<string, string> present) => uri is null ? null : present(uri);

    private static JsonObject TranscriptMember(JobRecord job, Func<string, string> present)
    {
        var transcript = new JsonObject();
        if (job.Outputs is { } outputs)
        {
            AddIfPresent(transcript, "TranscriptFileUri", Present(outputs.TranscriptFileUri, present));
            AddIfPresent(transcript, "RedactedTranscriptFileUri", Present(outputs.RedactedTranscriptFileUri, present));
        }

        return transcript;
    }

    private static void AddLanguageIdentification(JsonObject view, JobRecord job)
    {
        bool identify = JobRequests.Bool(job.Request, "IdentifyLanguage") == true || JobRequests.Bool(job.Request, "IdentifyMultipleLanguages") == true;
        if (identify && job.Status == JobStatusWords.Completed)
        {
            view["IdentifiedLanguageScore"] = 0.9876;
            if (JobRequests.Bool(job.Request, "IdentifyMultipleLanguages") == true)
            {
                double seconds = Math.Round((job.Assessment?.DurationMs ?? 0) / 1000.0, 2);
                view["LanguageCodes"] = new JsonArray(new JsonObject { ["LanguageCode"] = job.LanguageCode, ["DurationInSeconds"] = seconds });
            }
        }
    }

    private static void AddTimes(JsonObject view, JobRecord job)
    {
        AddIfPresent(view, "StartTime", job.StartTime is { } start ? Epoch(start) : null);
        view["CreationTime"] = Epoch(job.CreationTime);
        AddIfPresent(view, "CompletionTime", job.CompletionTime is { } done ? Epoch(done) : null);
    }

    /// <summary>Epoch seconds with millisecond precision, as a JSON number.</summary>
    public static JsonNode Epoch(DateTimeOffset time) => JsonValue.Create(time.ToUnixTimeMilliseconds() / 1000.0);

    private static JsonArray DefaultChannels() => new(
        new JsonObject { ["ChannelId"] = 0, ["ParticipantRole"] = "AGENT" },
        new JsonObject { ["ChannelId"] = 1, ["ParticipantRole"] = "CUSTOMER" });

    private static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    private static void AddIfPresent(JsonObject view, string member, JsonNode? value)
    {
        if (value is not null)
        {
            view[member] = value;
        }
    }
}
