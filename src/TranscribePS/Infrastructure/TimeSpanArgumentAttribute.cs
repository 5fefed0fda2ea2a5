using System.Globalization;
using System.Management.Automation;

namespace TranscribePS.Infrastructure;

/// <summary>
/// Lets a TimeSpan parameter take a plain number in the unit the help names (PowerShell alone would read 5000 as
/// 5000 ticks, half a millisecond). TimeSpan values and strings such as '00:05:00' pass through.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TimeSpanArgumentAttribute(double secondsPerUnit) : ArgumentTransformationAttribute
{
    public const double Seconds = 1;
    public const double Milliseconds = 0.001;

    public double SecondsPerUnit { get; } = secondsPerUnit;

    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        => Convert(inputData is PSObject wrapped ? wrapped.BaseObject : inputData);

    internal object Convert(object? value) => value switch
    {
        int or long or short or byte or double or float or decimal
            => TimeSpan.FromSeconds(System.Convert.ToDouble(value, CultureInfo.InvariantCulture) * SecondsPerUnit),
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            => TimeSpan.FromSeconds(number * SecondsPerUnit),
        _ => value!,
    };
}
