using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TranscribePS.Emulator.Transcribe.Categories;
using TranscribePS.Emulator.Transcribe.Content;
using TranscribePS.Emulator.Transcribe.Output;

namespace TranscribePS.Emulator.Transcribe;

public sealed partial class TranscribeApi
{
    /// <summary>Fewer words than this and the service skips a requested call summary.</summary>
    private const int MinimumWordsForSummary = 40;

    private static readonly JsonSerializerOptions OutputJson = new() { WriteIndented = false };

    /// <summary>Ends a job at the given moment: FAILED with the media's failure reason, or COMPLETED with its files written.</summary>
    private void Finish(JobRecord job, DateTimeOffset at)
    {
        job.CompletionTime = at;
        if (job.Assessment?.FailureReason is { } reason)
        {
            job.Status = JobStatusWords.Failed;
            job.FailureReason = reason;
            return;
        }

        var conversation = Hear(job);
        job.Outputs = job.Family switch
        {
            TranscribeJobFamily.CallAnalytics => WriteCallAnalytics(job, conversation),
            TranscribeJobFamily.Scribe => WriteScribe(job, conversation),
            _ => WriteResults(job, conversation),
        };
        job.Status = JobStatusWords.Completed;
    }

    /// <summary>The conversation a job hears: its name's script, else its recording's script, else a generated one.</summary>
    private Conversation Hear(JobRecord job)
    {
        long durationMs = job.Assessment!.DurationMs;
        var script = _jobScripts.GetValueOrDefault(job.Name) ?? _mediaScripts.GetValueOrDefault((job.Media.Bucket, job.Media.Key));
        if (script is not null)
        {
            var order = new List<string>();
            return ConversationGenerator.FromScript(script, job.Name, durationMs, speaker => PartyOf(speaker, order));
        }

        bool dictation = job.Family == TranscribeJobFamily.Medical && JobRequests.Str(job.Request, "Type") == "DICTATION";
        var pool = job.Family switch
        {
            TranscribeJobFamily.CallAnalytics or TranscribeJobFamily.Standard => ConversationPool.SupportCall,
            _ when dictation => ConversationPool.Dictation,
            _ => ConversationPool.ClinicVisit,
        };
        return ConversationGenerator.Generate(pool, job.Name, durationMs, singleSpeaker: dictation);
    }

    private static int PartyOf(string speaker, List<string> order)
    {
        string role = speaker.Trim().ToUpperInvariant();
        switch (role)
        {
            case "AGENT" or "CLINICIAN" or "CLINICIAN_0" or "SPK_0" or "CH_0":
                return 0;
            case "CUSTOMER" or "PATIENT" or "PATIENT_0" or "SPK_1" or "CH_1":
                return 1;
        }

        if (!order.Contains(role))
        {
            order.Add(role);
        }

        return order.IndexOf(role);
    }

    private JobOutputs WriteResults(JobRecord job, Conversation conversation)
    {
        var request = job.Request;
        var redaction = request["ContentRedaction"] as JsonObject;
        var options = new ResultsOptions(
            SpeakerLabels: JobRequests.SpeakerLabels(request),
            ChannelLabels: JobRequests.ChannelIdentification(request),
            PhiEntities: job.Family == TranscribeJobFamily.Medical && JobRequests.Str(request, "ContentIdentificationType") == "PHI",
            RedactPii: false);

        string? transcriptUri = null;
        string? redactedUri = null;
        if (redaction is not null)
        {
            var redacted = _outputs.Transcript(job.Family, job.Name, request, redacted: true);
            Write(redacted.Location, ResultsTranscript.Build(conversation, job.Name, _options.AccountId, options with { RedactPii = true }));
            redactedUri = redacted.Uri;
        }

        if (redaction is null || JobRequests.Str(redaction, "RedactionOutput") == "redacted_and_unredacted")
        {
            var plain = _outputs.Transcript(job.Family, job.Name, request, redacted: false);
            Write(plain.Location, ResultsTranscript.Build(conversation, job.Name, _options.AccountId, options));
            transcriptUri = plain.Uri;
        }

        var subtitleUris = new List<string>();
        if (request["Subtitles"]?["Formats"] is JsonArray formats)
        {
            int startIndex = (int)(JobRequests.Long(request, "Subtitles", "OutputStartIndex") ?? 0);
            foreach (string format in formats.Select(f => f!.GetValue<string>()).Distinct())
            {
                var file = _outputs.Subtitle(job.Family, job.Name, request, format);
                _store.Put(file.Location.Bucket, file.Location.Key, Encoding.UTF8.GetBytes(Subtitles.Render(conversation, format, startIndex, redact: redaction is not null)), format == "vtt" ? "text/vtt" : "application/x-subrip");
                subtitleUris.Add(file.Uri);
            }
        }

        return new JobOutputs(transcriptUri, redactedUri, null, subtitleUris);
    }

