using TranscribePS.Core.Aws.Model;

namespace TranscribePS.Core.Jobs;

public static partial class JobPlanner
{
    /// <summary>
    /// Plans a standard transcription job: exactly one of a language code (en-US when nothing is said) and language
    /// identification, candidate languages only with identification, speakers or channels, PII redaction in the
    /// languages that support it, subtitles, and the output bucket or the service's own.
    /// </summary>
    /// <param name="request">What the user asked for.</param>
    /// <param name="localMedia">For a local recording, from <see cref="LocalMedia.InspectAsync"/>; null means the file was not found. Ignored for S3 media.</param>
    public static PlanResult Plan(StandardJobRequest request, LocalMedia? localMedia)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<PlanProblem>();

        var (outputBucket, outputKey) = PlanStandardOutput(request, problems);
        if (request.KmsKeyId is not null)
        {
            Add(problems, JobRules.CheckKmsKeyId(request.KmsKeyId));
            if (request.OutputBucket is null)
            {
                problems.Add(new PlanProblem("KmsKeyWithoutOutputBucket", Messages.KmsKeyWithoutOutputBucket, PlanProblemCategory.InvalidArgument, request.KmsKeyId));
            }
        }

        var (languageCode, languages) = PlanLanguage(request, problems);
        bool identification = request.IdentifyLanguage || request.IdentifyMultipleLanguages;
        int? maxSpeakers = PlanSpeakers(request.MaxSpeakers, request.ChannelIdentification, Messages.SpeakersAndChannels, problems);

        var redaction = PlanRedaction(request.RedactPii, request.PiiEntityTypes, request.RedactionOutput, redactAudio: false, problems);
        if (redaction is not null && identification)
        {
            problems.Add(new PlanProblem("RedactionWithLanguageIdentification", Messages.RedactionWithLanguageIdentification, PlanProblemCategory.InvalidArgument, "RedactPii"));
        }
        else if (redaction is not null && languageCode is not null && !ServiceVocabulary.RedactionLanguages.Contains(languageCode))
        {
            problems.Add(new PlanProblem("RedactionLanguageUnsupported", Messages.RedactionLanguageUnsupported(languageCode, ServiceVocabulary.RedactionLanguages), PlanProblemCategory.InvalidArgument, languageCode));
        }

        SubtitleFormat[] subtitles = [.. (request.SubtitleFormats ?? []).Distinct().Order()];
        if (request.SubtitleStartIndex is int start)
        {
            if (subtitles.Length == 0)
            {
                problems.Add(new PlanProblem("SubtitleStartIndexWithoutSubtitle", Messages.SubtitleStartIndexWithoutSubtitle, PlanProblemCategory.InvalidArgument, Invariant(start)));
            }
            else if (start is not (0 or 1))
            {
                problems.Add(new PlanProblem("InvalidSubtitleStartIndex", Messages.InvalidSubtitleStartIndex(start), PlanProblemCategory.InvalidArgument, Invariant(start)));
            }
        }

        // An output that was given but refused already explains why no upload bucket could be derived from it.
        bool outputRefused = outputBucket is null && request.OutputBucket is not null;
        var media = PlanMedia(request, JobKind.Standard, request.UploadBucket ?? outputBucket, request.UploadBucket is not null, outputBucket, localMedia, problems, reportMissingBucket: !outputRefused, channelIdentification: request.ChannelIdentification);
        CheckCommon(request, problems);
        if (problems.Count > 0 || media is null)
        {
            return PlanResult.Failure(problems);
        }

        KeyValuePair<string, string?>[] settings =
        [
            new("OutputBucket", outputBucket),
            new("OutputKey", outputKey),
            new("LanguageCode", languageCode),
            new("IdentifyLanguage", Flag(request.IdentifyLanguage)),
            new("IdentifyMultipleLanguages", Flag(request.IdentifyMultipleLanguages)),
            new("LanguageOptions", string.Join(",", languages)),
            new("MaxSpeakerLabels", maxSpeakers is int n ? Invariant(n) : null),
            new("ChannelIdentification", Flag(request.ChannelIdentification)),
            new("Redaction", redaction is null ? null : RedactionText(redaction.Output) + ":" + string.Join(",", redaction.PiiEntityTypes)),
            new("Subtitles", subtitles.Length == 0 ? null : string.Join(",", subtitles.Select(SubtitleText)) + ":" + Invariant(request.SubtitleStartIndex ?? 0)),
            new("VocabularyName", request.VocabularyName),
            new("KmsKeyId", request.KmsKeyId),
        ];
        string? jobName = NameJob(request, JobKind.Standard, media, settings, problems);
        if (jobName is null)
        {
            return PlanResult.Failure(problems);
        }

