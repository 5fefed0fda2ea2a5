using System.Globalization;
using System.Xml.Linq;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Module;

/// <summary>The MAML the build generates: every cmdlet and every parameter described, at least two examples.</summary>
public sealed class HelpContractTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static readonly Lazy<Dictionary<string, XElement>> Help = new(() =>
        XDocument.Load(RepoPaths.ModuleFile("en-US", "TranscribePS.dll-Help.xml"))
            .Descendants(Command + "command")
            .ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value, StringComparer.Ordinal));

    public static TheoryData<string> CmdletNames() => CmdletContractTests.CmdletNames();

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_has_a_synopsis_a_description_and_two_examples(string name)
    {
        Assert.True(Help.Value.TryGetValue(name, out var command), $"{name} has no help");
        Assert.False(string.IsNullOrWhiteSpace(command.Element(Command + "details")!.Element(Maml + "description")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(command.Element(Maml + "description")?.Value));
        var examples = command.Descendants(Command + "example").ToArray();
        Assert.True(examples.Length >= 2, $"{name} has {examples.Length} example(s)");
        Assert.All(examples, e => Assert.Contains(name, e.Element(Dev + "code")!.Value, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Help_describes_exactly_the_cmdlet_parameters(string name)
    {
        var cmdlet = CmdletMetadata.Get(name);
        var described = Help.Value[name].Element(Command + "parameters")!.Elements(Command + "parameter")
            .ToDictionary(p => p.Element(Maml + "name")!.Value, p => p.Element(Maml + "description")?.Value ?? string.Empty);
        Assert.Equal(cmdlet.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal), described.Keys.Order(StringComparer.Ordinal));
        Assert.All(described, p => Assert.False(string.IsNullOrWhiteSpace(p.Value), $"{name} -{p.Key} is not described"));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Help_syntax_has_one_block_per_parameter_set(string name)
    {
        var cmdlet = CmdletMetadata.Get(name);
        var sets = cmdlet.Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != "__AllParameterSets").Distinct().Count();
        var blocks = Help.Value[name].Element(Command + "syntax")!.Elements(Command + "syntaxItem").Count();
        Assert.Equal(Math.Max(sets, 1), blocks);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Help_states_each_parameter_position_aliases_and_pipeline_input_as_declared(string name)
    {
        var cmdlet = CmdletMetadata.Get(name);
        var described = Help.Value[name].Element(Command + "parameters")!.Elements(Command + "parameter")
            .ToDictionary(p => p.Element(Maml + "name")!.Value, StringComparer.Ordinal);
        Assert.All(cmdlet.Parameters, parameter =>
        {
            var help = described[parameter.Name];
            var position = parameter.Sets.Select(s => s.Position).FirstOrDefault(p => p is not null);
            Assert.Equal(position?.ToString(CultureInfo.InvariantCulture) ?? "named", help.Attribute("position")?.Value);
            var aliases = help.Attribute("aliases")?.Value is { } text && text != "none" ? text.Split(", ") : [];
            Assert.Equal(parameter.Aliases.Order(StringComparer.Ordinal), aliases.Order(StringComparer.Ordinal));
            var pipeline = help.Attribute("pipelineInput")?.Value ?? string.Empty;
            Assert.True(parameter.FromPipeline == pipeline.Contains("ByValue", StringComparison.Ordinal), $"{name} -{parameter.Name}: {pipeline}");
            Assert.True(parameter.ByPropertyName == pipeline.Contains("ByPropertyName", StringComparison.Ordinal), $"{name} -{parameter.Name}: {pipeline}");
        });
    }
}
