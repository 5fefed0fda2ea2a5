using System.Management.Automation;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Infrastructure;

/// <summary>
/// Lets -Status take the service's spelling (IN_PROGRESS, COMPLETED) as well as the one jobs print (InProgress,
/// Completed); any other value goes on to PowerShell's enum conversion, whose error lists the printed names.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class JobStatusArgumentAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        => Convert(inputData is PSObject wrapped ? wrapped.BaseObject : inputData);

    internal static object Convert(object? value)
        => value is string text && JobStatusText.TryFromWire(text, out var status) ? status : value!;
}