        return PlanResult.Success(new StandardJobPlan
        {
            JobName = jobName,
            Source = request.Media,
            MediaUri = media.MediaUri,
            Upload = media.Upload,
            MediaFormat = media.Format,
            Tags = CopyTags(request.Tags),
            Force = request.Force,
            OutputBucket = outputBucket,
            OutputKey = outputKey,
            LanguageCode = languageCode,
            IdentifyLanguage = request.IdentifyLanguage,
            IdentifyMultipleLanguages = request.IdentifyMultipleLanguages,
            LanguageOptions = languages,
            MaxSpeakerLabels = maxSpeakers,
            ChannelIdentification = request.ChannelIdentification,
            Redaction = redaction,
            SubtitleFormats = subtitles,
            SubtitleStartIndex = subtitles.Length == 0 ? null : request.SubtitleStartIndex,
            VocabularyName = request.VocabularyName,
            KmsKeyId = request.KmsKeyId,
        });
    }

    private static (string? Bucket, string? Key) PlanStandardOutput(StandardJobRequest request, List<PlanProblem> problems)
    {
        if (request.OutputBucket is null)
        {
            if (request.OutputKeyPrefix is not null)
            {
                problems.Add(new PlanProblem("OutputKeyPrefixWithoutBucket", Messages.OutputKeyPrefixWithoutBucket, PlanProblemCategory.InvalidArgument, request.OutputKeyPrefix));
            }

            return (null, null);
        }

        var problem = JobRules.CheckBucketName(request.OutputBucket, "OutputBucket");
        if (problem is not null)
        {
            problems.Add(problem);
            return (null, null);
        }

        return (request.OutputBucket, PlanPrefix(request.OutputKeyPrefix, "OutputKeyPrefix", problems));
    }

    /// <summary>
    /// Exactly one of LanguageCode, IdentifyLanguage and IdentifyMultipleLanguages, as the service requires; nothing
    /// asked for is en-US. LanguageOptions (two or more) narrow identification and mean nothing without it. A custom
    /// vocabulary is of one language, so it needs a known language.
    /// </summary>
    private static (string? LanguageCode, IReadOnlyList<string> Options) PlanLanguage(StandardJobRequest request, List<PlanProblem> problems)
    {
        bool identification = request.IdentifyLanguage || request.IdentifyMultipleLanguages;
        if (request.IdentifyLanguage && request.IdentifyMultipleLanguages)
        {
            problems.Add(new PlanProblem("IdentifyLanguageConflict", Messages.IdentifyLanguageConflict, PlanProblemCategory.InvalidArgument, "IdentifyMultipleLanguages"));
        }

        string? languageCode = null;
        if (request.LanguageCode is string code)
        {
            if (identification)
            {
                problems.Add(new PlanProblem("LanguageCodeAndIdentification", Messages.LanguageCodeAndIdentification, PlanProblemCategory.InvalidArgument, code));
            }

            languageCode = Canonicalise([code], ServiceVocabulary.LanguageCodes, "InvalidLanguageCode", Messages.InvalidLanguageOption, problems).SingleOrDefault();
        }
        else if (!identification)
        {
            languageCode = DefaultLanguageCode;
        }

        var options = Canonicalise(request.LanguageOptions, ServiceVocabulary.LanguageCodes, "InvalidLanguageOption", Messages.InvalidLanguageOption, problems);
        if (options.Count > 0 && !identification)
        {
            problems.Add(new PlanProblem("LanguageOptionsWithoutIdentification", Messages.LanguageOptionsWithoutIdentification, PlanProblemCategory.InvalidArgument, string.Join(",", options)));
        }
        else if (options.Count == 1)
        {
            problems.Add(new PlanProblem("TooFewLanguageOptions", Messages.TooFewLanguageOptions(options[0]), PlanProblemCategory.InvalidArgument, options[0]));
        }

        if (identification && request.VocabularyName is not null)
        {
            problems.Add(new PlanProblem("VocabularyWithLanguageIdentification", Messages.VocabularyWithLanguageIdentification, PlanProblemCategory.InvalidArgument, request.VocabularyName));
        }

        return (languageCode, options);
    }

    /// <summary>The language of a standard job that names none and does not identify it.</summary>
    public const string DefaultLanguageCode = "en-US";

    // Fingerprint text is spelled out here, not taken from enum names, so a renamed member never renames jobs.
    private static string SubtitleText(SubtitleFormat format) => format == SubtitleFormat.Srt ? "srt" : "vtt";
}
