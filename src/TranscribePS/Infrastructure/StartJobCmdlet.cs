using System.Collections;
using System.Diagnostics;
using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Submission;
using TranscribePS.Core.Waiting;

namespace TranscribePS.Infrastructure;

/// <summary>
/// What the Start cmdlets share: the media inputs, naming and rerun parameters, and the per-recording flow
/// plan → (problems as errors) → ShouldProcess → submit (reuse/upload/start) → emit, or wait with -Wait. Up to
/// -ThrottleLimit recordings go through that flow at once, in the background: the pipeline hands the next recording
/// over as soon as a slot is free, and each job is emitted the moment it is started, in whatever order they start.
/// </summary>
public abstract class StartJobCmdlet : AwsCmdlet
{
    private protected const string PathSet = "Path";
    private protected const string LiteralPathSet = "LiteralPath";
    private protected const string MediaUriSet = "MediaUri";

    /// <summary>Recordings in flight at once unless -ThrottleLimit says otherwise.</summary>
    internal const int DefaultThrottleLimit = 10;

    /// <summary>A record that comes this long after the previous one returned is a trickle: its jobs are emitted before it returns.</summary>
    private static readonly TimeSpan TrickleGap = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long the first record waits for its own submissions. Whether more records follow at once (a folder piped
    /// in) cannot be known yet, and a slow upload or a stalled Start of the first recording must not hold the rest of
    /// a batch: past this, its jobs come out with the next records or at the end.
    /// </summary>
    private static readonly TimeSpan FirstRecordPatience = TimeSpan.FromSeconds(2);

    private readonly List<(int Order, Task Task)> _submissions = [];
    private int _dispatched;
    private long? _lastReturn;
    private WaitOptions? _waitOptions;
    private WaitSession? _wait;
    private SemaphoreSlim? _slots;
    private UploadProgressReporter? _uploads;
    private JobSubmitter? _submitter;
    private int _recordings;

    // As Get-Content and Import-Csv declare them: a piped file binds -LiteralPath through its PSPath, piped strings
    // bind -Path. Binding FullName here too made a FileInfo match both sets (AmbiguousParameterSet).
    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    public string[]? Path { get; set; }

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("LP", "PSPath")]
    public string[]? LiteralPath { get; set; }

