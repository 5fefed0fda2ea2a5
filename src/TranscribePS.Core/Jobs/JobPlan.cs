using TranscribePS.Core.Aws.Model;

namespace TranscribePS.Core.Jobs;

/// <summary>A local recording to put in S3 before the job starts; skipped when the object is already there.</summary>
/// <param name="LocalPath">The file to upload.</param>
/// <param name="Bucket">Destination bucket.</param>
/// <param name="Key">Destination key, derived from the content so identical files map to one object.</param>
/// <param name="ContentSha256">Lower-case hex SHA-256 of the file, for the skip-if-same check.</param>
/// <param name="SizeBytes">File size, for progress.</param>
public sealed record PlannedUpload(string LocalPath, string Bucket, string Key, string ContentSha256, long SizeBytes)
{
    /// <summary>
    /// The bucket the job will write its output to, when it is not <see cref="Bucket"/>: checked to exist before the
    /// recording is uploaded, so a misspelt output bucket costs no upload. Null when output goes to the upload bucket
    /// (its listing checks it) or to the service's own bucket.
    /// </summary>
    public string? OutputBucket { get; init; }

    /// <summary>
    /// When the file was last written as it was hashed. Set: the upload trusts <see cref="ContentSha256"/> while the
    /// file keeps this time and <see cref="SizeBytes"/> (checked before and after the upload) instead of hashing it
    /// again. Null: the upload hashes the file itself and compares.
    /// </summary>
    public DateTime? LastWriteUtc { get; init; }

    public string Uri => S3Uri.Format(Bucket, Key);
}

/// <summary>
/// Everything needed to run one recording through upload and start, decided up front and free of I/O.
/// Described by <see cref="Describe"/> for ShouldProcess.
/// </summary>
public abstract record JobPlan
{
    public abstract JobKind Kind { get; }

    public required string JobName { get; init; }

    /// <summary>The recording as the user named it.</summary>
    public required MediaSource Source { get; init; }

    /// <summary>The s3:// URI the job reads (the upload's destination for local recordings).</summary>
    public required string MediaUri { get; init; }

    public PlannedUpload? Upload { get; init; }

    /// <summary>The container found in the header, sent as MediaFormat; null for S3 media (the service detects it).</summary>
    public string? MediaFormat { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public bool Force { get; init; }

    /// <summary>One line for ShouldProcess and -Verbose, such as "Start medical job X for D:\a.wav (upload to s3://b/k)".</summary>
    public string Describe() => Messages.DescribePlan(Kind, JobName, Source.ToString(), Upload?.Uri);
}

/// <summary>StartMedicalTranscriptionJob with Type=CONVERSATION, Specialty=PRIMARYCARE, LanguageCode=en-US.</summary>
public sealed record MedicalJobPlan : JobPlan
{
    public const string LanguageCode = "en-US";
    public const string Specialty = "PRIMARYCARE";
    public const string Type = "CONVERSATION";

    public override JobKind Kind => JobKind.Medical;

    public required string OutputBucket { get; init; }

    /// <summary>A folder-like prefix ending in '/', so each job writes its own <c>JobName.json</c>; null for the bucket root.</summary>
    public string? OutputKey { get; init; }

    /// <summary>Set for speaker partitioning (ShowSpeakerLabels); null with channel identification.</summary>
    public int? MaxSpeakerLabels { get; init; }

    public bool ChannelIdentification { get; init; }

    public bool IdentifyPhi { get; init; }

    public string? VocabularyName { get; init; }

    public string? KmsKeyId { get; init; }

    /// <summary>Where the transcript will be written.</summary>
    public string OutputLocation => S3Uri.Format(OutputBucket, OutputKey ?? string.Empty);
}

/// <summary>PII redaction of a call analytics or standard transcript.</summary>
/// <param name="Output">Redacted only, or redacted and unredacted.</param>
/// <param name="PiiEntityTypes">Service names (e.g. <c>NAME</c>); empty means the service default (all).</param>
public sealed record PiiRedaction(RedactionOutput Output, IReadOnlyList<string> PiiEntityTypes);

/// <summary>StartCallAnalyticsJob.</summary>
public sealed record CallAnalyticsJobPlan : JobPlan
{
    public override JobKind Kind => JobKind.CallAnalytics;

