using System.Globalization;
using TranscribePS.Core.Aws.Model;

namespace TranscribePS.Core.Jobs;

/// <summary>
/// Turns a request and what is known about its recording into a <see cref="JobPlan"/>, or into every problem that
/// stops it. The Plan overloads are pure (no file, network or clock access), so the same inputs always give the same
/// plan and name; PlanAsync adds only the reading of a local recording.
/// </summary>
public static partial class JobPlanner
{
    /// <summary>
    /// Reads a local recording (header and content hash; nothing for S3 media) and plans the job. The only I/O in
    /// planning; no network, so it is safe under -WhatIf. A file that cannot be read is a <c>MediaUnreadable</c> problem.
    /// </summary>
    public static async Task<PlanResult> PlanAsync(TranscribeJobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        LocalMedia? local = null;
        if (request.Media.LocalPath is string path)
        {
            try
            {
                local = await LocalMedia.InspectAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A recorder still holding the file, or no read permission: one item's problem, not the batch's.
                return PlanResult.Failure([JobRules.MediaUnreadable(path, ex)]);
            }
        }

        return request switch
        {
            MedicalConversationJobRequest medical => Plan(medical, local),
            CallAnalyticsJobRequest call => Plan(call, local),
            MedicalScribeJobRequest scribe => Plan(scribe, local),
            StandardJobRequest standard => Plan(standard, local),
            _ => throw new ArgumentException("No planner for " + request.GetType().Name + ".", nameof(request)),
        };
    }

    /// <summary>Plans a medical conversation job.</summary>
    /// <param name="request">What the user asked for.</param>
    /// <param name="localMedia">For a local recording, from <see cref="LocalMedia.InspectAsync"/>; null means the file was not found. Ignored for S3 media.</param>
    public static PlanResult Plan(MedicalConversationJobRequest request, LocalMedia? localMedia)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<PlanProblem>();

        Add(problems, JobRules.CheckBucketName(request.OutputBucket, "OutputBucket"));
        string? outputKey = PlanPrefix(request.OutputKeyPrefix, "OutputKeyPrefix", problems);

        int? maxSpeakers = PlanSpeakers(request.MaxSpeakers, request.ChannelIdentification, Messages.SpeakersAndChannels, problems);

        if (request.KmsKeyId is not null)
        {
            Add(problems, JobRules.CheckKmsKeyId(request.KmsKeyId));
        }

        var media = PlanMedia(request, JobKind.Medical, request.UploadBucket ?? request.OutputBucket, request.UploadBucket is not null, request.OutputBucket, localMedia, problems, channelIdentification: request.ChannelIdentification);
        CheckCommon(request, problems);
        if (problems.Count > 0 || media is null)
        {
            return PlanResult.Failure(problems);
        }

        KeyValuePair<string, string?>[] settings =
        [
            new("OutputBucket", request.OutputBucket),
            new("OutputKey", outputKey),
            new("MaxSpeakerLabels", maxSpeakers?.ToString(CultureInfo.InvariantCulture)),
            new("ChannelIdentification", Flag(request.ChannelIdentification)),
            new("IdentifyPhi", Flag(request.IdentifyPhi)),
            new("VocabularyName", request.VocabularyName),
            new("KmsKeyId", request.KmsKeyId),
        ];
        string? jobName = NameJob(request, JobKind.Medical, media, settings, problems);
        if (jobName is null)
        {
            return PlanResult.Failure(problems);
        }

