using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace TranscribePS.Infrastructure;

/// <summary>The real seam: forwards to the running PSCmdlet. Never constructed in tests (its calls are stubs there).</summary>
internal sealed class PSCmdletHost(PSCmdlet cmdlet) : ICommandHost, IPathIntrinsics
{
    public string ParameterSetName => cmdlet.ParameterSetName;

    public string CurrentDirectory => cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath;

    public void WriteObject(object? value)
    {
        var typeName = value is null ? null : OutputTypeNames.For(value.GetType());
        if (typeName is null || (typeName == value!.GetType().FullName && OutputTypeNames.VariantOf(value) is null))
        {
            // No name of ours, or the .NET name already is it (TranscriptItem: many thousands a file, each written as is).
            cmdlet.WriteObject(value);
            return;
        }

        // The PSTypeName selects the view in TranscribePS.Format.ps1xml; the base object still binds to typed parameters.
        var wrapped = new PSObject(value);
        wrapped.TypeNames.Insert(0, typeName);
        if (OutputTypeNames.VariantOf(value) is { } variant)
        {
            wrapped.TypeNames.Insert(0, variant);
        }
        InvariantTimes.Attach(wrapped, value!);
        cmdlet.WriteObject(wrapped);
    }

    public void WriteFile(string path)
    {
        foreach (var item in cmdlet.InvokeProvider.Item.Get([path], force: true, literalPath: true))
        {
            cmdlet.WriteObject(item);
        }
    }

    public void WriteError(CommandError error) => cmdlet.WriteError(ToRecord(error));

    public void WriteWarning(string text) => cmdlet.WriteWarning(text);

    public void WriteVerbose(string text) => cmdlet.WriteVerbose(text);

    public void WriteDebug(string text) => cmdlet.WriteDebug(text);

    public void WriteProgress(ProgressUpdate progress)
    {
        var record = new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
        {
            PercentComplete = progress.PercentComplete,
            ParentActivityId = progress.ParentActivityId,
            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        if (progress.CurrentOperation is not null)
        {
            record.CurrentOperation = progress.CurrentOperation;
        }

        cmdlet.WriteProgress(record);
    }

    public bool ShouldProcess(string target, string action) => cmdlet.ShouldProcess(target, action);

    public bool WhatIf => cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)
        ? LanguagePrimitives.IsTrue(bound)
        : LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference"));

    public PathResolution ResolvePath(string path, bool literal) => PathResolver.Resolve(this, path, literal);

    public ProviderPaths Unresolved(string path)
    {
        var resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
        return new ProviderPaths([resolved], provider.Name, provider.ImplementingType == typeof(FileSystemProvider));
    }

    public ProviderPaths Expand(string path)
    {
        var resolved = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var provider);
        return new ProviderPaths(resolved, provider.Name, provider.ImplementingType == typeof(FileSystemProvider));
    }

    [DoesNotReturn]
    public void ThrowTerminatingError(CommandError error)
    {
        cmdlet.ThrowTerminatingError(ToRecord(error));
        throw new InvalidOperationException(error.Message);
    }

    private static ErrorRecord ToRecord(CommandError error)
        => new(error.Exception, error.ErrorId, error.Category, error.Target);
}
