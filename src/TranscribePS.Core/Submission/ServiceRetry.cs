using TranscribePS.Core.Aws;

namespace TranscribePS.Core.Submission;

/// <summary>
/// Retries one call through throttling and service faults (5xx, dropped or timed-out connections) with jittered,
/// doubling backoff, so a storm slows a batch down instead of failing its recordings. Other failures pass at once.
/// </summary>
internal sealed class ServiceRetry(SubmissionOptions options, TimeProvider clock, Random random)
{
    public static bool IsTransient(AwsServiceException ex) => ex.Kind is AwsErrorKind.Throttled or AwsErrorKind.ServiceFault;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (IsTransient(ex) && attempt < options.MaxAttempts)
            {
                await Task.Delay(options.RetryDelay(attempt, NextUnit()), clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task RunAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(
            async token =>
            {
                await call(token).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    private double NextUnit()
    {
        lock (random)
        {
            return random.NextDouble();
        }
    }
}
