using System.Runtime.CompilerServices;

namespace TranscribePS.Core.Transcripts;

/// <summary>
/// The entry point for reading any Amazon Transcribe output file as items or turns: detects the schema from the first
/// top-level members (standard/medical, call analytics, HealthScribe) and streams it with the matching reader.
/// </summary>
/// <remarks>
/// Memory stays bounded by a 64 KB read buffer (plus speaker/PHI side data where the file has it), whatever the file
/// size. A seekable input is probed at its end first (see <see cref="TailProbe"/>), so the items of a standard or
/// medical transcript stream in the first pass even when side data follows them. Otherwise items whose side data may
/// follow them are read in a second pass: from the input again when it can seek, else from a private temp file
/// (deleted afterwards). Pass a seekable stream (a path, or <c>S3Transfer.OpenSeekableReadAsync</c>) to avoid both.
/// </remarks>
public static class TranscriptReader
{
    /// <summary>Streams the items (words and punctuation) of the transcript in <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">The transcript JSON; read from its current position, not disposed.</param>
    /// <param name="sourceName">The file path or URI, used in errors and, when the file has none, as the job name.</param>
    /// <exception cref="TranscriptFormatException">The input is not a transcript this module can read.</exception>
    public static async IAsyncEnumerable<TranscriptItem> ReadItemsAsync(Stream utf8Json, string sourceName, TranscriptReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(options);
        var (schema, replay) = await TranscriptSchemaDetector.DetectAsync(utf8Json, sourceName, cancellationToken).ConfigureAwait(false);
        var fallbackJobName = JobNameFromSource(sourceName);
        var items = schema switch
        {
            TranscriptSchema.CallAnalytics => CallAnalyticsReader.ReadItemsAsync(replay, sourceName, fallbackJobName, options, cancellationToken),
            TranscriptSchema.HealthScribe => HealthScribeTranscriptReader.ReadItemsAsync(replay, sourceName, fallbackJobName, options, cancellationToken),
            _ => StandardTranscriptReader.ReadItemsAsync(replay, sourceName, fallbackJobName, options, cancellationToken),
        };
        await foreach (var item in items.ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>
    /// Streams the turns of the transcript: the file's own turns for call analytics, else consecutive items of one
    /// speaker (or channel) built by <see cref="TurnBuilder"/>.
    /// </summary>
    /// <exception cref="TranscriptFormatException">The input is not a transcript this module can read.</exception>
    public static async IAsyncEnumerable<TranscriptTurn> ReadTurnsAsync(Stream utf8Json, string sourceName, TranscriptReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(options);
        var (schema, replay) = await TranscriptSchemaDetector.DetectAsync(utf8Json, sourceName, cancellationToken).ConfigureAwait(false);
        var fallbackJobName = JobNameFromSource(sourceName);
        if (schema == TranscriptSchema.CallAnalytics)
        {
            await foreach (var turn in CallAnalyticsReader.ReadTurnsAsync(replay, sourceName, fallbackJobName, options, cancellationToken).ConfigureAwait(false))
            {
                yield return turn;
            }

            yield break;
        }

        var items = schema == TranscriptSchema.HealthScribe
            ? HealthScribeTranscriptReader.ReadItemsAsync(replay, sourceName, fallbackJobName, options, cancellationToken)
            : StandardTranscriptReader.ReadItemsAsync(replay, sourceName, fallbackJobName, options, cancellationToken);
        var builder = new TurnBuilder();
        await foreach (var item in items.ConfigureAwait(false))
        {
            if (builder.Add(item) is { } finished)
            {
                yield return finished;
            }
        }

        if (builder.Complete() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Streams the items of a local transcript file.</summary>
    public static async IAsyncEnumerable<TranscriptItem> ReadItemsAsync(string path, TranscriptReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var file = OpenFile(path);
        await using (file.ConfigureAwait(false))
        {
            await foreach (var item in ReadItemsAsync(file, path, options, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    /// <summary>Streams the turns of a local transcript file.</summary>
    public static async IAsyncEnumerable<TranscriptTurn> ReadTurnsAsync(string path, TranscriptReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var file = OpenFile(path);
        await using (file.ConfigureAwait(false))
        {
            await foreach (var turn in ReadTurnsAsync(file, path, options, cancellationToken).ConfigureAwait(false))
            {
                yield return turn;
            }
        }
    }

    /// <summary>The job name a file implies when it names none: its file name without <c>.json</c>.</summary>
    public static string JobNameFromSource(string sourceName)
    {
        var name = sourceName.TrimEnd('/', '\\');
        int slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && name.Length > 5 ? name[..^5] : name;
    }

    /// <summary>Opens a local transcript file as the readers want it: seekable, unbuffered (the readers buffer), sequential.</summary>
    public static FileStream OpenFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Our own 64 KB buffer does the buffering; SequentialScan suits the one forward pass.
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
    }
}
