using System.Globalization;
using System.Text.Json.Nodes;
using TranscribePS.Emulator.Transcribe.Content;

namespace TranscribePS.Emulator.Transcribe.Output;

/// <summary>Which optional parts a standard or medical transcript carries.</summary>
internal sealed record ResultsOptions(bool SpeakerLabels, bool ChannelLabels, bool PhiEntities, bool RedactPii);

/// <summary>
/// The standard and medical output file (snake_case, every number a string, punctuation without times):
/// jobName, accountId, results{transcripts, speaker_labels | channel_labels, items, audio_segments, entities}, status.
/// </summary>
internal static class ResultsTranscript
{
    public static JsonObject Build(Conversation conversation, string jobName, string accountId, ResultsOptions options)
    {
        var items = new JsonArray();
        var segments = new JsonArray();
        var speakerSegments = new JsonArray();
        var channelItems = new[] { new JsonArray(), new JsonArray() };
        var entities = new JsonArray();
        int id = 0;
        var transcript = new List<string>();

        foreach (var turn in conversation.Turns)
        {
            string speaker = "spk_" + turn.Party.ToString(CultureInfo.InvariantCulture);
            string channel = "ch_" + turn.Party.ToString(CultureInfo.InvariantCulture);
            var turnIds = new JsonArray();
            var turnSpeakerItems = new JsonArray();
            foreach (var word in turn.Words)
            {
                var item = Item(id, word, options.RedactPii);
                if (options.SpeakerLabels && !word.IsPunctuation)
                {
                    item["speaker_label"] = speaker;
                    turnSpeakerItems.Add(new JsonObject { ["start_time"] = Seconds(word.BeginMs), ["speaker_label"] = speaker, ["end_time"] = Seconds(word.EndMs) });
                }

                if (options.ChannelLabels)
                {
                    item["channel_label"] = channel;
                    channelItems[Math.Min(turn.Party, 1)].Add(Item(id, word, options.RedactPii));
                }

                items.Add(item);
                turnIds.Add(id);
                id++;
            }

            string text = turn.Text(w => Shown(w, options.RedactPii));
            transcript.Add(text);
            var segment = new JsonObject
            {
                ["id"] = segments.Count,
                ["transcript"] = text,
                ["start_time"] = Seconds(turn.BeginMs),
                ["end_time"] = Seconds(turn.EndMs),
            };
            if (options.SpeakerLabels)
            {
                segment["speaker_label"] = speaker;
                speakerSegments.Add(new JsonObject
                {
                    ["start_time"] = Seconds(turn.BeginMs),
                    ["speaker_label"] = speaker,
                    ["end_time"] = Seconds(turn.EndMs),
                    ["items"] = turnSpeakerItems,
                });
            }

            if (options.ChannelLabels)
            {
                segment["channel_label"] = channel;
            }

            segment["items"] = turnIds;
            segments.Add(segment);

            if (options.PhiEntities)
            {
                foreach (var span in turn.Words.Where(w => w.PiiSpan > 0).GroupBy(w => w.PiiSpan))
                {
                    // Punctuation inside the span ("Mr. Alvarez") belongs to the entity's text.
                    int first = IndexOf(turn.Words, span.First());
                    int last = IndexOf(turn.Words, span.Last());
                    entities.Add(new JsonObject
                    {
                        ["startTime"] = span.First().BeginMs / 1000.0,
                        ["endTime"] = span.Last().EndMs / 1000.0,
                        ["category"] = "PHI",
                        ["content"] = Turn.Render(turn.Words.Skip(first).Take(last - first + 1)),
                        ["confidence"] = Math.Round(span.Min(w => w.Confidence), 4),
                    });
                }
            }
        }

        var results = new JsonObject
        {
            ["transcripts"] = new JsonArray(new JsonObject { ["transcript"] = string.Join(' ', transcript) }),
        };
        if (options.SpeakerLabels)
        {
            int speakers = conversation.Turns.Select(t => t.Party).Distinct().Count();
            results["speaker_labels"] = new JsonObject { ["speakers"] = speakers, ["segments"] = speakerSegments };
        }

        if (options.ChannelLabels)
        {
            results["channel_labels"] = new JsonObject
            {
                ["channels"] = new JsonArray(
                    new JsonObject { ["channel_label"] = "ch_0", ["items"] = channelItems[0] },
                    new JsonObject { ["channel_label"] = "ch_1", ["items"] = channelItems[1] }),
                ["number_of_channels"] = 2,
            };
        }

        results["items"] = items;
        results["audio_segments"] = segments;
        if (options.PhiEntities)
        {
            results["entities"] = entities;
        }

        return new JsonObject
        {
            ["jobName"] = jobName,
            ["accountId"] = accountId,
            ["results"] = results,
            ["status"] = "COMPLETED",
        };
    }

    private static JsonObject Item(int id, Word word, bool redact)
    {
        var item = new JsonObject { ["id"] = id, ["type"] = word.IsPunctuation ? "punctuation" : "pronunciation" };
        JsonObject alternative;
        if (word.IsPunctuation)
        {
            alternative = new JsonObject { ["confidence"] = "0.0", ["content"] = word.Text };
        }
        else if (redact && word.PiiSpan > 0)
        {
            alternative = new JsonObject
            {
                ["content"] = "[PII]",
                ["redactions"] = new JsonArray(new JsonObject { ["confidence"] = Confidence(word.Confidence), ["type"] = word.PiiType, ["category"] = "PII" }),
            };
        }
        else
        {
            alternative = new JsonObject { ["confidence"] = Confidence(word.Confidence), ["content"] = word.Text };
        }

        item["alternatives"] = new JsonArray(alternative);
        if (!word.IsPunctuation)
        {
            item["start_time"] = Seconds(word.BeginMs);
            item["end_time"] = Seconds(word.EndMs);
        }

        return item;
    }

    private static int IndexOf(IReadOnlyList<Word> words, Word word)
    {
        for (int i = 0; i < words.Count; i++)
        {
            if (ReferenceEquals(words[i], word))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Shown(Word word, bool redact) => redact && word.PiiSpan > 0 ? "[PII]" : word.Text;

    /// <summary>Seconds as the service writes them: a string, one to three decimals ("0.49", "7.2", "15.0").</summary>
    public static string Seconds(long milliseconds) => (milliseconds / 1000.0).ToString("0.0##", CultureInfo.InvariantCulture);

    private static string Confidence(double confidence) => confidence.ToString("0.0###", CultureInfo.InvariantCulture);
}
