namespace TranscribePS.Core;

/// <summary>
/// Means the objects carry (a turn's confidence, its loudness), rounded to 4 decimals: the service writes its scores
/// with at most 4, and an unrounded mean (0.9216666666666669) would show its float noise in Export-Csv and JSON.
/// </summary>
public static class Mean
{
    public const int Decimals = 4;

    public static double Of(double sum, int count) => Math.Round(sum / count, Decimals, MidpointRounding.AwayFromZero);
}
