using TranscribePS.Core.Aws;
using TranscribePS.Core.Storage;

namespace TranscribePS.Core.Jobs;

/// <summary>What Remove-TranscribeJob deletes besides the job.</summary>
/// <param name="Outputs">The job's output objects in the caller's own buckets.</param>
/// <param name="Media">The recording, when this module uploaded it.</param>
public readonly record struct RemovalScope(bool Outputs, bool Media);

/// <summary>An object the job names that removal leaves in place, and why.</summary>
public sealed record KeptObject(string Uri, string Reason);

/// <summary>
/// Removing one job, decided before anything is deleted: the S3 objects to delete (outputs first, then the
/// recording) and those left in place with the reason. <see cref="Checked"/> is false for a description made
/// without any call (under -WhatIf): the recording is then only a candidate, deleted if this module uploaded it.
/// </summary>
public sealed record JobRemoval
{
    public required TranscriptionJob Job { get; init; }

    public required IReadOnlyList<S3Location> Objects { get; init; }

    public required IReadOnlyList<KeptObject> Kept { get; init; }

    /// <summary>Without -WhatIf: the recording was read (HEAD) to tell whether this module uploaded it.</summary>
    public bool Checked { get; init; }

    /// <summary>Unchecked only: the recording deleted if it turns out to be this module's upload.</summary>
    public S3Location? CandidateMedia { get; init; }
}

/// <summary>
/// Deletes jobs and, when asked, what they left in S3. Outputs are deleted first: if a delete fails the job still
/// names what is left, so running the same removal again finishes the clean-up. The recording is deleted only when
/// this module uploaded it — its object carries the <see cref="S3Transfer.Sha256MetadataName"/> metadata and sits at
/// the content-addressed key <see cref="JobNaming.UploadKey"/> gives that hash — never a recording the caller put in
/// S3 some other way. Pre-signed outputs in the service's own bucket are the service's, not deleted.
/// </summary>
public sealed class JobRemover
{
    private readonly ITranscribeJobs _jobs;
    private readonly S3Transfer _storage;

    public JobRemover(ITranscribeJobs jobs, S3Transfer storage)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(storage);
        _jobs = jobs;
        _storage = storage;
    }

    /// <summary>What removing <paramref name="job"/> would delete, from the object alone: no call (-WhatIf).</summary>
    public static JobRemoval Describe(TranscriptionJob job, RemovalScope scope)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (objects, kept) = Outputs(job, scope);
        S3Location? candidate = null;
        if (scope.Media && MediaLocation(job, kept) is { } media)
        {
            candidate = media;
        }

        return new JobRemoval { Job = job, Objects = objects, Kept = kept, CandidateMedia = candidate };
    }

    /// <summary>
    /// Reads the recording's S3 metadata and, unless <paramref name="current"/> says the job was just read, the job
    /// again (a piped job's outputs may be newer than the object, a summary has none); deletes nothing.
    /// </summary>
    public async Task<JobRemoval> PlanAsync(TranscriptionJob job, RemovalScope scope, bool current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!current || job.IsSummary)
        {
            job = await _jobs.GetAsync(job.Kind, job.JobName, cancellationToken).ConfigureAwait(false);
        }

        var (objects, kept) = Outputs(job, scope);
        if (scope.Media && MediaLocation(job, kept) is { } media)
        {
            var head = await _storage.HeadAsync(media, cancellationToken).ConfigureAwait(false);
            if (head is null)
            {
                kept.Add(new KeptObject(media.ToString(), Messages.KeptMediaGone));
            }
            else if (head.Sha256 is { } sha && JobNaming.IsUploadKey(media.Key, sha))
            {
                objects.Add(media);
            }
            else
            {
                kept.Add(new KeptObject(media.ToString(), Messages.KeptMediaNotOurs));
            }
        }

        return new JobRemoval { Job = job, Objects = objects, Kept = kept, Checked = true };
    }

    /// <summary>Deletes the planned objects in order, then the job; <paramref name="deleted"/> hears of each object as it goes.</summary>
    public async Task RemoveAsync(JobRemoval removal, Action<S3Location>? deleted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removal);
        if (!removal.Checked)
        {
            throw new ArgumentException(Messages.RemovalNotChecked, nameof(removal));
        }

        foreach (var location in removal.Objects)
        {
            await _storage.DeleteAsync(location, cancellationToken).ConfigureAwait(false);
            deleted?.Invoke(location);
        }

        await _jobs.DeleteAsync(removal.Job.Kind, removal.Job.JobName, cancellationToken).ConfigureAwait(false);
    }

    private static (List<S3Location> Objects, List<KeptObject> Kept) Outputs(TranscriptionJob job, RemovalScope scope)
    {
        var objects = new List<S3Location>();
        var kept = new List<KeptObject>();
        foreach (var output in scope.Outputs ? job.Outputs() : [])
        {
            if (S3Location.TryParse(output.Uri, out var location, out _) && !location.IsPresigned)
            {
                objects.Add(location);
            }
            else
            {
                kept.Add(new KeptObject(S3Location.SafeName(output.Uri), Messages.KeptServiceOutput));
            }
        }

        return (objects, kept);
    }

    private static S3Location? MediaLocation(TranscriptionJob job, List<KeptObject> kept)
    {
        if (string.IsNullOrEmpty(job.MediaUri))
        {
            return null;
        }

        if (S3Location.TryParse(job.MediaUri, out var media, out _) && !media.IsPresigned)
        {
            return media;
        }

        kept.Add(new KeptObject(job.MediaUri, Messages.KeptMediaNotOurs));
        return null;
    }
}
