namespace TranscribePS.Core.Transcripts;

/// <summary>
/// Where the second pass reads item arrays the first pass skipped: the input itself when it can seek, else a private
/// temp file the first pass copied those arrays into (owner-only, deleted when closed: it may hold PHI).
/// </summary>
internal sealed class ReplayStore : IAsyncDisposable
{
    private readonly Stream _input;
    private readonly bool _reread;
    private FileStream? _spool;

    /// <param name="localOnly">Re-read the input only when it is a local file or memory: a seekable network stream (ranged
    /// GETs) is copied too, so that it is fetched once.</param>
    public ReplayStore(Stream input, bool localOnly = false)
    {
        _input = input;
        _reread = input.CanSeek && (!localOnly || input is FileStream or MemoryStream);
    }

    /// <summary>Where to copy a skipped array, or null when the input can be re-read directly.</summary>
    public Stream? CopyTarget => _reread ? null : _spool ??= CreateSpool();

    /// <summary>The stream the offsets returned by <see cref="JsonCursor.SkipValueAsync"/> refer to.</summary>
    public Stream Source => _reread ? _input : _spool ?? throw new InvalidOperationException("Nothing was copied.");

    /// <summary>True when a temp file was needed (for tests and diagnostics).</summary>
    public bool Spooled => _spool is not null;

    public ValueTask DisposeAsync() => _spool?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>A private temp file (owner-only, deleted when closed: it may hold PHI).</summary>
    internal static FileStream CreateSpool()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var path = Path.Combine(Path.GetTempPath(), $"TranscribePS-{Guid.NewGuid():N}.json.tmp");
        return new FileStream(path, options);
    }
}
