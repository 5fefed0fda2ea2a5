namespace TranscribePS.Tests.Interop;

/// <summary>
/// A fact that needs node and the installed JS SDK packages. Outside CI it is skipped, visibly and with the reason,
/// when they are missing; under CI it always runs, so the test itself fails and names the missing install step.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SdkInteropFactAttribute : FactAttribute
{
    public SdkInteropFactAttribute()
    {
        if (!SdkInteropSuite.IsCi && SdkInteropSuite.WhyUnavailable() is { } reason)
        {
            Skip = reason + " Install it with `npm ci --prefix tests/SdkInterop` to run this test.";
        }
    }
}
