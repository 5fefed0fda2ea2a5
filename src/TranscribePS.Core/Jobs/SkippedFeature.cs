namespace TranscribePS.Core.Jobs;

/// <summary>
/// A feature a call analytics job asked for that the service skipped (its <c>CallAnalyticsJobDetails.Skipped</c>):
/// for example GENERATIVE_SUMMARIZATION with INSUFFICIENT_CONVERSATION_CONTENT when the call is too short to summarize,
/// or FAILED_SAFETY_GUIDELINES.
/// </summary>
public sealed record SkippedFeature(string Feature, string? ReasonCode, string? Message)
{
    /// <summary>What a warning and Export-Csv show: <c>GENERATIVE_SUMMARIZATION: INSUFFICIENT_CONVERSATION_CONTENT (message)</c>.</summary>
    public override string ToString()
        => (ReasonCode, Message) switch
        {
            (null, null) => Feature,
            (null, { } message) => $"{Feature} ({message})",
            ({ } reason, null) => $"{Feature}: {reason}",
            ({ } reason, { } message) => $"{Feature}: {reason} ({message})",
        };

    /// <summary>The service's list as our objects; entries without a feature name are dropped.</summary>
    public static IReadOnlyList<SkippedFeature> From(IEnumerable<Aws.Model.CallAnalyticsSkippedFeature>? skipped)
        => skipped?
            .Where(s => !string.IsNullOrEmpty(s.Feature))
            .Select(s => new SkippedFeature(s.Feature!, NullIfEmpty(s.ReasonCode), NullIfEmpty(s.Message)))
            .ToList() ?? [];

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
