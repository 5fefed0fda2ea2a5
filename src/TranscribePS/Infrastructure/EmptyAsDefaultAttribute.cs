using System.Management.Automation;

namespace TranscribePS.Infrastructure;

/// <summary>
/// A piped object whose property is null or empty (a saved category with no InputType, an empty Import-Csv cell) binds
/// the parameter's default instead of failing its ValidateSet; transformation runs before validation.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class EmptyAsDefaultAttribute(string defaultValue) : ArgumentTransformationAttribute
{
    public string DefaultValue { get; } = defaultValue;

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        => (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is null or "" ? DefaultValue : inputData;
}
