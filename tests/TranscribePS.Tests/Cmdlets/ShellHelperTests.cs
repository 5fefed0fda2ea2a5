using System.Collections;
using TranscribePS.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

/// <summary>The pure helpers behind the cmdlet shells.</summary>
public sealed class ShellHelperTests
{
    [Fact]
    public void Hashtables_and_arrays_become_the_plain_tree_the_rule_converter_reads()
    {
        var value = new object[]
        {
            new Hashtable { ["TranscriptFilter"] = new Hashtable { ["Targets"] = new[] { "cancel", "close" }, ["Negate"] = true } },
        };

        var plain = Assert.IsType<List<object?>>(PlainValues.From(value));

        var rule = Assert.IsType<Dictionary<string, object?>>(Assert.Single(plain));
        var filter = Assert.IsType<Dictionary<string, object?>>(rule["transcriptfilter"]);
        Assert.Equal(["cancel", "close"], Assert.IsType<List<object?>>(filter["Targets"]));
        Assert.Equal(true, filter["NEGATE"]);
    }
}
