using System.Diagnostics.CodeAnalysis;
using TranscribePS.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

/// <summary>The test side of the cmdlet seam: records everything a cmdlet writes and answers prompts as told.</summary>
internal sealed class RecordingHost(string parameterSetName = "") : ICommandHost
{
    public string ParameterSetName { get; set; } = parameterSetName;

    public string CurrentDirectory { get; set; } = Directory.GetCurrentDirectory();

    /// <summary>The answer to every ShouldProcess: false is what -WhatIf (or "No" at a -Confirm prompt) gives.</summary>
    public bool Approve { get; set; } = true;

    public List<object?> Objects { get; } = [];

    public List<CommandError> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    public List<string> Verbose { get; } = [];

    public List<string> Debug { get; } = [];

    public List<ProgressUpdate> Progress { get; } = [];

    public List<(string Target, string Action)> ShouldProcessCalls { get; } = [];

    /// <summary>Which thread made each call, so tests can pin that everything runs on the pipeline thread.</summary>
    public HashSet<int> CallingThreads { get; } = [];

    public IEnumerable<T> ObjectsOf<T>() => Objects.OfType<T>();

    public void WriteObject(object? value) => Record(() => Objects.Add(value));

    public void WriteFile(string path) => Record(() => Objects.Add(new FileInfo(path)));

    public void WriteError(CommandError error) => Record(() => Errors.Add(error));

    public void WriteWarning(string text) => Record(() => Warnings.Add(text));

    public void WriteVerbose(string text) => Record(() => Verbose.Add(text));

    public void WriteDebug(string text) => Record(() => Debug.Add(text));

    public void WriteProgress(ProgressUpdate progress) => Record(() => Progress.Add(progress));

    /// <summary>-WhatIf: set with <see cref="Approve"/> false, as PowerShell answers every ShouldProcess no then.</summary>
    public bool WhatIf { get; set; }

    /// <summary>Runs when a prompt is answered, to change the world between planning and doing (e.g. delete the file).</summary>
    public Action<string>? OnShouldProcess { get; set; }

    public bool ShouldProcess(string target, string action)
    {
        Record(() => ShouldProcessCalls.Add((target, action)));
        OnShouldProcess?.Invoke(target);
        return Approve;
    }

    /// <summary>The cmdlets' own resolution rules over a file-system imitation of PowerShell's path calls.</summary>
    public PathResolution ResolvePath(string path, bool literal)
    {
        Record(() => { });
        return PathResolver.Resolve(new FileSystemIntrinsics(CurrentDirectory), path, literal);
    }

    [DoesNotReturn]
    public void ThrowTerminatingError(CommandError error) => throw new RecordedTerminatingError(error);

    private void Record(Action action)
    {
        lock (this)
        {
            CallingThreads.Add(Environment.CurrentManagedThreadId);
            action();
        }
    }
}

/// <summary>What ThrowTerminatingError raises in tests (the real one raises PowerShell's own exception).</summary>
internal sealed class RecordedTerminatingError(CommandError error) : Exception(error.Message, error.Exception)
{
    public CommandError Error { get; } = error;
}

/// <summary>Drives a cmdlet the way PowerShell does: Begin, one Process per pipeline input, End.</summary>
internal static class CmdletRunner
{
    public static THost Run<T, THost>(T cmdlet, THost host, params Action<T>[] inputs)
        where T : AsyncCmdlet
        where THost : ICommandHost
    {
        cmdlet.OuterHost = host;
        cmdlet.RunBegin();
        if (inputs.Length == 0)
        {
            cmdlet.RunProcess();
        }

        foreach (var input in inputs)
        {
            input(cmdlet);
            cmdlet.RunProcess();
        }

        cmdlet.RunEnd();
        return host;
    }
}
