using System.Text.Json.Nodes;
using TranscribePS.Emulator.Transcribe.Content;
using TranscribePS.Emulator.Transcribe.Output;

namespace TranscribePS.Emulator.Transcribe.Categories;

/// <summary>A call analytics category as stored: its rules exactly as the request gave them.</summary>
internal sealed record CategoryRecord(string Name, JsonArray Rules, string InputType, JsonArray? Tags, DateTimeOffset CreateTime, DateTimeOffset LastUpdateTime);

/// <summary>A category that matched a call, with the stretches of the call that made it match.</summary>
internal sealed record CategoryMatch(string CategoryName, IReadOnlyList<(long Begin, long End)> PointsOfInterest);

/// <summary>
/// Checks category rules the way the service does on Create/Update (beyond the model: time ranges), and evaluates
/// them against a finished call. A category matches when every one of its rules holds.
/// </summary>
internal static class CategoryRules
{
    private static readonly string[] Roles = CallAnalyticsDocument.Roles;

    public static void Validate(JsonArray rules)
    {
        int index = 0;
        foreach (var rule in rules.OfType<JsonObject>())
        {
            index++;
            foreach (var (kind, filter) in rule)
            {
                if (filter is not JsonObject body)
                {
                    continue;
                }

                if (body["AbsoluteTimeRange"] is JsonObject && body["RelativeTimeRange"] is JsonObject)
                {
                    throw ServiceErrors.BadRequest($"Rule {index} ({kind}) has both AbsoluteTimeRange and RelativeTimeRange. Use one of them.");
                }

                CheckRange(body["AbsoluteTimeRange"] as JsonObject, "StartTime", "EndTime", index, kind, "AbsoluteTimeRange");
                CheckRange(body["RelativeTimeRange"] as JsonObject, "StartPercentage", "EndPercentage", index, kind, "RelativeTimeRange");
                if (kind == "TranscriptFilter" && body["Targets"] is JsonArray targets && targets.Any(t => string.IsNullOrWhiteSpace(t?.GetValue<string>())))
                {
                    throw ServiceErrors.BadRequest($"Rule {index} (TranscriptFilter) has an empty target. Remove it and try your request again.");
                }
            }
        }
    }

    public static CategoryMatch? Evaluate(CategoryRecord category, Conversation conversation, ConversationFacts facts)
    {
        var points = new List<(long, long)>();
        foreach (var rule in category.Rules.OfType<JsonObject>())
        {
            var (kind, node) = rule.First(p => p.Value is JsonObject);
            var filter = (JsonObject)node!;
            bool negate = filter["Negate"]?.GetValue<bool>() ?? false;
            var (rangeBegin, rangeEnd) = Range(filter, conversation.DurationMs);
            int? party = filter["ParticipantRole"]?.GetValue<string>() is { } role ? Array.IndexOf(Roles, role) : null;
            var turns = conversation.Turns.Where(t => (party is null || t.Party == party) && t.BeginMs < rangeEnd && t.EndMs > rangeBegin).ToList();
            var found = new List<(long, long)>();
            bool present = kind switch
            {
                "TranscriptFilter" => FindTargets(filter, turns, rangeBegin, rangeEnd, found),
                "SentimentFilter" => turns.Any(t => t.Sentiment == filter["Sentiments"]![0]!.GetValue<string>()),
                "InterruptionFilter" => Interrupted(filter, facts, party, rangeBegin, rangeEnd),
                _ => facts.Gaps.Any(g => g.BeginMs < rangeEnd && g.EndMs > rangeBegin && g.EndMs - g.BeginMs >= (filter["Threshold"]?.GetValue<long>() ?? ConversationFacts.MinimumSilenceMs)),
            };
            if (present == negate)
            {
                return null;
            }

            if (!negate)
            {
                points.AddRange(found);
            }
        }

        return new CategoryMatch(category.Name, points);
    }

    private static bool FindTargets(JsonObject filter, List<Turn> turns, long rangeBegin, long rangeEnd, List<(long, long)> found)
    {
        var targets = filter["Targets"]!.AsArray().Select(t => Normalise(t!.GetValue<string>()).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(t => t.Length > 0).ToList();
        foreach (var turn in turns)
        {
            var words = turn.Words.Where(w => !w.IsPunctuation && w.BeginMs >= rangeBegin && w.EndMs <= rangeEnd).ToList();
            var normalised = words.Select(w => Normalise(w.Text)).ToList();
            foreach (var target in targets)
            {
                for (int start = 0; start + target.Length <= words.Count; start++)
                {
                    if (target.Select((t, i) => normalised[start + i] == t).All(x => x))
                    {
                        found.Add((words[start].BeginMs, words[start + target.Length - 1].EndMs));
                    }
                }
            }
        }

        return found.Count > 0;
    }

    private static bool Interrupted(JsonObject filter, ConversationFacts facts, int? party, long rangeBegin, long rangeEnd)
    {
        var own = facts.Interruptions
            .Where(i => (party is null || i.Interrupter == Roles[party.Value]) && i.BeginMs < rangeEnd && i.EndMs > rangeBegin)
            .ToList();
        // The threshold is the total interruption time to flag ("more than 10,000 ms of interruptions").
        return filter["Threshold"]?.GetValue<long>() is long threshold ? own.Count > 0 && own.Sum(i => i.EndMs - i.BeginMs) >= threshold : own.Count > 0;
    }

    private static (long Begin, long End) Range(JsonObject filter, long duration)
    {
        if (filter["AbsoluteTimeRange"] is JsonObject absolute)
        {
            return Bounds(absolute, "StartTime", "EndTime", duration, v => v);
        }

        if (filter["RelativeTimeRange"] is JsonObject relative)
        {
            return Bounds(relative, "StartPercentage", "EndPercentage", duration, v => duration * v / 100);
        }

        return (0, duration);
    }

    private static (long, long) Bounds(JsonObject range, string startName, string endName, long duration, Func<long, long> scale)
    {
        if (range[startName] is JsonNode start)
        {
            return (scale(start.GetValue<long>()), scale(range[endName]!.GetValue<long>()));
        }

        if (range["First"] is JsonNode first)
        {
            return (0, scale(first.GetValue<long>()));
        }

        return (Math.Max(0, duration - scale(range["Last"]!.GetValue<long>())), duration);
    }

    private static void CheckRange(JsonObject? range, string startName, string endName, int index, string kind, string rangeName)
    {
        if (range is null)
        {
            return;
        }

        bool hasStart = range[startName] is not null;
        bool hasEnd = range[endName] is not null;
        int forms = (hasStart || hasEnd ? 1 : 0) + (range["First"] is not null ? 1 : 0) + (range["Last"] is not null ? 1 : 0);
        if (forms != 1 || hasStart != hasEnd)
        {
            throw ServiceErrors.BadRequest($"Rule {index} ({kind}): {rangeName} must have either {startName} and {endName}, or First, or Last.");
        }

        if (hasStart && range[startName]!.GetValue<long>() >= range[endName]!.GetValue<long>())
        {
            throw ServiceErrors.BadRequest($"Rule {index} ({kind}): {rangeName} {startName} must be less than {endName}.");
        }
    }

    private static string Normalise(string text) =>
        new string(text.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c == '\'' || c == ' ').ToArray()).Trim();
}
