using System.Collections.Concurrent;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Waiting;

namespace TranscribePS.Core.Submission;

/// <summary>What one listing says of a job name.</summary>
internal enum Presence
{
    /// <summary>The listing ended within its budget without the name, and this batch has not started it since.</summary>
    Absent,

    /// <summary>Listed (or started by this batch): a Get tells whose it is.</summary>
    Listed,

    /// <summary>The listing was cut short or failed: only a Get can tell.</summary>
    Unknown,
}

/// <summary>
/// The existence check of a batch in bulk: from the <see cref="SubmissionOptions.ExistenceListFrom"/>th plan of a kind
/// on, the kind's jobs are listed once (every status, 100 a page, paced) and every later plan of the batch is answered
/// from the listing, so a fresh batch makes no Get per recording. The plans before it are answered Unknown (a Get
/// each): a run of one recording costs one Get, not a List of the account. Names this batch starts are added as they start. A job another runner starts after the listing is
/// still found: its Start answers ConflictException, which the submitter resolves by a Get.
/// </summary>
internal sealed class JobDirectory(ITranscribeJobs jobs, SubmissionOptions options, CallPacer listPacer, ServiceRetry retry)
{
    private readonly ConcurrentDictionary<JobKind, Lazy<Task<Listing>>> _listings = new();
    private readonly ConcurrentDictionary<JobKind, int> _lookups = new();

    public async Task<Presence> LookupAsync(JobKind kind, string jobName, CancellationToken cancellationToken)
    {
        if (_lookups.AddOrUpdate(kind, 1, (_, n) => n + 1) < options.ExistenceListFrom)
        {
            return Presence.Unknown;
        }

        var listing = await ListingOf(kind, cancellationToken).ConfigureAwait(false);
        lock (listing)
        {
            return listing.Names.Contains(jobName) ? Presence.Listed
                : listing.Complete ? Presence.Absent
                : Presence.Unknown;
        }
    }

    /// <summary>A job this batch started (or found): later plans of the same name see it.</summary>
    public void Remember(JobKind kind, string jobName)
    {
        if (_listings.TryGetValue(kind, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
        {
            var listing = lazy.Value.Result;
            lock (listing)
            {
                listing.Names.Add(jobName);
            }
        }
    }

    /// <summary>
    /// QUEUED and IN_PROGRESS jobs of the kind in this batch's existence listing, when one was made and read to the
    /// end (the window's first count then costs no request); null otherwise.
    /// </summary>
    public async Task<int?> ListedRunningAsync(JobKind kind)
    {
        if (!_listings.TryGetValue(kind, out var lazy))
        {
            return null;
        }

        var listing = await lazy.Value.ConfigureAwait(false);
        return listing.Complete ? listing.Running : null;
    }

    private Task<Listing> ListingOf(JobKind kind, CancellationToken cancellationToken) =>
        _listings.GetOrAdd(kind, k => new Lazy<Task<Listing>>(() => ListAsync(k, cancellationToken))).Value;

    private async Task<Listing> ListAsync(JobKind kind, CancellationToken cancellationToken)
    {
        try
        {
            return await retry.RunAsync(token => ListOnceAsync(kind, token), cancellationToken).ConfigureAwait(false);
        }
        catch (TranscribeException)
        {
            // Not allowed to list, or the service kept failing: every name is checked by Get, as without a listing.
            return new Listing([], 0, Complete: false);
        }
    }

    private async Task<Listing> ListOnceAsync(JobKind kind, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = 0;
        var running = 0;
        var limit = options.MaxExistenceListPages * TranscribeClient.MaxPageSize;
        await using var items = jobs.ListAsync(kind, null, null, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            if (seen % TranscribeClient.MaxPageSize == 0)
            {
                if (seen >= limit)
                {
                    return new Listing(names, running, Complete: false);
                }

                // The enumerator fetches a page whenever the previous one is used up: pace each fetch.
                await listPacer.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!await items.MoveNextAsync().ConfigureAwait(false))
            {
                return new Listing(names, running, Complete: true);
            }

            seen++;
            names.Add(items.Current.JobName);
            if (items.Current.Status is JobStatus.Queued or JobStatus.InProgress)
            {
                running++;
            }
        }
    }

    private sealed record Listing(HashSet<string> Names, int Running, bool Complete);
}
