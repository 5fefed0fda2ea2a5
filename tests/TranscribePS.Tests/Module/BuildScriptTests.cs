using System.Text.RegularExpressions;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Module;

/// <summary>
/// build.ps1 read as text (no pwsh here): its child pwsh runs must be self-contained, since `pwsh -Command text
/// args` appends args to the text, and the demo must use the Pester support module rather than copies of it.
/// </summary>
public sealed partial class BuildScriptTests
{
    private static readonly Lazy<string> Script = new(() => File.ReadAllText(Path.Combine(RepoPaths.Root, "build.ps1")));

    private static readonly Lazy<string> Support = new(() => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Pester", "TestSupport.psm1")));

    [Fact]
    public void Every_child_pwsh_gets_a_command_text_and_nothing_after_it()
    {
        var launches = Script.Value.Split('\n').Where(line => PwshLaunch().IsMatch(line)).ToArray();

        Assert.NotEmpty(launches);
        Assert.All(launches, line => Assert.Matches(@"&\s*pwsh\s+-NoProfile\s+-NonInteractive\s+-Command\s+\$\w+\s*$", line.TrimEnd()));
    }

    [Fact]
    public void Child_commands_declare_no_parameters_and_embed_the_Pester_path()
    {
        var texts = HereStrings().Matches(Script.Value).Select(m => m.Value).ToArray();

        Assert.NotEmpty(texts);
        Assert.All(texts, text => Assert.DoesNotMatch(@"(?im)^\s*param\s*\(", text));
        var pester = Assert.Single(texts, t => t.Contains("Invoke-Pester", StringComparison.Ordinal));
        Assert.Contains("Import-Module Pester -MinimumVersion 5.3", pester, StringComparison.Ordinal);
        Assert.Matches(@"Run\.Path = \$pesterDir\b", pester);
        Assert.Matches(@"\$pesterDir = ConvertTo-QuotedLiteral \(Join-Path \$root 'tests/Pester'\)", Script.Value);
    }

    [Fact]
    public void The_child_inherits_every_setting_the_Pester_support_module_reads()
    {
        var read = EnvironmentName().Matches(Support.Value).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var set = EnvironmentAssignment().Matches(Script.Value).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(["TRANSCRIBEPS_CONFIGURATION", "TRANSCRIBEPS_MODULE"], read.Order(StringComparer.Ordinal));
        Assert.Subset(set, read);
    }

    [Fact]
    public void Demo_uses_the_Pester_support_module_and_has_no_emulator_code_of_its_own()
    {
        var demo = Script.Value[Script.Value.IndexOf("function Invoke-Demo", StringComparison.Ordinal)..];
        var exported = Support.Value[Support.Value.IndexOf("Export-ModuleMember", StringComparison.Ordinal)..];

        foreach (var function in new[] { "Start-TestEmulator", "Stop-TestEmulator", "Set-EmulatorTiming", "Set-EmulatorScript", "New-TestWav", "Get-TestModulePath" })
        {
            Assert.Contains(function, demo, StringComparison.Ordinal);
            Assert.Contains(function, exported, StringComparison.Ordinal);
            Assert.DoesNotContain("function " + function, Script.Value, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("TestSupport.psm1", demo, StringComparison.Ordinal);
        Assert.DoesNotContain("_emulator/", Script.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("BinaryWriter", Script.Value, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"&\s*pwsh\b", RegexOptions.IgnoreCase)]
    private static partial Regex PwshLaunch();

    [GeneratedRegex("@[\"'][\\s\\S]*?\\n[\"']@")]
    private static partial Regex HereStrings();

    [GeneratedRegex(@"\$env:(TRANSCRIBEPS_\w+)")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"\$env:(TRANSCRIBEPS_\w+)\s*=")]
    private static partial Regex EnvironmentAssignment();
}
