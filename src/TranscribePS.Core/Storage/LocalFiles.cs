namespace TranscribePS.Core.Storage;

/// <summary>
/// The files this module writes (saved outputs and their partial downloads): owner-only on Unix whatever the umask,
/// since they hold PHI; on Windows they inherit the folder's ACL like any new file. Partial downloads are named
/// <c>&lt;file&gt;.part-&lt;8 hex digits&gt;</c>, a name later runs recognise and clean up.
/// </summary>
public static class LocalFiles
{
    private const string PartialMarker = ".part-";

    /// <summary>Owner read and write (0600) on Unix: the mode a new output file is created with.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (it must not exist) for writing, owner-only on Unix, held exclusively.</summary>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 81920,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return new FileStream(path, options);
    }

    /// <summary>A new partial-download name beside <paramref name="target"/>.</summary>
    public static string PartialPath(string target) => target + PartialMarker + Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// Deletes partial downloads of <paramref name="target"/> that an earlier run left behind when it was killed:
    /// files named exactly <c>&lt;target&gt;.part-&lt;8 lower-case hex digits&gt;</c>, and of those only the ones no
    /// process holds open (a download in progress holds its file exclusively). Returns the paths deleted.
    /// </summary>
    public static IReadOnlyList<string> RemoveStalePartials(string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        var folder = Path.GetDirectoryName(target);
        var name = Path.GetFileName(target);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var candidate in Directory.EnumerateFiles(folder, name + PartialMarker + "*"))
        {
            var candidateName = Path.GetFileName(candidate);
            var suffix = candidateName.AsSpan(Math.Min(candidateName.Length, name.Length + PartialMarker.Length));
            if (!candidateName.StartsWith(name + PartialMarker, StringComparison.Ordinal) || suffix.Length != 8 || suffix.ContainsAnyExcept("0123456789abcdef"))
            {
                continue;
            }

            try
            {
                using (new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }

                File.Delete(candidate);
                removed.Add(candidate);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Held by a download still running, or not ours to delete: left alone.
            }
        }

        return removed;
    }
}
