using TranscribePS.Core.Transcripts;

namespace TranscribePS.Tests.Transcripts;

public sealed class SpeakerNameCheckTests
{
    private static SpeakerNameCheck Check(params (string Key, string Value)[] names)
        => new(names.ToDictionary(n => n.Key, n => n.Value, StringComparer.OrdinalIgnoreCase));

    [Fact]
    public void A_reversed_table_is_named_as_reversed_with_the_table_to_write()
    {
        var check = Check(("Clinician", "spk_0"), ("Patient", "spk_1"));
        check.Observe("spk_0", null);
        check.Observe("spk_1", null);

        var warning = check.Finish("visit.json");

        Assert.Equal("-SpeakerName names no speaker in 'visit.json': its keys (Clinician, Patient) match none of the labels there (spk_0, spk_1), but its values do, so the table looks reversed. Put the label first: @{ spk_0 = 'Clinician' }.", warning);
    }

    [Fact]
    public void Keys_that_match_nothing_get_the_labels_and_an_example()
    {
        var check = Check(("speaker_1", "Agent"));
        check.Observe("spk_0", "ch_0");
        check.Observe("spk_1", "ch_1");

        var warning = check.Finish("call.json");

        Assert.Equal("-SpeakerName names no speaker in 'call.json': its keys (speaker_1) match none of the labels there (ch_0, ch_1, spk_0, spk_1), so every speaker keeps its label. The keys are the labels and the values the names, as in @{ ch_0 = 'Agent' }.", warning);
    }

    [Theory]
    [InlineData("spk_1")]
    [InlineData("SPK_1")]
    [InlineData("ch_0")]
    public void One_matching_key_is_enough_and_case_does_not_matter(string key)
    {
        var check = Check((key, "Doctor"), ("spk_9", "Nobody"));
        check.Observe("spk_0", "ch_0");
        check.Observe("spk_1", "ch_1");

        Assert.Null(check.Finish("visit.json"));
    }

    [Fact]
    public void Call_analytics_roles_match_in_any_case()
    {
        var check = Check(("Agent", "Dana"));
        check.Observe("AGENT", "ch_0");

        Assert.Null(check.Finish("call.json"));
    }

    [Fact]
    public void It_warns_once_per_invocation_and_not_without_names_or_labels()
    {
        var check = Check(("Clinician", "spk_0"));
        check.Observe("spk_0", null);
        Assert.NotNull(check.Finish("a.json"));
        check.Observe("spk_0", null);
        Assert.Null(check.Finish("b.json"));

        var none = Check();
        none.Observe("spk_0", null);
        Assert.Null(none.Finish("a.json"));

        var unlabelled = Check(("spk_0", "A"));
        Assert.Null(unlabelled.Finish("a.json"));
    }
}