    private JobOutputs WriteCallAnalytics(JobRecord job, Conversation conversation)
    {
        var request = job.Request;
        var settings = request["Settings"] as JsonObject;
        var facts = ConversationFacts.Measure(conversation, CallAnalyticsDocument.Roles);
        var matches = job.Categories.Select(c => CategoryRules.Evaluate(c, conversation, facts)).OfType<CategoryMatch>().ToList();

        string? summary = null;
        if (JobRequests.Bool(settings, "Summarization", "GenerateAbstractiveSummary") == true)
        {
            if (conversation.Words.Count(w => !w.IsPunctuation) >= MinimumWordsForSummary)
            {
                summary = CallAnalyticsDocument.Summarize(conversation);
            }
            else
            {
                job.Skipped = new JsonArray(new JsonObject
                {
                    ["Feature"] = "GENERATIVE_SUMMARIZATION",
                    ["ReasonCode"] = "INSUFFICIENT_CONVERSATION_CONTENT",
                    ["Message"] = "The conversation is too short to generate a summary.",
                });
            }
        }

        var render = new CallAnalyticsRender(job.Name, _options.AccountId, job.LanguageCode, null, summary);
        string? redactedUri = null;
        string? redactedMediaUri = null;
        if (settings?["ContentRedaction"] is JsonObject redaction)
        {
            var types = (redaction["PiiEntityTypes"] as JsonArray)?.Select(t => t!.GetValue<string>()).Where(t => t != "ALL").ToHashSet() ?? [];
            var redacted = _outputs.Transcript(job.Family, job.Name, request, redacted: true);
            Write(redacted.Location, CallAnalyticsDocument.Build(conversation, facts, matches, render with { RedactTypes = types }));
            redactedUri = redacted.Uri;
            redactedMediaUri = WriteRedactedMedia(job);
            if (JobRequests.Str(redaction, "RedactionOutput") != "redacted_and_unredacted")
            {
                return new JobOutputs(null, redactedUri, null, []) { RedactedMediaFileUri = redactedMediaUri };
            }
        }

        var plain = _outputs.Transcript(job.Family, job.Name, request, redacted: false);
        Write(plain.Location, CallAnalyticsDocument.Build(conversation, facts, matches, render));
        return new JobOutputs(plain.Uri, redactedUri, null, []) { RedactedMediaFileUri = redactedMediaUri };
    }

    /// <summary>
    /// Media.RedactedMediaFileUri asks for the recording with PII bleeped; the emulator writes the recording's bytes
    /// there (a folder URI ending in "/" gets the recording's file name) and reports the https URI.
    /// </summary>
    private string? WriteRedactedMedia(JobRecord job)
    {
        if (JobRequests.Str(job.Request, "Media", "RedactedMediaFileUri") is not { } target || _store.Get(job.Media.Bucket, job.Media.Key) is not { } source)
        {
            return null;
        }

        string fileName = job.Media.Key[(job.Media.Key.LastIndexOf('/') + 1)..];
        var location = S3Location.Parse(target.EndsWith('/') ? target + fileName : target);
        if (location is null)
        {
            return null;
        }

        _store.Put(location.Bucket, location.Key, source.Data, source.ContentType);
        return location.ToHttpsUri(Region);
    }

    private JobOutputs WriteScribe(JobRecord job, Conversation conversation)
    {
        var (transcript, document) = _outputs.Scribe(job.Name, job.Request);
        var documents = ScribeDocuments.Build(conversation, job.Name, JobRequests.Str(job.Request, "Settings", "ClinicalNoteGenerationSettings", "NoteTemplate") ?? "HISTORY_AND_PHYSICAL");
        Write(transcript.Location, documents.Transcript);
        Write(document.Location, documents.ClinicalDocument);
        return new JobOutputs(transcript.Uri, null, document.Uri, []);
    }

    private void Write(S3Location location, JsonObject document) =>
        _store.Put(location.Bucket, location.Key, JsonSerializer.SerializeToUtf8Bytes(document, OutputJson), "application/json");
}
