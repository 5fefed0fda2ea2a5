using TranscribePS.Core.Jobs;
using TranscribePS.Core.Media;

namespace TranscribePS.Tests.Planning;

internal static class PlanningTestData
{
    public const string OutputBucket = "tps-output";

    public static MedicalConversationJobRequest MedicalRequest(string path) =>
        new() { Media = MediaSource.FromPath(path), OutputBucket = OutputBucket };

    public static CallAnalyticsJobRequest CallRequest(string path) =>
        new() { Media = MediaSource.FromPath(path), OutputBucket = OutputBucket };

    public static Task<PlanResult> PlanAsync(TranscribeJobRequest request) =>
        JobPlanner.PlanAsync(request, CancellationToken.None);

    /// <summary>Probes the header only, for sparse files too big to hash in a unit test.</summary>
    public static LocalMedia ProbeOnly(string path) => new(MediaProbe.Probe(path), new string('a', 64));

    public static PlanProblem SingleProblem(PlanResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Plan);
        return Assert.Single(result.Problems);
    }
}
