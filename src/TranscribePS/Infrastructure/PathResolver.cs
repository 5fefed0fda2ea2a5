using System.Management.Automation;

namespace TranscribePS.Infrastructure;

/// <summary>Provider paths one session-state call gave, and whether they are on the file system.</summary>
internal sealed record ProviderPaths(IReadOnlyList<string> Paths, string Provider, bool IsFileSystem);

/// <summary>
/// The two session-state path calls resolution needs. PSCmdletHost forwards them to SessionState.Path; tests give
/// a file-system imitation, so the rules in <see cref="PathResolver"/> run without PowerShell.
/// </summary>
internal interface IPathIntrinsics
{
    /// <summary>The path as written, made a provider path without wildcard expansion (GetUnresolvedProviderPathFromPSPath).</summary>
    ProviderPaths Unresolved(string path);

    /// <summary>The path with wildcards expanded; an empty list when a pattern matches nothing (GetResolvedProviderPathFromPSPath).</summary>
    ProviderPaths Expand(string path);
}

/// <summary>
/// -Path / -LiteralPath resolution for every cmdlet. A -Path value naming an existing item is that item, before any
/// wildcard expansion: Get-ChildItem output binds -Path through FullName, and a recording called
/// <c>visit[1].wav</c> must not turn into <c>visit1.wav</c> or into nothing. Every failure is one item's error.
/// </summary>
internal static class PathResolver
{
    public static PathResolution Resolve(IPathIntrinsics intrinsics, string path, bool literal)
    {
        try
        {
            if (literal || ExistingItem(intrinsics, path) is not null)
            {
                return FileSystemOnly(path, intrinsics.Unresolved(path));
            }

            var expanded = intrinsics.Expand(path);
            return expanded.Paths.Count == 0 && expanded.IsFileSystem
                ? PathResolution.Failed(CommandErrors.PathNotFound(path))
                : FileSystemOnly(path, expanded);
        }
        catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException)
        {
            return PathResolution.Failed(CommandErrors.PathNotFound(path, ex));
        }
        catch (Exception ex) when (IsPathProblem(ex))
        {
            return PathResolution.Failed(CommandErrors.InvalidPath(path, ex));
        }
    }

    /// <summary>The provider path of <paramref name="path"/> taken literally, when such a file or folder exists.</summary>
    private static string? ExistingItem(IPathIntrinsics intrinsics, string path)
    {
        try
        {
            var unresolved = intrinsics.Unresolved(path);
            return unresolved.IsFileSystem && unresolved.Paths is [var single] && (File.Exists(single) || Directory.Exists(single)) ? single : null;
        }
        catch (Exception ex) when (IsPathProblem(ex))
        {
            // Not a usable literal path; the wildcard expansion below gives the error, if any.
            return null;
        }
    }

    private static PathResolution FileSystemOnly(string path, ProviderPaths resolved)
        => resolved.IsFileSystem ? PathResolution.Of(resolved.Paths) : PathResolution.Failed(CommandErrors.NotFileSystem(path, resolved.Provider));

    /// <summary>
    /// What session state throws for a malformed or unusable path (SessionStateException covers drive, provider and
    /// item not found; PSArgumentException and PSNotSupportedException are the Argument/NotSupported ones): one
    /// item's problem, never the pipeline's.
    /// </summary>
    private static bool IsPathProblem(Exception ex)
        => ex is SessionStateException or WildcardPatternException or ProviderInvocationException
            or ArgumentException or NotSupportedException or IOException or UnauthorizedAccessException;
}
