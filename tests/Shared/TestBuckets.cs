namespace TranscribePS.Tests.Infrastructure;

/// <summary>
/// The buckets the shared emulator (and the Transcribe harness) hold from the start and again after every reset, as
/// an account's existing buckets: the emulator answers NoSuchBucket for any other name, as S3 does. A test about a
/// bucket that does not exist uses a name not listed here.
/// </summary>
internal static class TestBuckets
{
    public static readonly IReadOnlyList<string> Names =
    [
        "clinic-in", "clinic-out", "clinic-phi", "media", "media-in", "out", "recordings", "results", "tps-output",
        "transcripts", "transcripts-out",
    ];
}
