using TranscribePS.Core;
using TranscribePS.Core.Submission;

namespace TranscribePS.Infrastructure;

/// <summary>A bar while Starts wait for a slot in the account's concurrent-job window; closed when a slot frees.</summary>
internal sealed class SlotProgressReporter(InvocationPump shell) : IProgress<SlotWait>
{
    public void Report(SlotWait value) => shell.WriteProgress(value.Waiting
        ? new ProgressUpdate(ActivityIds.Slot, Messages.SlotActivity, Messages.SlotStatus(value.Kind, value.Running, value.Limit))
        : new ProgressUpdate(ActivityIds.Slot, Messages.SlotActivity, Messages.SlotFree, 100, Completed: true));
}
