using System.Globalization;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Core;

/// <summary>Messages of job planning and submission: each says what is wrong and what to do next.</summary>
public static partial class Messages
{
    public static string MediaUnreadable(string path, string reason) =>
        Text($"'{path}' cannot be read: {Sentence(reason)} If a recorder or copy is still writing it, wait until it finishes; otherwise check the file's permissions. Then run the command again.");

    public static string MediaEmpty(string path) =>
        Text($"The recording '{path}' is empty (0 bytes). Copy or export it again; an empty file cannot be transcribed.");

    public static string MediaFormatUnsupported(string path) =>
        Text($"'{path}' is not in a format Amazon Transcribe accepts: its header is not mp3, mp4, m4a, wav, flac, ogg, webm or amr. Convert it (for example to 16 kHz WAV or FLAC) and try again.");

    public static string MediaFormatMismatch(string path, string extensionFormat, string headerFormat) =>
        Text($"'{path}' is named as {extensionFormat} but its content is {headerFormat}. Rename it to .{headerFormat} or convert it to {extensionFormat}; Transcribe fails jobs whose file does not match its declared format.");

    public static string MediaTooLarge(string path, long sizeBytes, long limitBytes, JobKind kind) =>
        Text($"'{path}' is {PlanBytes(sizeBytes)}, but {PlanKindName(kind)} jobs accept at most {PlanBytes(limitBytes)}. Split the recording, or compress it (FLAC, or MP3 for speech), and submit the parts.");

    public static string SampleRateTooLow(string path, int rate, JobKind kind) =>
        kind is JobKind.Medical or JobKind.Scribe
            ? Text($"'{path}' is sampled at {rate} Hz; {PlanKindName(kind)} transcription needs 16000 to 48000 Hz, so 8 kHz phone audio is refused. Use a recording made at 16 kHz or more, or transcribe the phone call with Start-TranscriptionJob, which takes 8 kHz audio (resampling to 16 kHz adds no accuracy).")
            : Text($"'{path}' is sampled at {rate} Hz; Amazon Transcribe needs 8000 to 48000 Hz. Use the original recording, or resample this one to 8 kHz or more.");

    public static string SampleRateTooHigh(string path, int rate, JobKind kind) =>
        Text($"'{path}' is sampled at {rate} Hz; {PlanKindName(kind)} jobs accept at most 48000 Hz. Resample it to 48 kHz or lower (16 kHz is plenty for speech).");

    public static string MediaTooShort(string path, TimeSpan duration) =>
        Text($"'{path}' lasts {duration.TotalSeconds:0.###} s; Transcribe needs at least 0.5 s of audio. Check that the recording is complete.");

    public static string MediaTruncated(string path, TimeSpan declared, TimeSpan present) =>
        Text($"'{path}' is cut short: its header declares {PlanLength(declared)} of audio, but the file holds {PlanLength(present)}. A copy, download or recording that did not finish leaves such a file; copy or export the recording again, then run the command again.");

