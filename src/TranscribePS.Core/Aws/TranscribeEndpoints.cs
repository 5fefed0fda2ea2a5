namespace TranscribePS.Core.Aws;

/// <summary>Regional Amazon Transcribe hosts, following the service's endpoint rules.</summary>
public static class TranscribeEndpoints
{
    public static string RegionalUrl(string region, bool useFips, bool useDualStack)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var china = region.StartsWith("cn-", StringComparison.Ordinal);
        if (useFips && !(region.StartsWith("us-", StringComparison.Ordinal) || region.StartsWith("ca-", StringComparison.Ordinal)))
        {
            throw new ArgumentException(Messages.FipsNotOffered(region), nameof(useFips));
        }

        if (china)
        {
            // China has its own domain, and Transcribe's China hosts carry a "cn." prefix.
            return useDualStack
                ? $"https://cn.transcribe.{region}.api.amazonwebservices.com.cn"
                : $"https://cn.transcribe.{region}.amazonaws.com.cn";
        }

        return (useFips, useDualStack) switch
        {
            (true, true) => $"https://transcribe-fips.{region}.api.aws",
            (true, false) => $"https://fips.transcribe.{region}.amazonaws.com",
            (false, true) => $"https://transcribe.{region}.api.aws",
            _ => $"https://transcribe.{region}.amazonaws.com",
        };
    }
}