    [Parameter(ParameterSetName = MediaUriSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("MediaFileUri")]
    public string[]? MediaUri { get; set; }

    [Parameter]
    public string? UploadBucket { get; set; }

    [Parameter]
    public string? UploadKeyPrefix { get; set; }

    [Parameter]
    public string? VocabularyName { get; set; }

    [Parameter]
    public Hashtable? Tag { get; set; }

    [Parameter]
    public string? JobName { get; set; }

    [Parameter]
    public SwitchParameter Force { get => ForceOn; set => ForceOn = value.IsPresent; }

    [Parameter]
    public SwitchParameter Wait { get => WaitOn; set => WaitOn = value.IsPresent; }

    [Parameter]
    [TimeSpanArgument(TimeSpanArgumentAttribute.Seconds)]
    public TimeSpan? Timeout { get; set; }

    [Parameter]
    [TimeSpanArgument(TimeSpanArgumentAttribute.Seconds)]
    public TimeSpan? PollInterval { get; set; }

    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    [Parameter]
    [ValidateRange(1, 100000)]
    public int? MaxConcurrentJobs { get; set; }

    internal bool ForceOn { get; set; }

    internal bool WaitOn { get; set; }

    /// <summary>The kind's request for one recording, from the cmdlet's own parameters.</summary>
    private protected abstract TranscribeJobRequest BuildRequest(MediaSource media);

    private protected IReadOnlyDictionary<string, string> Tags => Hashtables.ToStringMap(Tag, StringComparer.Ordinal);

    /// <summary>Wait settings are checked before the first upload, so a mistyped -Timeout cannot cost a batch of starts.</summary>
    private protected sealed override void CheckParameters()
    {
        _waitOptions = WaitReporter.OptionsWhen(WaitOn, Timeout, PollInterval);
        CheckRequestParameters();
    }

    /// <summary>The kind's own contradictory parameters, checked once before any work.</summary>
    private protected virtual void CheckRequestParameters()
    {
    }

    /// <summary>With -Wait, the wait runs beside the submissions: each job joins it once started and comes out finished.</summary>
    private protected sealed override Task BeginWorkAsync(CancellationToken cancellationToken)
    {
        _slots = new SemaphoreSlim(ThrottleLimit, ThrottleLimit);
        _uploads = new UploadProgressReporter(Shell);
        _submitter = Aws.CreateSubmitter(new SubmissionOptions { MaxConcurrentJobs = MaxConcurrentJobs }, new SlotProgressReporter(Shell));
        if (_waitOptions is { } options)
        {
            _wait = WaitReporter.Start(Shell, new JobWaiter(Aws.Jobs), options, StartBackground);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Hands the record's recordings to the background. Output can reach the pipeline only while a step of this
    /// cmdlet runs, so a record that came after a pause upstream (a trickle, or the first record, for at most
    /// <see cref="FirstRecordPatience"/>) waits for its own submissions and its jobs come out at once; records arriving
    /// back to back (Get-ChildItem) return as soon as they have a slot, and their jobs come out during the next records
    /// and at the end.
    /// </summary>
    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        bool first = _lastReturn is null;
        bool trickle = _lastReturn is not { } last || Stopwatch.GetElapsedTime(last) > TrickleGap;
        int firstOwn;
        lock (_submissions)
        {
            firstOwn = _dispatched;
        }

        await DispatchAllAsync(cancellationToken).ConfigureAwait(false);
        if (trickle)
        {
            Task[] own;
            lock (_submissions)
            {
                own = [.. _submissions.Where(s => s.Order >= firstOwn).Select(s => s.Task)];
            }

            var submitted = Task.WhenAll(own);
            await (first ? Task.WhenAny(submitted, Task.Delay(FirstRecordPatience, cancellationToken)) : submitted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _lastReturn = Stopwatch.GetTimestamp();
    }

    private async Task DispatchAllAsync(CancellationToken cancellationToken)
    {
        foreach (var uri in MediaUri ?? [])
        {
            await DispatchAsync(MediaSource.FromUri(uri), uri, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (path, literal) in (Path ?? []).Select(p => (p, false)).Concat((LiteralPath ?? []).Select(p => (p, true))))
        {
            var resolved = await Shell.ResolvePathAsync(path, literal).ConfigureAwait(false);
            if (resolved.Error is not null)
            {
                Shell.WriteError(resolved.Error);
            }

            foreach (var file in resolved.Paths)
            {
                await DispatchAsync(MediaSource.FromPath(file), file, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Every recording handed over has been submitted (its outcome written) before the wait is told no more jobs come.</summary>
    private protected override async Task EndAsync(CancellationToken cancellationToken)
    {
        Task[] submissions;
        lock (_submissions)
        {
            submissions = [.. _submissions.Select(s => s.Task)];
        }

        // A submission that failed outright is reported by the pump (it was tracked); here it only must have ended.
        await Task.WhenAll(submissions).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _uploads?.Finish();
        _wait?.CompleteAdding();
    }

    /// <summary>Takes a slot (waiting while -ThrottleLimit recordings are in flight) and submits the recording in the background.</summary>
    private async Task DispatchAsync(MediaSource media, string target, CancellationToken cancellationToken)
    {
        if (JobName is not null && ++_recordings > 1)
        {
            Shell.WriteError(CommandErrors.InvalidParameters(Messages.JobNameNeedsOneRecording(JobName), "JobNameWithManyRecordings", target));
            return;
        }

        await _slots!.WaitAsync(cancellationToken).ConfigureAwait(false);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_submissions)
        {
            _submissions.RemoveAll(s => s.Task.IsCompleted);
            _submissions.Add((_dispatched++, done.Task));
        }

        StartBackground(async token =>
        {
            try
            {
                await SubmitAsync(media, target, token).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
                done.SetResult();
            }
        });
    }

    private async Task SubmitAsync(MediaSource media, string target, CancellationToken cancellationToken)
    {
        var planned = await JobPlanner.PlanAsync(BuildRequest(media), cancellationToken).ConfigureAwait(false);
        if (planned.Plan is not { } plan)
        {
            WriteProblems(planned.Problems);
            return;
        }

        if (!await Shell.ShouldProcessAsync(target, plan.Describe()).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            SubmissionResult result;
            try
            {
                result = await _submitter!.SubmitAsync(plan, _uploads, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _uploads!.Done(plan.Upload?.LocalPath);
            }

            Shell.WriteVerbose(Messages.SubmissionOutcome(result.Outcome, result.Upload, result.Job.JobName, target));
            if (result.Warning is { } warning)
            {
                Shell.WriteWarning(warning);
            }

            var job = plan.Source.LocalPath is { } localPath ? result.Job with { LocalPath = localPath } : result.Job;
            if (_wait is not null)
            {
                _wait.Add(job);
            }
            else
            {
                Shell.WriteObject(job);
            }
        }
        catch (PlanProblemException ex)
        {
            WriteProblems(ex.Problems);
        }
        catch (AwsServiceException ex)
        {
            WriteServiceError(ex, target);
        }
    }

    private void WriteProblems(IEnumerable<PlanProblem> problems)
    {
        foreach (var problem in problems)
        {
            Shell.WriteError(ErrorMapping.ToError(problem));
        }
    }
}
