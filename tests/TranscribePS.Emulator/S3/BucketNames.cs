using System.Net;
using System.Text.RegularExpressions;

namespace TranscribePS.Emulator.S3;

/// <summary>S3's general-purpose bucket naming rules.</summary>
public static partial class BucketNames
{
    public static bool IsValid(string name) =>
        name.Length is >= 3 and <= 63
        && Shape().IsMatch(name)
        && !name.Contains("..", StringComparison.Ordinal)
        && !IPAddress.TryParse(name, out _)
        && !name.StartsWith("xn--", StringComparison.Ordinal)
        && !name.StartsWith("sthree-", StringComparison.Ordinal)
        && !name.EndsWith("-s3alias", StringComparison.Ordinal)
        && !name.EndsWith("--ol-s3", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    private static partial Regex Shape();
}
