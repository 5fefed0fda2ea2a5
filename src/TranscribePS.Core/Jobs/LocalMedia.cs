using TranscribePS.Core.Media;
using TranscribePS.Core.Storage;

namespace TranscribePS.Core.Jobs;

/// <summary>What the planner needs to know about a local recording: its header facts and its content hash.</summary>
/// <param name="Facts">Header facts from <see cref="MediaProbe"/>.</param>
/// <param name="ContentSha256">Lower-case hex SHA-256 of the whole file, reused for the job name, upload key and skip check.</param>
public sealed record LocalMedia(MediaFacts Facts, string ContentSha256)
{
    /// <summary>
    /// When the file was last written, read before it was hashed: the upload compares it (and the size) instead of
    /// hashing the file a second time, so a recording changed after planning is still caught.
    /// </summary>
    public DateTime LastWriteUtc { get; init; }

    /// <summary>
    /// Reads a recording once: the header for its facts, then the whole file streamed through SHA-256.
    /// Returns null when the file does not exist, which the planner reports as <c>MediaNotFound</c>.
    /// </summary>
    public static async Task<LocalMedia?> InspectAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            return null;
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Deleted between the check and the open.
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            var lastWrite = File.GetLastWriteTimeUtc(stream.SafeFileHandle);
            var facts = MediaProbe.Probe(stream);
            stream.Position = 0;
            var hash = await S3Transfer.HashAsync(stream, cancellationToken).ConfigureAwait(false);
            return new LocalMedia(facts with { SizeBytes = stream.Length }, hash) { LastWriteUtc = lastWrite };
        }
    }
}
