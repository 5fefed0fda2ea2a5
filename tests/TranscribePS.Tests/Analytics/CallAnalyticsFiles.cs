using System.Text;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Analytics;

/// <summary>Finds the shared real sample (beside the repo) and turns inline JSON into streams.</summary>
internal static class CallAnalyticsFiles
{
    public const string SampleName = "call-analytics_redacted__aws-samples_example-call.json";

    /// <summary>The real sample's path (tests that read it are <see cref="SamplesFactAttribute"/>s).</summary>
    public static string SamplePath() => RepoPaths.Sample(SampleName);

    public static Stream Json(string json) => new MemoryStream(Encoding.UTF8.GetBytes(json));

}