    private static string PlanLength(TimeSpan length) =>
        length.TotalSeconds < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{length.TotalSeconds:0.###} s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)length.TotalHours}:{length.Minutes:00}:{length.Seconds:00}");

    public static string MediaTooLong(string path, TimeSpan duration) =>
        Text($"'{path}' lasts {duration:h\\:mm\\:ss}; batch jobs accept at most 4 hours. Split the recording into parts shorter than 4 hours.");

    public static string NotStereo(string path, int channels) =>
        Text($"'{path}' has {channels} audio channel(s); call analytics needs a two-channel (stereo) recording with the agent on one channel and the customer on the other. A mono call cannot be split into agent and customer afterwards, and copying one channel into two does not separate them: export the call from your recorder as dual-channel, or transcribe the mono call with Start-TranscriptionJob, whose speaker labels (spk_0, spk_1) tell the two voices apart.");

    public static string ChannelsOnMono(string path, JobKind kind) =>
        Text($"'{path}' has one audio channel, but {(kind == JobKind.Scribe ? "-ClinicianChannel and -PatientChannel ask" : "-ChannelIdentification asks")} for one speaker per channel of a two-channel recording. Use -MaxSpeakers instead, which tells the voices of one channel apart, or export the recording as dual-channel.");

    public static string TooManyChannels(string path, int channels) =>
        Text($"'{path}' has {channels} audio channels; channel identification transcribes at most two. Mix it down to two channels (one speaker on each), or use -MaxSpeakers on a mono mix.");

    public static string SameAgentCustomerChannel(int channel) =>
        Text($"-AgentChannel and -CustomerChannel are both {channel}. Put the agent and the customer on different channels: 0 and 1.");

    public static string InvalidChannel(string parameter, int value) =>
        Text($"-{parameter} is {value}; a channel is 0 (first/left) or 1 (second/right).");

    public static string InvalidBucketName(string bucket, string parameter, string reason) =>
        Text($"'{bucket}' (-{parameter}) is not a valid S3 bucket name: {Sentence(reason)} Bucket names are 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit; give the name of an existing bucket.");

    public const string BucketLength = "it must be 3 to 63 characters long";
    public const string BucketCharacters = "it may contain only lowercase letters, digits, dots and hyphens";
    public const string BucketEnds = "it must start and end with a letter or digit";
    public const string BucketAdjacentDots = "it must not contain two dots in a row";
    public const string BucketIpAddress = "it must not look like an IP address";
    public const string BucketReservedAffix = "it uses a prefix or suffix that S3 reserves (xn--, sthree-, amzn-s3-demo-, -s3alias, --ol-s3, .mrap, --x-s3, --table-s3)";

    public static string InvalidJobName(string name) =>
        Text($"'{name}' is not a valid job name. Use 1 to 200 letters, digits, '.', '_' or '-' (but not '.' or '..' alone), or leave -JobName out to derive a stable name from the recording.");

    public static string InvalidKeyPrefix(string prefix, string parameter) =>
        Text($"'{prefix}' (-{parameter}) is not a usable key prefix. Use letters, digits and ! - _ . * ' ( ) /, no leading '/' and no '//', at most 800 characters, such as 'transcripts/2026/'.");

    public static string InvalidRoleArn(string arn) =>
        Text($"'{arn}' is not an IAM role ARN. Use the role's full ARN, such as arn:aws:iam::123456789012:role/TranscribeDataAccess (see the role's summary page in the IAM console).");

    public static string InvalidKmsKeyId(string keyId) =>
        Text($"'{keyId}' is not a KMS key reference. Use a key ID (1234abcd-12ab-34cd-56ef-1234567890ab), a key ARN (arn:aws:kms:us-east-1:123456789012:key/...), an alias (alias/name) or an alias ARN.");

    public static string InvalidTagKey(string key) =>
        Text($"Tag key '{key}' is not allowed: a key is 1 to 128 characters and must not start with 'aws:' (reserved by AWS). Rename the tag.");

    public static string InvalidTagValue(string key, int length) =>
        Text($"The value of tag '{key}' is {length} characters; tag values hold at most 256. Shorten it.");

    public static string TooManyTags(int count) =>
        Text($"{count} tags were given; a job takes at most 200. Drop some tags.");

    public static string InvalidVocabularyName(string name, string parameter) =>
        Text($"'{name}' (-{parameter}) is not a valid name. Names are 1 to 200 letters, digits, '.', '_' or '-': give the name the vocabulary or filter was created with.");

    public const string VocabularyFilterMethodWithoutFilter =
        "-VocabularyFilterMethod applies only with -VocabularyFilterName. Name the vocabulary filter, or leave the method out.";

    public const string SpeakersAndChannels =
        "-MaxSpeakers and -ChannelIdentification cannot be combined. Use -MaxSpeakers for several speakers mixed in one channel, or -ChannelIdentification when each speaker was recorded on a separate channel.";

    public const string ScribeSpeakersAndChannels =
        "-MaxSpeakers and -ClinicianChannel/-PatientChannel cannot be combined: HealthScribe takes exactly one of speaker partitioning and channel identification. Use -MaxSpeakers when clinician and patient share one channel, or the channel parameters when each was recorded on a channel of their own.";

    public static string SameClinicianPatientChannel(int channel) =>
        Text($"-ClinicianChannel and -PatientChannel are both {channel}. HealthScribe needs the clinician and the patient on different channels: 0 and 1.");

    public static string InvalidNoteTemplate(string value) =>
        Text($"'{value}' is not a HealthScribe note template. Use one of: {string.Join(", ", Jobs.ServiceVocabulary.NoteTemplates)}.");

    public const string KmsKeyWithoutOutputBucket =
        "-KmsKeyId needs -OutputBucket: output in the service's own bucket cannot be encrypted with your key. Add -OutputBucket, or leave -KmsKeyId out.";

    public const string IdentifyLanguageConflict =
        "-IdentifyLanguage and -IdentifyMultipleLanguages cannot be combined. Use -IdentifyLanguage when each recording is in one language, -IdentifyMultipleLanguages when speakers switch languages.";

    public const string LanguageCodeAndIdentification =
        "-LanguageCode cannot be combined with -IdentifyLanguage or -IdentifyMultipleLanguages: the service takes exactly one of them. Give the language when you know it, or let the service identify it (narrowed with -LanguageOption).";

    public const string LanguageOptionsWithoutIdentification =
        "-LanguageOption lists the candidates for language identification and applies only with -IdentifyLanguage or -IdentifyMultipleLanguages. Add one of them, or give the one language with -LanguageCode.";

    public static string TooFewLanguageOptions(string value) =>
        Text($"-LanguageOption names only '{value}'; language identification needs two or more candidates. Add the other languages that may be spoken, or give '{value}' with -LanguageCode instead.");

    public const string VocabularyWithLanguageIdentification =
        "-VocabularyName cannot be combined with language identification: a custom vocabulary belongs to one language, and the service applies it only when that language is given. Give the language with -LanguageCode, or leave -VocabularyName out.";

    public const string RedactionWithLanguageIdentification =
        "-RedactPii cannot be combined with language identification: Amazon Transcribe redacts only transcripts of a language given with -LanguageCode. Give the language with -LanguageCode.";

    public static string RedactionLanguageUnsupported(string languageCode, IEnumerable<string> supported) =>
        Text($"-RedactPii is not available for {languageCode}: batch transcription redacts PII in {string.Join(", ", supported)}. Leave -RedactPii out for this language.");

    public const string SubtitleStartIndexWithoutSubtitle =
        "-SubtitleStartIndex applies only with -Subtitle. Add -Subtitle Srt, Vtt or both, or leave -SubtitleStartIndex out.";

    public static string InvalidSubtitleStartIndex(int value) =>
        Text($"-SubtitleStartIndex is {value}; subtitles are numbered from 0 (the service's default) or 1 (what most players expect).");

    public static string MaxSpeakersOutOfRange(int value) =>
        Text($"-MaxSpeakers is {value}; use a number from 2 to 30.");

    public static string InvalidPiiEntityType(string value, IEnumerable<string> allowed) =>
        Text($"'{value}' is not a PII entity type. Use one or more of: {string.Join(", ", allowed)}.");

    public static string RedactionOptionWithoutRedactPii(string parameter) =>
        Text($"-{parameter} applies only with -RedactPii. Add -RedactPii, or leave -{parameter} out.");

    public static string InvalidLanguageOption(string value) =>
        Text($"'{value}' is not a language code Amazon Transcribe knows. Use codes such as en-US, en-GB or es-US (tab completion lists them).");

    public const string OutputLocationConflict =
        "Give either -OutputBucket (with -OutputKeyPrefix) or -OutputLocation, not both.";

    public const string OutputKeyPrefixWithoutBucket =
        "-OutputKeyPrefix needs -OutputBucket. Add the bucket, or give the whole location with -OutputLocation s3://bucket/prefix/.";

    public static string InvalidOutputLocation(string value) =>
        Text($"'{value}' is not an S3 output location. Use s3://bucket/ or s3://bucket/prefix/.");

    public static string InvalidMediaUri(string value) =>
        Text($"'{value}' does not name an S3 object. Use s3://bucket/key for a recording already in S3, or -Path for a local file.");

    public static string UploadBucketMissing(string path) =>
        Text($"'{path}' is a local file and must be uploaded to S3 first, but no bucket is set. Add -UploadBucket (or -OutputBucket, which uploads default to).");

    public static string NameTaken(string jobName, string? existingMedia, string plannedMedia) =>
        Text($"Job '{jobName}' already exists for another recording ({existingMedia ?? "unknown media"}, not {plannedMedia}). Pass -Force to delete that job and start this one, or choose another -JobName.");

    public static string MediaChanged(string path) =>
        Text($"'{path}' changed while it was being submitted, so no job was started for it. Wait until the recording is complete, then run the command again.");

    /// <summary>
    /// The ShouldProcess (and so -WhatIf and -Verbose) text of a plan. It is said before any call — -WhatIf makes
    /// none — so it states what the plan knows: the upload and the start happen unless a rerun finds them done.
    /// What did happen is the -Verbose line after the submission (SubmissionOutcome).
    /// </summary>
    public static string DescribePlan(JobKind kind, string jobName, string source, string? uploadUri) =>
        uploadUri is null
            ? Text($"Start {PlanKindName(kind)} job '{jobName}' for {source} (a job of that name already started for this recording is reused instead)")
            : Text($"Start {PlanKindName(kind)} job '{jobName}' for {source}, uploading it to {uploadUri} (skipped when that object already holds it; a job of that name already started for this recording is reused instead)");

    private static string PlanKindName(JobKind kind) => kind switch
    {
        JobKind.Medical => "medical",
        JobKind.CallAnalytics => "call analytics",
        JobKind.Scribe => "HealthScribe",
        _ => "transcription",
    };

    private static string PlanBytes(long bytes)
    {
        const double Mib = 1024 * 1024;
        return bytes >= 1024 * Mib
            ? Text($"{bytes / (1024 * Mib):0.##} GiB")
            : Text($"{bytes / Mib:0.##} MiB");
    }
}