    /// <summary>s3://bucket/prefix/; null lets the service keep the output in its own bucket (15-minute links).</summary>
    public string? OutputLocation { get; init; }

    public string? DataAccessRoleArn { get; init; }

    public int AgentChannel { get; init; }

    public int CustomerChannel { get; init; } = 1;

    public IReadOnlyList<string> LanguageOptions { get; init; } = [];

    public PiiRedaction? Redaction { get; init; }

    /// <summary>Ask for a redacted copy of the audio (sent as Media.RedactedMediaFileUri).</summary>
    public bool RedactAudio { get; init; }

    public bool Summarize { get; init; }

    public string? VocabularyName { get; init; }

    public string? VocabularyFilterName { get; init; }

    public VocabularyFilterMethod? VocabularyFilterMethod { get; init; }
}

/// <summary>StartMedicalScribeJob (HealthScribe): speaker partitioning or two channels with CLINICIAN and PATIENT roles.</summary>
public sealed record MedicalScribeJobPlan : JobPlan
{
    public override JobKind Kind => JobKind.Scribe;

    public required string OutputBucket { get; init; }

    public required string DataAccessRoleArn { get; init; }

    /// <summary>Set for speaker partitioning (ShowSpeakerLabels); null with channel identification.</summary>
    public int? MaxSpeakerLabels { get; init; }

    /// <summary>Channel identification: the clinician's and the patient's channels (both set, or both null).</summary>
    public int? ClinicianChannel { get; init; }

    public int? PatientChannel { get; init; }

    public required string NoteTemplate { get; init; }

    public string? VocabularyName { get; init; }

    public string? KmsKeyId { get; init; }
}

/// <summary>StartTranscriptionJob: one language or language identification, speakers or channels, redaction, subtitles.</summary>
public sealed record StandardJobPlan : JobPlan
{
    public override JobKind Kind => JobKind.Standard;

    /// <summary>Null: the service's own bucket (15-minute links to the output).</summary>
    public string? OutputBucket { get; init; }

    /// <summary>A folder-like prefix ending in '/'; null for the bucket root.</summary>
    public string? OutputKey { get; init; }

    /// <summary>Null exactly when a language identification flag is set.</summary>
    public string? LanguageCode { get; init; }

    public bool IdentifyLanguage { get; init; }

    public bool IdentifyMultipleLanguages { get; init; }

    public IReadOnlyList<string> LanguageOptions { get; init; } = [];

    /// <summary>Set for speaker partitioning (ShowSpeakerLabels); null with channel identification.</summary>
    public int? MaxSpeakerLabels { get; init; }

    public bool ChannelIdentification { get; init; }

    public PiiRedaction? Redaction { get; init; }

    /// <summary>Subtitle formats, each once, in a fixed order; empty for none.</summary>
    public IReadOnlyList<SubtitleFormat> SubtitleFormats { get; init; } = [];

    public int? SubtitleStartIndex { get; init; }

    public string? VocabularyName { get; init; }

    public string? KmsKeyId { get; init; }
}

/// <summary>The planner's answer: a plan, or every problem that refused it.</summary>
public sealed class PlanResult
{
    private PlanResult(JobPlan? plan, IReadOnlyList<PlanProblem> problems)
    {
        Plan = plan;
        Problems = problems;
    }

    public JobPlan? Plan { get; }

    public IReadOnlyList<PlanProblem> Problems { get; }

    public bool Succeeded => Plan is not null;

    public static PlanResult Success(JobPlan plan) => new(plan, []);

    public static PlanResult Failure(IReadOnlyList<PlanProblem> problems) => new(null, problems);
}
