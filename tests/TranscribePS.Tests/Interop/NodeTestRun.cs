using System.Diagnostics;
using System.Text;

namespace TranscribePS.Tests.Interop;

/// <summary>One `node --test` run (TAP output): exit code and everything it printed, stdout and stderr interleaved as they came.</summary>
internal sealed record NodeTestRun(int ExitCode, string Output)
{
    /// <summary>
    /// Runs node's built-in test runner in <paramref name="workingDirectory"/> with the given AWS settings as the
    /// only AWS_* variables, so a developer's own profile, keys or endpoint overrides cannot leak into the run.
    /// </summary>
    /// <exception cref="TimeoutException">The run did not end in time; it has been killed and the message holds its output.</exception>
    public static async Task<NodeTestRun> RunAsync(
        string node,
        string workingDirectory,
        IEnumerable<KeyValuePair<string, string>> awsSettings,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        // TAP explicitly: newer node versions default to the spec reporter, whose summary lines read differently.
        var start = new ProcessStartInfo(node, ["--test", "--test-reporter=tap"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in awsSettings)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw new TimeoutException($"node --test did not finish within {timeout}; it was stopped. Output so far:{Environment.NewLine}{Snapshot(output)}");
        }

        // WaitForExit without a timeout also drains the redirected streams, so no output line is lost.
        process.WaitForExit();
        return new NodeTestRun(process.ExitCode, Snapshot(output));
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
