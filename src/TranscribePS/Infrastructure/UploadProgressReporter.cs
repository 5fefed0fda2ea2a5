using TranscribePS.Core;
using TranscribePS.Core.Submission;

namespace TranscribePS.Infrastructure;

/// <summary>
/// Upload progress of a batch as one bar: the bytes of every upload in flight, written when the whole percentage
/// (or the set of files) changes. Uploads run side by side, so the bar sums them rather than following one file.
/// </summary>
internal sealed class UploadProgressReporter(InvocationPump shell) : IProgress<UploadProgress>
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Done, long Total)> _active = new(StringComparer.Ordinal);
    private int _lastPercent = -1;
    private int _lastCount;
    private bool _started;

    public void Report(UploadProgress value)
    {
        ProgressUpdate update;
        lock (_gate)
        {
            _active[value.LocalPath] = (value.BytesTransferred, value.TotalBytes);
            long done = _active.Values.Sum(a => a.Done);
            long total = _active.Values.Sum(a => a.Total);
            var percent = total <= 0 ? 100 : (int)(done * 100 / total);
            if (percent == _lastPercent && _active.Count == _lastCount)
            {
                return;
            }

            _lastPercent = percent;
            _lastCount = _active.Count;
            _started = true;
            update = new ProgressUpdate(ActivityIds.Upload, Messages.UploadActivity, Status(value, done, total), percent);
        }

        shell.WriteProgress(update);
    }

    /// <summary>One recording's upload is over (or it had none): it leaves the bar.</summary>
    public void Done(string? localPath)
    {
        if (localPath is null)
        {
            return;
        }

        lock (_gate)
        {
            _active.Remove(localPath);
        }
    }

    /// <summary>The batch is over: the bar closes.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (!_started)
            {
                return;
            }

            _started = false;
        }

        shell.WriteProgress(new ProgressUpdate(ActivityIds.Upload, Messages.UploadActivity, Messages.UploadDone, 100, Completed: true));
    }

    private string Status(UploadProgress latest, long done, long total) => _active.Count == 1
        ? Messages.UploadStatus(latest.LocalPath, latest.BytesTransferred, latest.TotalBytes)
        : Messages.UploadsStatus(_active.Count, done, total);
}
