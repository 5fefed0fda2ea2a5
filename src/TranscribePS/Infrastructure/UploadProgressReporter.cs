using TranscribePS.Core;
using TranscribePS.Core.Submission;

namespace TranscribePS.Infrastructure;

/// <summary>Upload progress as one bar, written only when the whole percentage changes.</summary>
internal sealed class UploadProgressReporter(InvocationPump shell) : IProgress<UploadProgress>
{
    private int _lastPercent = -1;
    private bool _started;

    public void Report(UploadProgress value)
    {
        var percent = value.TotalBytes <= 0 ? 100 : (int)(value.BytesTransferred * 100 / value.TotalBytes);
        if (percent == Interlocked.Exchange(ref _lastPercent, percent))
        {
            return;
        }

        _started = true;
        shell.WriteProgress(new ProgressUpdate(ActivityIds.Upload, Messages.UploadActivity, Messages.UploadStatus(value.LocalPath, value.BytesTransferred, value.TotalBytes), percent));
    }

    public void Complete()
    {
        if (_started)
        {
            shell.WriteProgress(new ProgressUpdate(ActivityIds.Upload, Messages.UploadActivity, Messages.UploadDone, 100, Completed: true));
        }
    }
}
