using TranscribePS.Core.Transcripts;

namespace TranscribePS.Tests.Transcripts;

public sealed class TurnMeanTests
{
    private static TranscriptItem Word(int index, string content, double confidence)
        => new() { JobName = "visit", Index = index, Type = TranscriptItemType.Pronunciation, Content = content, Confidence = confidence, StartTime = index, EndTime = index + 0.5, Speaker = "spk_0" };

    [Fact]
    public void A_turn_confidence_is_the_mean_rounded_to_four_decimals_without_float_noise()
    {
        var builder = new TurnBuilder();
        Assert.Null(builder.Add(Word(0, "I", 0.9)));
        Assert.Null(builder.Add(Word(1, "feel", 0.95)));
        Assert.Null(builder.Add(Word(2, "fine", 0.915)));

        var turn = builder.Complete()!;

        Assert.Equal(0.9217, turn.Confidence);
        Assert.Equal("0.9217", turn.Confidence!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_mean_that_is_exact_stays_exact()
    {
        var builder = new TurnBuilder();
        builder.Add(Word(0, "a", 0.93));
        builder.Add(Word(1, "b", 0.95));
        builder.Add(Word(2, "c", 0.91));

        Assert.Equal("0.93", builder.Complete()!.Confidence!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
