namespace TranscribePS.Tests.Infrastructure;

/// <summary>
/// A fact that reads the real outputs in ../shared/samples. Without that folder it is skipped, visibly and with the
/// reason; under CI (where ../shared is always present) it always runs, so a missing folder fails the test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SamplesFactAttribute : FactAttribute
{
    public SamplesFactAttribute() => Skip = RepoPaths.WhySamplesSkip();
}

/// <summary>The theory form of <see cref="SamplesFactAttribute"/>: every case is skipped or run together.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SamplesTheoryAttribute : TheoryAttribute
{
    public SamplesTheoryAttribute() => Skip = RepoPaths.WhySamplesSkip();
}
