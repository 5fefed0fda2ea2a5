using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TranscribePS.Core.Jobs;

/// <summary>
/// Stable job names and upload keys. A derived name is the recording's sanitised file stem plus a short hash of
/// the recording's identity, the job kind and every setting that changes the job's result, so a rerun of the same
/// file with the same settings finds its job again and a change of settings makes a new one.
/// </summary>
public static class JobNaming
{
    public const int MaxJobNameLength = ServiceNames.MaxLength;

    /// <summary>Hex characters of SHA-256 kept in names and keys: 48 bits, far beyond any one account's job count.</summary>
    public const int ShortHashLength = 12;

    // Bumping this changes every derived name; only do it when the meaning of the fingerprint changes.
    private const string FingerprintVersion = "transcribeps-job-v1";

    /// <summary>Reduces a file stem to the job-name alphabet <c>[0-9A-Za-z._-]</c>; never empty, never dots only.</summary>
    public static string SanitizeStem(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);

        // Decompose so accented letters keep their base letter (Müller → Muller) instead of becoming '-'.
        string decomposed = stem.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            bool allowed = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
            char next = allowed ? c : '-';
            if (next == '-' && builder.Length > 0 && builder[^1] == '-')
            {
                continue;
            }

            builder.Append(next);
        }

        string result = builder.ToString().Trim('-', '.', '_');
        return result.Length == 0 ? "recording" : result;
    }

    /// <summary>The derived job name: <c>&lt;stem&gt;-&lt;fingerprint&gt;</c>, the stem cut so the whole fits in 200 characters.</summary>
    public static string DeriveJobName(string fileName, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        string stem = SanitizeStem(Path.GetFileNameWithoutExtension(fileName));
        int room = MaxJobNameLength - fingerprint.Length - 1;
        if (stem.Length > room)
        {
            stem = stem[..room].TrimEnd('-', '.', '_');
        }

        return stem + "-" + fingerprint;
    }

    /// <summary>
    /// The short hash of what makes a job what it is. <paramref name="recordingIdentity"/> is <c>sha256:&lt;hex&gt;</c>
    /// for local files (content, not path: a moved file is the same recording) or the normalised S3 URI.
    /// Settings are written in the order given, which callers keep fixed; null values are written as absent.
    /// </summary>
    public static string Fingerprint(JobKind kind, string recordingIdentity, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        ArgumentNullException.ThrowIfNull(recordingIdentity);
        ArgumentNullException.ThrowIfNull(settings);

        // Length-prefixed fields: no value can be crafted to look like another field boundary.
        var canonical = new StringBuilder();
        Append(canonical, FingerprintVersion);
        Append(canonical, kind.ToString());
        Append(canonical, recordingIdentity);
        foreach (var (name, value) in settings)
        {
            Append(canonical, name);
            Append(canonical, value ?? "\0");
        }

        return ShortHash(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>
    /// The upload key for a local recording: <c>&lt;prefix&gt;&lt;stem&gt;-&lt;content hash 12&gt;&lt;ext&gt;</c>, so identical
    /// content maps to the same object and a rerun finds it already there.
    /// </summary>
    public static string UploadKey(string? keyPrefix, string fileName, string contentSha256)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentException.ThrowIfNullOrEmpty(contentSha256);
        string stem = SanitizeStem(Path.GetFileNameWithoutExtension(fileName));
        string extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension.Length > 0 && !extension[1..].All(char.IsAsciiLetterOrDigit))
        {
            extension = string.Empty;
        }

        string hash = contentSha256[..Math.Min(ShortHashLength, contentSha256.Length)].ToLowerInvariant();
        string prefix = NormalizePrefix(keyPrefix) ?? string.Empty;

        // S3 keys top out at 1024 bytes; keep long stems from crowding out the hash.
        int room = 1024 - Encoding.UTF8.GetByteCount(prefix) - hash.Length - 1 - extension.Length;
        if (stem.Length > room)
        {
            stem = stem[..Math.Max(room, 0)];
        }

        return prefix + stem + "-" + hash + extension;
    }

    /// <summary>
    /// Whether <paramref name="key"/> is where <see cref="UploadKey"/> puts content hashing to
    /// <paramref name="contentSha256"/>: the file name ends in <c>-&lt;first 12 hex of the hash&gt;</c> before its extension.
    /// </summary>
    public static bool IsUploadKey(string key, string contentSha256)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(contentSha256);
        if (contentSha256.Length < ShortHashLength)
        {
            return false;
        }

        string name = key[(key.LastIndexOf('/') + 1)..];
        string tail = "-" + contentSha256[..ShortHashLength];
        return Path.GetFileNameWithoutExtension(name).EndsWith(tail, StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(tail, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A key prefix as a folder: trailing '/' added, null when empty.</summary>
    public static string? NormalizePrefix(string? keyPrefix)
    {
        if (string.IsNullOrEmpty(keyPrefix))
        {
            return null;
        }

        return keyPrefix.EndsWith('/') ? keyPrefix : keyPrefix + "/";
    }

    internal static string ShortHash(ReadOnlySpan<byte> sha256) =>
        Convert.ToHexString(sha256[..(ShortHashLength / 2)]).ToLowerInvariant();

    private static void Append(StringBuilder canonical, string field) =>
        canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
}
