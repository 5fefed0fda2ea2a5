using System.Net;
using System.Text.RegularExpressions;
using TranscribePS.Core.Media;

namespace TranscribePS.Core.Jobs;

/// <summary>
/// The service's own limits and patterns, checked before anything is uploaded. Each check is pure and returns
/// the problems it found (none when the value is fine).
/// </summary>
public static partial class JobRules
{
    public const long MedicalMaxBytes = 2L * 1024 * 1024 * 1024;
    public const long CallAnalyticsMaxBytes = 500L * 1024 * 1024;
    public const int MinSampleRateHertz = 16_000;
    public const int MinTelephoneSampleRateHertz = 8_000;

    /// <summary>Channel identification transcribes at most two channels (a quota that cannot be raised).</summary>
    public const int MaxIdentifiedChannels = 2;
    public const int MaxSampleRateHertz = 48_000;
    public const int MinSpeakers = 2;
    public const int MaxSpeakers = 30;
    public const int MaxTags = 200;

    /// <summary>Leaves room under S3's 1024-byte key limit for the job name and file name that follow a prefix.</summary>
    public const int MaxKeyPrefixLength = 800;

    public static TimeSpan MinDuration { get; } = TimeSpan.FromSeconds(0.5);

    public static TimeSpan MaxDuration { get; } = TimeSpan.FromHours(4);

    /// <summary>
    /// The channels of the two roles of a stereo recording (agent and customer, clinician and patient). A role given
    /// alone takes its channel and the other role the other one of 0 and 1; neither given is first 0, second 1. A
    /// value other than 0 or 1 is kept for the planner to refuse, and the role not given then takes its default.
    /// </summary>
    public static (int First, int Second) AssignChannels(int? first, int? second) => (first, second) switch
    {
        (int a, int c) => (a, c),
        (int a and (0 or 1), null) => (a, 1 - a),
        (null, int c and (0 or 1)) => (1 - c, c),
        _ => (first ?? 0, second ?? 1),
    };

    /// <summary>A channel of a stereo recording: 0 or 1.</summary>
    public static PlanProblem? CheckChannel(string parameter, int channel)
        => channel is 0 or 1 ? null : new PlanProblem("InvalidChannel", Messages.InvalidChannel(parameter, channel), PlanProblemCategory.InvalidArgument, Invariant(channel));

    /// <summary>Agent and customer on different channels, each 0 or 1 (after <see cref="AssignChannels"/>).</summary>
    public static IEnumerable<PlanProblem> CheckChannels(int agent, int customer)
    {
        foreach (var problem in new[] { CheckChannel("AgentChannel", agent), CheckChannel("CustomerChannel", customer) })
        {
            if (problem is not null)
            {
                yield return problem;
            }
        }

        if (agent == customer)
        {
            yield return new PlanProblem("SameAgentCustomerChannel", Messages.SameAgentCustomerChannel(agent), PlanProblemCategory.InvalidArgument, Invariant(agent));
        }
    }

    /// <summary>HealthScribe: clinician and patient on different channels, each 0 or 1 (after <see cref="AssignChannels"/>).</summary>
    public static IEnumerable<PlanProblem> CheckClinicianPatientChannels(int clinician, int patient)
    {
        foreach (var problem in new[] { CheckChannel("ClinicianChannel", clinician), CheckChannel("PatientChannel", patient) })
        {
            if (problem is not null)
            {
                yield return problem;
            }
        }

        if (clinician == patient)
        {
            yield return new PlanProblem("SameClinicianPatientChannel", Messages.SameClinicianPatientChannel(clinician), PlanProblemCategory.InvalidArgument, Invariant(clinician));
        }
    }

    /// <summary>Speaker partitioning (-MaxSpeakers) or channel identification, not both; <paramref name="message"/> says it in the kind's words.</summary>
    public static PlanProblem? CheckSpeakersAndChannels(int? maxSpeakers, bool channelIdentification, string message)
        => channelIdentification && maxSpeakers is int speakers
            ? new PlanProblem("SpeakersAndChannels", message, PlanProblemCategory.InvalidArgument, Invariant(speakers))
            : null;

    /// <summary>Call analytics output: -OutputLocation, or -OutputBucket with -OutputKeyPrefix, not both.</summary>
    public static PlanProblem? CheckOutputChoice(string? outputLocation, string? outputBucket, string? outputKeyPrefix)
        => outputLocation is not null && (outputBucket is not null || outputKeyPrefix is not null)
            ? new PlanProblem("OutputLocationConflict", Messages.OutputLocationConflict, PlanProblemCategory.InvalidArgument, outputLocation)
            : null;

    /// <summary>A local recording that is not there (any more).</summary>
    public static PlanProblem MediaNotFound(string path)
        => new("MediaNotFound", Messages.PathNotFound(path), PlanProblemCategory.ObjectNotFound, path);

    /// <summary>A local recording that cannot be read (locked by a recorder, no permission, gone): built here only.</summary>
    public static PlanProblem MediaUnreadable(string path, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is FileNotFoundException or DirectoryNotFoundException
            ? MediaNotFound(path)
            : new PlanProblem("MediaUnreadable", Messages.MediaUnreadable(path, exception.Message), PlanProblemCategory.ReadError, path);
    }