        return PlanResult.Success(new MedicalJobPlan
        {
            JobName = jobName,
            Source = request.Media,
            MediaUri = media.MediaUri,
            Upload = media.Upload,
            MediaFormat = media.Format,
            Tags = CopyTags(request.Tags),
            Force = request.Force,
            OutputBucket = request.OutputBucket,
            OutputKey = outputKey,
            MaxSpeakerLabels = maxSpeakers,
            ChannelIdentification = request.ChannelIdentification,
            IdentifyPhi = request.IdentifyPhi,
            VocabularyName = request.VocabularyName,
            KmsKeyId = request.KmsKeyId,
        });
    }

    /// <summary>Plans a call analytics job.</summary>
    /// <param name="request">What the user asked for.</param>
    /// <param name="localMedia">For a local recording, from <see cref="LocalMedia.InspectAsync"/>; null means the file was not found. Ignored for S3 media.</param>
    public static PlanResult Plan(CallAnalyticsJobRequest request, LocalMedia? localMedia)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<PlanProblem>();

        string? outputLocation = PlanOutputLocation(request, problems, out string? outputBucket);

        if (request.DataAccessRoleArn is not null)
        {
            Add(problems, JobRules.CheckRoleArn(request.DataAccessRoleArn));
        }

        var (agentChannel, customerChannel) = JobRules.AssignChannels(request.AgentChannel, request.CustomerChannel);
        problems.AddRange(JobRules.CheckChannels(agentChannel, customerChannel));

        var languages = Canonicalise(request.LanguageOptions, ServiceVocabulary.LanguageCodes, "InvalidLanguageOption", Messages.InvalidLanguageOption, problems);
        var redaction = PlanRedaction(request.RedactPii, request.PiiEntityTypes, request.RedactionOutput, request.RedactAudio, problems);

        if (request.VocabularyFilterName is not null)
        {
            Add(problems, JobRules.CheckVocabularyFilterName(request.VocabularyFilterName));
        }
        else if (request.VocabularyFilterMethod is VocabularyFilterMethod method)
        {
            problems.Add(new PlanProblem("VocabularyFilterMethodWithoutFilter", Messages.VocabularyFilterMethodWithoutFilter, PlanProblemCategory.InvalidArgument, method.ToString()));
        }

        // An output that was given but refused already explains why no upload bucket could be derived from it.
        bool outputRefused = outputBucket is null && (request.OutputBucket is not null || request.OutputLocation is not null);
        string? uploadBucket = request.UploadBucket ?? outputBucket;
        var media = PlanMedia(request, JobKind.CallAnalytics, uploadBucket, request.UploadBucket is not null, outputBucket, localMedia, problems, reportMissingBucket: !outputRefused);
        CheckCommon(request, problems);
        if (problems.Count > 0 || media is null)
        {
            return PlanResult.Failure(problems);
        }

        // The service wants a method with every filter; mask is what a named filter without one means to most users.
        VocabularyFilterMethod? effectiveMethod = request.VocabularyFilterName is null ? null : request.VocabularyFilterMethod ?? VocabularyFilterMethod.Mask;
        string? filterMethod = effectiveMethod switch
        {
            null => null,
            VocabularyFilterMethod.Remove => "remove",
            VocabularyFilterMethod.Tag => "tag",
            _ => "mask",
        };
        KeyValuePair<string, string?>[] settings =
        [
            new("OutputLocation", outputLocation),
            new("AgentChannel", Invariant(agentChannel)),
            new("CustomerChannel", Invariant(customerChannel)),
            new("LanguageOptions", string.Join(",", languages)),
            new("Redaction", redaction is null ? null : RedactionText(redaction.Output) + ":" + string.Join(",", redaction.PiiEntityTypes)),
            new("RedactAudio", Flag(request.RedactAudio)),
            new("Summarize", Flag(request.Summarize)),
            new("VocabularyName", request.VocabularyName),
            new("VocabularyFilterName", request.VocabularyFilterName),
            new("VocabularyFilterMethod", filterMethod),
        ];
        string? jobName = NameJob(request, JobKind.CallAnalytics, media, settings, problems);
        if (jobName is null)
        {
            return PlanResult.Failure(problems);
        }

        return PlanResult.Success(new CallAnalyticsJobPlan
        {
            JobName = jobName,
            Source = request.Media,
            MediaUri = media.MediaUri,
            Upload = media.Upload,
            MediaFormat = media.Format,
            Tags = CopyTags(request.Tags),
            Force = request.Force,
            OutputLocation = outputLocation,
            DataAccessRoleArn = request.DataAccessRoleArn,
            AgentChannel = agentChannel,
            CustomerChannel = customerChannel,
            LanguageOptions = languages,
            Redaction = redaction,
            RedactAudio = request.RedactAudio,
            Summarize = request.Summarize,
            VocabularyName = request.VocabularyName,
            VocabularyFilterName = request.VocabularyFilterName,
            VocabularyFilterMethod = effectiveMethod,
        });
    }

    /// <summary>
    /// Speaker partitioning (two speakers unless told otherwise) or channel identification, never both: the
    /// MaxSpeakerLabels to send, null with channels.
    /// </summary>
    private static int? PlanSpeakers(int? maxSpeakers, bool channelIdentification, string bothMessage, List<PlanProblem> problems)
    {
        if (JobRules.CheckSpeakersAndChannels(maxSpeakers, channelIdentification, bothMessage) is { } both)
        {
            problems.Add(both);
        }
        else if (maxSpeakers is int n && n is < JobRules.MinSpeakers or > JobRules.MaxSpeakers)
        {
            problems.Add(new PlanProblem("MaxSpeakersOutOfRange", Messages.MaxSpeakersOutOfRange(n), PlanProblemCategory.InvalidArgument, Invariant(n)));
        }

        return channelIdentification ? null : maxSpeakers ?? JobRules.MinSpeakers;
    }

    private sealed record PlannedMedia(string MediaUri, PlannedUpload? Upload, string? Format, string Identity, string FileName);

    private static PlannedMedia? PlanMedia(TranscribeJobRequest request, JobKind kind, string? uploadBucket, bool uploadBucketExplicit, string? outputBucket, LocalMedia? localMedia, List<PlanProblem> problems, bool reportMissingBucket = true, bool channelIdentification = false)
    {
        string? uploadPrefix = PlanPrefix(request.UploadKeyPrefix, "UploadKeyPrefix", problems);
        if (request.Media.LocalPath is string path)
        {
            if (uploadBucket is null)
            {
                if (reportMissingBucket)
                {
                    problems.Add(new PlanProblem("UploadBucketMissing", Messages.UploadBucketMissing(path), PlanProblemCategory.InvalidArgument, path));
                }
            }
            else if (uploadBucketExplicit)
            {
                Add(problems, JobRules.CheckBucketName(uploadBucket, "UploadBucket"));
            }

            if (localMedia is null)
            {
                problems.Add(JobRules.MediaNotFound(path));
                return null;
            }

            problems.AddRange(JobRules.CheckMedia(kind, path, localMedia.Facts, channelIdentification));
            if (uploadBucket is null)
            {
                return null;
            }

            string fileName = Path.GetFileName(path);
            string key = JobNaming.UploadKey(uploadPrefix, fileName, localMedia.ContentSha256);
            var upload = new PlannedUpload(path, uploadBucket, key, localMedia.ContentSha256, localMedia.Facts.SizeBytes)
            {
                OutputBucket = outputBucket is not null && !string.Equals(outputBucket, uploadBucket, StringComparison.Ordinal) ? outputBucket : null,
                LastWriteUtc = localMedia.LastWriteUtc,
            };
            return new PlannedMedia(upload.Uri, upload, localMedia.Facts.Format, "sha256:" + localMedia.ContentSha256, fileName);
        }

        string uri = request.Media.Uri!;
        if (!S3Uri.TryParseObject(uri, out string bucket, out string objectKey))
        {
            problems.Add(new PlanProblem("InvalidMediaUri", Messages.InvalidMediaUri(uri), PlanProblemCategory.InvalidArgument, uri));
            return null;
        }

        var bucketProblem = JobRules.CheckBucketName(bucket, "MediaUri");
        if (bucketProblem is not null)
        {
            problems.Add(bucketProblem with { Target = uri });
            return null;
        }

        string normalised = S3Uri.Format(bucket, objectKey);
        string name = objectKey[(objectKey.LastIndexOf('/') + 1)..];
        return new PlannedMedia(normalised, null, null, normalised, name);
    }

    private static string? NameJob(TranscribeJobRequest request, JobKind kind, PlannedMedia media, IEnumerable<KeyValuePair<string, string?>> settings, List<PlanProblem> problems)
    {
        if (request.JobName is string explicitName)
        {
            var problem = JobRules.CheckJobName(explicitName);
            if (problem is not null)
            {
                problems.Add(problem);
                return null;
            }

            return explicitName;
        }

        return JobNaming.DeriveJobName(media.FileName, JobNaming.Fingerprint(kind, media.Identity, settings));
    }

    private static void CheckCommon(TranscribeJobRequest request, List<PlanProblem> problems)
    {
        if (request.VocabularyName is not null)
        {
            Add(problems, JobRules.CheckVocabularyName(request.VocabularyName));
        }

        problems.AddRange(JobRules.CheckTags(request.Tags));
    }

    private static string? PlanOutputLocation(CallAnalyticsJobRequest request, List<PlanProblem> problems, out string? outputBucket)
    {
        outputBucket = null;
        if (request.OutputLocation is string location)
        {
            if (JobRules.CheckOutputChoice(location, request.OutputBucket, request.OutputKeyPrefix) is { } conflict)
            {
                problems.Add(conflict);
                return null;
            }

            if (!S3Uri.TryParse(location, out string bucket, out string key))
            {
                problems.Add(new PlanProblem("InvalidOutputLocation", Messages.InvalidOutputLocation(location), PlanProblemCategory.InvalidArgument, location));
                return null;
            }

            var bucketProblem = JobRules.CheckBucketName(bucket, "OutputLocation");
            if (bucketProblem is not null)
            {
                problems.Add(bucketProblem);
                return null;
            }

            outputBucket = bucket;
            return S3Uri.Format(bucket, PlanPrefix(key, "OutputLocation", problems) ?? string.Empty);
        }

        if (request.OutputBucket is null)
        {
            if (request.OutputKeyPrefix is not null)
            {
                problems.Add(new PlanProblem("OutputKeyPrefixWithoutBucket", Messages.OutputKeyPrefixWithoutBucket, PlanProblemCategory.InvalidArgument, request.OutputKeyPrefix));
            }

            return null;
        }

        var problem = JobRules.CheckBucketName(request.OutputBucket, "OutputBucket");
        if (problem is not null)
        {
            problems.Add(problem);
            return null;
        }

        outputBucket = request.OutputBucket;
        return S3Uri.Format(request.OutputBucket, PlanPrefix(request.OutputKeyPrefix, "OutputKeyPrefix", problems) ?? string.Empty);
    }

    private static PiiRedaction? PlanRedaction(bool redactPii, IReadOnlyList<string>? piiEntityTypes, RedactionOutput? output, bool redactAudio, List<PlanProblem> problems)
    {
        if (!redactPii)
        {
            if (piiEntityTypes is { Count: > 0 })
            {
                problems.Add(RedactionWithoutPii("PiiEntityType"));
            }

            if (output is not null)
            {
                problems.Add(RedactionWithoutPii("RedactionOutput"));
            }

            if (redactAudio)
            {
                problems.Add(RedactionWithoutPii("RedactAudio"));
            }

            return null;
        }

        var types = Canonicalise(piiEntityTypes, ServiceVocabulary.PiiEntityTypes, "InvalidPiiEntityType", v => Messages.InvalidPiiEntityType(v, ServiceVocabulary.PiiEntityTypes), problems);

        // ALL already covers every type; sending it with others only invites a BadRequest.
        if (types.Contains("ALL"))
        {
            types = ["ALL"];
        }

        return new PiiRedaction(output ?? RedactionOutput.Redacted, types);

        static PlanProblem RedactionWithoutPii(string parameter) =>
            new("RedactionOptionWithoutRedactPii", Messages.RedactionOptionWithoutRedactPii(parameter), PlanProblemCategory.InvalidArgument, parameter);
    }

    /// <summary>Maps values case-insensitively onto the service's spelling, drops duplicates and sorts, so order never changes a name.</summary>
    private static IReadOnlyList<string> Canonicalise(IReadOnlyList<string>? values, IReadOnlyList<string> allowed, string errorId, Func<string, string> message, List<PlanProblem> problems)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string value in values ?? [])
        {
            string? known = allowed.FirstOrDefault(a => string.Equals(a, value?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add(new PlanProblem(errorId, message(value ?? string.Empty), PlanProblemCategory.InvalidArgument, value ?? string.Empty));
            }
            else
            {
                result.Add(known);
            }
        }

        return [.. result];
    }

    private static string? PlanPrefix(string? prefix, string parameter, List<PlanProblem> problems)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return null;
        }

        var problem = JobRules.CheckKeyPrefix(prefix, parameter);
        if (problem is not null)
        {
            problems.Add(problem);
            return null;
        }

        return JobNaming.NormalizePrefix(prefix);
    }

    private static Dictionary<string, string> CopyTags(IReadOnlyDictionary<string, string>? tags) =>
        tags is null ? [] : tags.ToDictionary(t => t.Key, t => t.Value ?? string.Empty, StringComparer.Ordinal);

    private static void Add(List<PlanProblem> problems, PlanProblem? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }

    // Fingerprint text is spelled out here, not taken from enum names, so a renamed member never renames jobs.
    private static string RedactionText(RedactionOutput output) =>
        output == RedactionOutput.RedactedAndUnredacted ? "redacted_and_unredacted" : "redacted";

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
