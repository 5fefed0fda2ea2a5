namespace TranscribePS.Emulator.Transcribe;

/// <summary>
/// The Transcribe emulator's clock: an underlying TimeProvider (the system's, or a test's) plus an offset that
/// the admin hooks can advance, so an emulator running as a server can still be fast-forwarded.
/// </summary>
internal sealed class EmulatorClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    public void ResetOffset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
