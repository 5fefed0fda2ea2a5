using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;

namespace TranscribePS.Infrastructure;

/// <summary>
/// The one seam between cmdlet code and PowerShell. PowerShellStandard's System.Management.Automation is stubs at
/// test time (ErrorRecord, ProgressRecord, PSObject and SwitchParameter keep nothing), so the seam carries our own
/// records; <see cref="PSCmdletHost"/> turns them into the real PowerShell objects.
/// </summary>
internal interface ICommandHost
{
    /// <summary>The parameter set PowerShell bound (tests set it on the recorder).</summary>
    string ParameterSetName { get; }

    /// <summary>The current file system location, for defaults such as Save-TranscribeOutput -Destination.</summary>
    string CurrentDirectory { get; }

    void WriteObject(object? value);

    /// <summary>
    /// Writes the file at a provider path as Get-Item gives it: a fresh FileInfo carrying the provider's PSPath,
    /// PSParentPath and PSChildName, which the file system's default view needs (it groups by directory and fills Mode,
    /// size and owner from them).
    /// </summary>
    void WriteFile(string path);

    void WriteError(CommandError error);

    void WriteWarning(string text);

    void WriteVerbose(string text);

    void WriteDebug(string text);

    void WriteProgress(ProgressUpdate progress);

    bool ShouldProcess(string target, string action);

    /// <summary>
    /// -WhatIf (or $WhatIfPreference) is on: every ShouldProcess answers no, so nothing may be read from AWS to
    /// prepare its text either.
    /// </summary>
    bool WhatIf { get; }

    /// <summary>Resolves -Path (wildcards) or -LiteralPath to file system paths; other providers are an error.</summary>
    PathResolution ResolvePath(string path, bool literal);

    [DoesNotReturn]
    void ThrowTerminatingError(CommandError error);
}

/// <summary>What becomes an ErrorRecord: the exception, a stable ErrorId, its category and the offending item.</summary>
internal sealed record CommandError(Exception Exception, string ErrorId, ErrorCategory Category, object? Target)
{
    public string Message => Exception.Message;
}

/// <summary>What becomes a ProgressRecord. <see cref="PercentComplete"/> -1 means unknown; Completed ends the bar.</summary>
internal sealed record ProgressUpdate(int ActivityId, string Activity, string Status, int PercentComplete = -1, bool Completed = false)
{
    public string? CurrentOperation { get; init; }

    /// <summary>The activity this one is shown under; -1 for a top-level bar.</summary>
    public int ParentActivityId { get; init; } = -1;
}

/// <summary>Provider paths a -Path/-LiteralPath value resolved to, or the error saying why none did.</summary>
internal sealed record PathResolution(IReadOnlyList<string> Paths, CommandError? Error)
{
    public static PathResolution Of(IReadOnlyList<string> paths) => new(paths, null);

    public static PathResolution Failed(CommandError error) => new(Array.Empty<string>(), error);
}

/// <summary>Thrown by cmdlet code when it cannot run at all; the pipeline thread turns it into ThrowTerminatingError.</summary>
internal sealed class TerminatingCommandException(CommandError error) : Exception(error.Message, error.Exception)
{
    public CommandError Error { get; } = error;
}
