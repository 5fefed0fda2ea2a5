using System.Text.RegularExpressions;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Module;

/// <summary>Reads the few manifest entries the contract checks need (no PowerShell parser on this machine).</summary>
internal sealed partial class ManifestFile(string text)
{
    public static ManifestFile Built => new(File.ReadAllText(RepoPaths.ModuleFile("TranscribePS.psd1")));

    public static ManifestFile Source => new(File.ReadAllText(Path.Combine(RepoPaths.Root, "TranscribePS.psd1")));

    public string Scalar(string key)
    {
        var match = Regex.Match(text, $@"^\s*{key}\s*=\s*'([^']*)'", RegexOptions.Multiline);
        Assert.True(match.Success, $"{key} missing from the manifest");
        return match.Groups[1].Value;
    }

    /// <summary>The quoted strings of a <c>Key = @( ... )</c> array.</summary>
    public IReadOnlyList<string> Array(string key)
    {
        var match = Regex.Match(text, $@"^\s*{key}\s*=\s*@\(([^)]*)\)", RegexOptions.Multiline);
        Assert.True(match.Success, $"{key} missing from the manifest");
        return Quoted().Matches(match.Groups[1].Value).Select(m => m.Groups[1].Value).ToArray();
    }

    public bool Has(string key) => Regex.IsMatch(text, $@"^\s*{key}\s*=", RegexOptions.Multiline);

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
