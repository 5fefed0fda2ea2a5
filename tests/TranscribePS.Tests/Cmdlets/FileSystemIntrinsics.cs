using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;
using TranscribePS.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

/// <summary>
/// PowerShell's two path calls imitated on the real file system, with its wildcard rules (* ? [abc] and backtick
/// escapes, in the last segment), provider-qualified paths, non-file-system drives and its exceptions.
/// </summary>
internal sealed class FileSystemIntrinsics(string currentDirectory) : IPathIntrinsics
{
    private const string FileSystemPrefix = @"Microsoft.PowerShell.Core\FileSystem::";

    public ProviderPaths Unresolved(string path)
        => Provider(path) is { } other ? new([path], other, false) : new([Full(path)], "FileSystem", true);

    public ProviderPaths Expand(string path)
    {
        if (Provider(path) is { } other)
        {
            return new([path], other, false);
        }

        var full = Full(path);
        if (full.IndexOfAny(['*', '?', '[']) < 0)
        {
            return File.Exists(full) || Directory.Exists(full)
                ? new([full], "FileSystem", true)
                : throw new ItemNotFoundException("Cannot find path '" + path + "' because it does not exist.");
        }

        var directory = System.IO.Path.GetDirectoryName(full)!;
        var pattern = ToRegex(System.IO.Path.GetFileName(full));
        var matches = Directory.Exists(directory)
            ? Directory.GetFiles(directory).Where(f => pattern.IsMatch(System.IO.Path.GetFileName(f))).Order(StringComparer.Ordinal).ToArray()
            : [];
        return new(matches, "FileSystem", true);
    }

    private static string? Provider(string path)
        => path.StartsWith("Env:", StringComparison.OrdinalIgnoreCase) ? "Environment"
            : path.StartsWith("Variable:", StringComparison.OrdinalIgnoreCase) ? "Variable"
            : null;

    private string Full(string path)
        => System.IO.Path.GetFullPath(path.StartsWith(FileSystemPrefix, StringComparison.OrdinalIgnoreCase) ? path[FileSystemPrefix.Length..] : path, currentDirectory);

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '`' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        throw new WildcardPatternException("The specified wildcard character pattern is not valid: " + pattern);
                    }

                    regex.Append('[').Append(pattern[(i + 1)..close].Replace(@"\", @"\\", StringComparison.Ordinal)).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(pattern[i].ToString()));
                    break;
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
