namespace TranscribePS.Emulator.Transcribe;

/// <summary>
/// The modelled errors and the texts the service answers with. These imitate the service, so they are not user
/// messages of the module (they stay here, not in TranscribePS.Core.Messages).
/// </summary>
internal static class ServiceErrors
{
    /// <summary>The real service answers unknown job names with BadRequestException and this text, not NotFoundException.</summary>
    public const string JobNotFound = "The requested job couldn't be found. Check the job name and try your request again.";
    public const string JobNameTaken = "The requested job name already exists. Use a different job name.";
    public const string JobNameDots = "The job name can't be \".\" or \"..\". Use a different job name.";
    public const string CategoryNotFound = "The requested category couldn't be found. Check the category name and try your request again.";
    public const string CategoryNameTaken = "The requested category name already exists. Use a different category name.";
    public const string InvalidNextToken = "The NextToken you provided is invalid. Use the NextToken from your previous response and try your request again.";
    public const string ConcurrentJobs = "You have reached the limit of concurrent jobs for your account. Wait for a job to finish, or request a quota increase, and try your request again.";
    // Wording of the emulator (not recorded from AWS): the service refuses an output bucket it cannot write to at Start.
    public const string OutputBucketMissing = "The S3 bucket that you specified for your output can't be accessed. Check the bucket name and your permissions, and try your request again.";
    public const string JobNotFinished = "The job is still in progress. Wait until the job is complete and try your request again.";

    // FailureReason texts the service writes into failed jobs.
    public const string MediaNotAccessible = "The S3 URI that you provided can't be accessed. Make sure that you have read permission and try your request again.";
    public const string UnsupportedFormat = "Unsupported media format";
    public const string FormatMismatch = "The media format provided does not match the detected media format";
    public const string InvalidSampleRate = "Invalid sample rate for audio file";
    public const string FileTooLarge = "Invalid file size: file size too large. Maximum file size is {0} bytes. Check the size of the file and try your request again.";
    public const string AudioTooLong = "Invalid file size: file size too large. Maximum audio duration is 4.000000 hours.Check the length of the file and try your request again.";
    public const string TooManyChannels = "Invalid number of channels: number of channels too large";
    public const string TooFewChannels = "Invalid number of channels: number of channels too small. Call Analytics requires stereo audio with one participant on each channel.";
    public const string TooShort = "The input media file length is too small. Minimum audio duration is 0.500000 milliseconds. Check the length of the file and try your request again.";

    public static ApiError BadRequest(string message) => new("BadRequestException", 400, message);

    public static ApiError NotFound(string message) => new("NotFoundException", 404, message);

    public static ApiError Conflict(string message) => new("ConflictException", 409, message);

    public static ApiError LimitExceeded(string message) => new("LimitExceededException", 429, message);

    /// <summary>The front end's answer to JSON of the wrong type (unmodelled, as from the real service).</summary>
    public static ApiError Serialization(string message) => new("SerializationException", 400, message);
}