    /// <summary>
    /// Header-based checks of a local recording for the given kind of job; <paramref name="channelIdentification"/>
    /// when the job is to transcribe each of two channels on its own.
    /// </summary>
    public static IEnumerable<PlanProblem> CheckMedia(JobKind kind, string path, MediaFacts facts, bool channelIdentification = false)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.SizeBytes == 0)
        {
            yield return new PlanProblem("MediaEmpty", Messages.MediaEmpty(path), PlanProblemCategory.InvalidData, path);
            yield break;
        }

        if (facts.Format is not string format)
        {
            yield return new PlanProblem("MediaFormatUnsupported", Messages.MediaFormatUnsupported(path), PlanProblemCategory.InvalidData, path);
            yield break;
        }

        string? claimed = MediaProbe.FormatFromExtension(path);
        if (claimed is not null && claimed != format && !IsSameContainer(claimed, format))
        {
            yield return new PlanProblem("MediaFormatMismatch", Messages.MediaFormatMismatch(path, claimed, format), PlanProblemCategory.InvalidData, path);
        }

        long limit = kind == JobKind.CallAnalytics ? CallAnalyticsMaxBytes : MedicalMaxBytes;
        if (facts.SizeBytes > limit)
        {
            yield return new PlanProblem("MediaTooLarge", Messages.MediaTooLarge(path, facts.SizeBytes, limit, kind), PlanProblemCategory.LimitsExceeded, path);
        }

        if (facts.PresentDuration is TimeSpan present && facts.Duration is TimeSpan declared)
        {
            // The declared length is not what the service will read: one error, not a duration rule on a false length.
            yield return new PlanProblem("MediaTruncated", Messages.MediaTruncated(path, declared, present), PlanProblemCategory.InvalidData, path);
            yield break;
        }

        if (facts.Duration is TimeSpan duration)
        {
            if (duration < MinDuration)
            {
                yield return new PlanProblem("MediaTooShort", Messages.MediaTooShort(path, duration), PlanProblemCategory.InvalidData, path);
            }
            else if (duration > MaxDuration)
            {
                yield return new PlanProblem("MediaTooLong", Messages.MediaTooLong(path, duration), PlanProblemCategory.LimitsExceeded, path);
            }
        }

        if (facts.SampleRateHertz is int rate)
        {
            if (rate < MinSampleRate(kind))
            {
                yield return new PlanProblem("SampleRateTooLow", Messages.SampleRateTooLow(path, rate, kind), PlanProblemCategory.InvalidData, path);
            }
            else if (rate > MaxSampleRateHertz)
            {
                yield return new PlanProblem("SampleRateTooHigh", Messages.SampleRateTooHigh(path, rate, kind), PlanProblemCategory.InvalidData, path);
            }
        }

        if (facts.Channels is not int channels)
        {
            yield break;
        }

        if (kind == JobKind.CallAnalytics && channels != 2)
        {
            yield return new PlanProblem("NotStereo", Messages.NotStereo(path, channels), PlanProblemCategory.InvalidData, path);
        }
        else if (channelIdentification && channels < 2)
        {
            // The service would put every word on ch_0 (or on the clinician): not the separation asked for.
            yield return new PlanProblem("NotStereo", Messages.ChannelsOnMono(path, kind), PlanProblemCategory.InvalidData, path);
        }
        else if (channelIdentification && channels > MaxIdentifiedChannels)
        {
            yield return new PlanProblem("TooManyChannels", Messages.TooManyChannels(path, channels), PlanProblemCategory.InvalidData, path);
        }
    }

    /// <summary>Medical and HealthScribe need wideband audio (16 kHz); the other kinds take 8 kHz telephone audio.</summary>
    public static int MinSampleRate(JobKind kind) => kind is JobKind.Medical or JobKind.Scribe ? MinSampleRateHertz : MinTelephoneSampleRateHertz;

    /// <summary>S3 bucket naming rules (general purpose buckets).</summary>
    public static PlanProblem? CheckBucketName(string bucket, string parameter)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        string? reason = bucket switch
        {
            { Length: < 3 or > 63 } => Messages.BucketLength,
            _ when !BucketCharacters().IsMatch(bucket) => Messages.BucketCharacters,
            _ when !char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]) => Messages.BucketEnds,
            _ when bucket.Contains("..", StringComparison.Ordinal) => Messages.BucketAdjacentDots,
            _ when IsIpAddress(bucket) => Messages.BucketIpAddress,
            _ when HasReservedAffix(bucket) => Messages.BucketReservedAffix,
            _ => null,
        };
        return reason is null
            ? null
            : new PlanProblem("InvalidBucketName", Messages.InvalidBucketName(bucket, parameter, reason), PlanProblemCategory.InvalidArgument, bucket);
    }

    /// <summary>Job names: 1–200 of <c>[0-9A-Za-z._-]</c>, not <c>.</c> or <c>..</c>.</summary>
    public static PlanProblem? CheckJobName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ServiceNames.IsJobName(name) ? null : new PlanProblem("InvalidJobName", Messages.InvalidJobName(name), PlanProblemCategory.InvalidArgument, name);
    }

    /// <summary>Key prefixes use the OutputKey alphabet so the same rule serves output and upload keys.</summary>
    public static PlanProblem? CheckKeyPrefix(string prefix, string parameter)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        bool valid = prefix.Length <= MaxKeyPrefixLength
            && KeyCharacters().IsMatch(prefix)
            && !prefix.StartsWith('/')
            && !prefix.Contains("//", StringComparison.Ordinal);
        return valid ? null : new PlanProblem("InvalidKeyPrefix", Messages.InvalidKeyPrefix(prefix, parameter), PlanProblemCategory.InvalidArgument, prefix);
    }

    public static PlanProblem? CheckRoleArn(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        bool valid = arn.Length is >= 20 and <= 2048 && RoleArn().IsMatch(arn);
        return valid ? null : new PlanProblem("InvalidRoleArn", Messages.InvalidRoleArn(arn), PlanProblemCategory.InvalidArgument, arn);
    }

    /// <summary>A key ID, multi-Region key ID, key ARN, alias name or alias ARN.</summary>
    public static PlanProblem? CheckKmsKeyId(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        bool valid = keyId.Length <= 2048 && (KmsKeyId().IsMatch(keyId) || KmsAlias().IsMatch(keyId) || KmsArn().IsMatch(keyId));
        return valid ? null : new PlanProblem("InvalidKmsKeyId", Messages.InvalidKmsKeyId(keyId), PlanProblemCategory.InvalidArgument, keyId);
    }

    /// <summary>Tag keys 1–128 (no <c>aws:</c> prefix), values 0–256, at most 200 tags.</summary>
    public static IEnumerable<PlanProblem> CheckTags(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null)
        {
            yield break;
        }

        if (tags.Count > MaxTags)
        {
            yield return new PlanProblem("TooManyTags", Messages.TooManyTags(tags.Count), PlanProblemCategory.LimitsExceeded, tags.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (key, value) in tags)
        {
            if (key.Length is < 1 or > 128 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                yield return new PlanProblem("InvalidTag", Messages.InvalidTagKey(key), PlanProblemCategory.InvalidArgument, key);
            }
            else if ((value ?? string.Empty).Length > 256)
            {
                yield return new PlanProblem("InvalidTag", Messages.InvalidTagValue(key, value!.Length), PlanProblemCategory.InvalidArgument, key);
            }
        }
    }

    /// <summary>Custom vocabulary names share the job-name alphabet.</summary>
    public static PlanProblem? CheckVocabularyName(string name) =>
        CheckResourceName(name, "VocabularyName", "InvalidVocabularyName");

    public static PlanProblem? CheckVocabularyFilterName(string name) =>
        CheckResourceName(name, "VocabularyFilterName", "InvalidVocabularyFilterName");

    private static PlanProblem? CheckResourceName(string name, string parameter, string errorId)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ServiceNames.IsResourceName(name) ? null : new PlanProblem(errorId, Messages.InvalidVocabularyName(name, parameter), PlanProblemCategory.InvalidArgument, name);
    }

    private static bool IsSameContainer(string a, string b) =>
        (a is "mp4" or "m4a") && (b is "mp4" or "m4a");

    private static bool IsIpAddress(string bucket) =>
        IPv4Shape().IsMatch(bucket) && IPAddress.TryParse(bucket, out _);

    private static bool HasReservedAffix(string bucket) =>
        bucket.StartsWith("xn--", StringComparison.Ordinal)
        || bucket.StartsWith("sthree-", StringComparison.Ordinal)
        || bucket.StartsWith("amzn-s3-demo-", StringComparison.Ordinal)
        || bucket.EndsWith("-s3alias", StringComparison.Ordinal)
        || bucket.EndsWith("--ol-s3", StringComparison.Ordinal)
        || bucket.EndsWith(".mrap", StringComparison.Ordinal)
        || bucket.EndsWith("--x-s3", StringComparison.Ordinal)
        || bucket.EndsWith("--table-s3", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9.-]+$")]
    private static partial Regex BucketCharacters();

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex IPv4Shape();

    [GeneratedRegex("^[A-Za-z0-9!*'()/_.-]*$")]
    private static partial Regex KeyCharacters();

    // The model's partitions (aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b...), a 12-digit account and a role path/name.
    [GeneratedRegex(@"^arn:aws(-[a-z]+){0,2}:iam::\d{12}:role/[A-Za-z0-9:_/+=,@.-]+$")]
    private static partial Regex RoleArn();

    [GeneratedRegex("^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$")]
    private static partial Regex KmsKeyId();

    [GeneratedRegex("^alias/[A-Za-z0-9/_-]+$")]
    private static partial Regex KmsAlias();

    [GeneratedRegex("^arn:aws(-[a-z]+){0,2}:kms:[a-z0-9-]+:\\d{12}:(key/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})|alias/[A-Za-z0-9/_-]+)$")]
    private static partial Regex KmsArn();

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
