using System.Globalization;
using System.Text.RegularExpressions;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Interop;

/// <summary>
/// An AWS SDK other than ours (the AWS SDK for JavaScript v3) starts, gets, lists and deletes jobs of every kind,
/// reads their output, manages categories, and gets typed errors from the emulator: tests/SdkInterop run by node.
/// </summary>
public sealed partial class JavaScriptSdkInteropTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    // Generous: node, the SDK and two cores shared with other builds; the suite itself takes a few seconds.
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(4);

    [SdkInteropFact]
    public async Task Aws_sdk_for_javascript_runs_the_whole_job_lifecycle_against_the_emulator()
    {
        if (SdkInteropSuite.WhyUnavailable() is { } reason)
        {
            Assert.Fail($"{reason} {SdkInteropSuite.CiInstallStep}");
        }

        var run = await NodeTestRun.RunAsync(SdkInteropSuite.NodePath!, SdkInteropSuite.Directory!, Fixture.Settings.ToEnvironment(), RunLimit);

        Assert.True(run.ExitCode == 0, $"node --test in tests/SdkInterop exited with {run.ExitCode}:{Environment.NewLine}{run.Output}");
        var passed = PassCount().Match(run.Output);
        Assert.True(passed.Success && int.Parse(passed.Groups[1].Value, CultureInfo.InvariantCulture) > 0, $"node ran no test:{Environment.NewLine}{run.Output}");
        Assert.Matches(FailCount(), run.Output);

        // The JS SDK reached this emulator (not some other endpoint) for every job kind and for S3.
        foreach (var operation in new[] { "PutObject", "GetObject", "StartMedicalTranscriptionJob", "StartCallAnalyticsJob", "StartTranscriptionJob", "CreateCallAnalyticsCategory" })
        {
            Assert.True(Server.Requests[operation] > 0, $"the emulator saw no {operation}; counts: {string.Join(", ", Server.Requests.Snapshot())}");
        }
    }

    [GeneratedRegex(@"^# pass (\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PassCount();

    [GeneratedRegex(@"^# fail 0\s*$", RegexOptions.Multiline)]
    private static partial Regex FailCount();
}
