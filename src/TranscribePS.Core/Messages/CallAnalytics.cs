using System.Globalization;

namespace TranscribePS.Core;

public static partial class Messages
{
    // Call analytics output files.

    public static string NotCallAnalyticsFile(string source)
        => $"'{source}' is not a Call Analytics transcript (no Transcript, Categories or ConversationCharacteristics section). Read it with Get-TranscriptItem, or pass the output of a call analytics job.";

    public static string CallAnalyticsValueWrongType(string source, string path)
        => Text($"'{source}' has {path} of the wrong type: a number where the format has text, text that is not a number, or a number too large. Correct that value, or download the file again from the job's output location.");

    public static string CallAnalyticsValueOutOfRange(string source, string path, string problem)
        => $"'{source}' has a value it cannot read: {path} {problem} Correct that value, or download the file again from the job's output location.";

    /// <summary>A turn, or an item of one, that is not a JSON object (the problem of <see cref="CallAnalyticsValueOutOfRange"/>).</summary>
    public const string CallAnalyticsNotAnObject = "is not an object.";

    /// <summary>A warning for a feature the service skipped: what was skipped, why, in the service's words.</summary>
    public static string FeatureSkipped(string jobName, Jobs.SkippedFeature skipped)
        => Text($"Job '{jobName}': the service skipped {FeatureName(skipped.Feature)}{(skipped.ReasonCode is { } reason ? ", reason " + reason : string.Empty)}{(skipped.Message is { } message ? ": " + Sentence(message) : ".")}{(skipped.Feature == "GENERATIVE_SUMMARIZATION" ? " Summary is empty; the other results stand." : string.Empty)}");

    private static string FeatureName(string feature) => feature == "GENERATIVE_SUMMARIZATION" ? "the call summary (GENERATIVE_SUMMARIZATION)" : feature;

    // Category rules as they read in views and Export-Csv (CallAnalyticsRule.ToString and its filters).

    public static string RuleTranscript(string? role, IEnumerable<string> targets, bool negated)
        => $"{(role is null ? (negated ? "No one" : "Anyone") : Participant(role))} {(negated && role is not null ? "does not say" : "says")} {string.Join(" or ", targets.Select(t => $"'{t}'"))}";

    public static string RuleSentiment(string? role, IEnumerable<string> sentiments, bool negated)
        => $"{(role is null ? "Sentiment" : Participant(role) + " sentiment")} {(negated ? "not " : string.Empty)}{string.Join(" or ", sentiments)}";

    public static string RuleInterruption(string? role, long? threshold, bool negated)
        => $"{(negated ? "No interruption" : "Interruption")}{(role is null ? string.Empty : " by " + Participant(role))}{AtLeast(threshold)}";

    public static string RuleNonTalkTime(long? threshold, bool negated)
        => $"{(negated ? "No silence" : "Silence")}{AtLeast(threshold)}";

    public static string RuleAbsoluteWindow(long? start, long? end, long? first, long? last)
        => Window(first, last, start, end, Analytics.Categories.RuleDurations.Text, string.Empty);

    public static string RuleRelativeWindow(int? start, int? end, int? first, int? last)
        => Window(first, last, start, end, p => p.ToString(CultureInfo.InvariantCulture) + "%", " of the call");

    private static string Window(long? first, long? last, long? start, long? end, Func<long, string> text, string suffix)
        => (first, last, start, end) switch
        {
            ({ } f, _, _, _) => $"in the first {text(f)}{suffix}",
            (_, { } l, _, _) => $"in the last {text(l)}{suffix}",
            (_, _, { } s, { } e) => $"between {text(s)} and {text(e)}{suffix}",
            _ => string.Empty,
        };

    private static string AtLeast(long? threshold)
        => threshold is { } ms ? " of at least " + Analytics.Categories.RuleDurations.Text(ms) : string.Empty;

    private static string Participant(string role)
        => role.Length == 0 ? role : char.ToUpperInvariant(role[0]) + role[1..].ToLowerInvariant();

    // Category rules: what the service would refuse, said before any call.

    public static string CategoryRuleNoFilter(string path)
        => $"{path} has no filter. Give exactly one of TranscriptFilter, SentimentFilter, InterruptionFilter or NonTalkTimeFilter (New-CallAnalyticsRule: -TranscriptContains, -Sentiment, -InterruptionThreshold or -NonTalkTimeThreshold).";

    public static string CategoryRuleSeveralFilters(string path, IEnumerable<string> filters)
        => $"{path} sets {string.Join(" and ", filters)}, but a rule holds exactly one filter. Make one rule per filter; a category can hold up to {Analytics.Categories.CategoryRuleLimits.MaxRules} rules.";

    public static string CategoryRuleUnknownFilter(string path, string name)
        => $"{path}.{name} is not a rule filter. Use TranscriptFilter, SentimentFilter, InterruptionFilter or NonTalkTimeFilter.";

    public static string CategoryRuleUnknownMember(string path, string name, IEnumerable<string> allowed)
        => $"{path}.{name} is not a member the service knows here. Allowed: {string.Join(", ", allowed)}.";

    public static string CategoryRuleWrongValueType(string path, string expected, object? value)
        => $"{path} must be {expected}, not {DescribeRuleValue(value)}. Fix the value and try again.";

    public static string CategoryRuleJsonUnreadable(string path, string detail)
        => $"{path} looks like JSON but could not be read: {JsonDetail(detail)} Give the rules as ConvertTo-Json -Depth 10 wrote them, or build them with New-CallAnalyticsRule.";

    public static string CategoryRuleMissingValue(string path)
        => $"{path} is required. Add it and try again.";

    public static string CategoryRuleInvalidValue(string path, object? value, IEnumerable<string> allowed)
        => $"{path} cannot be {DescribeRuleValue(value)}. Use one of: {string.Join(", ", allowed)}.";

    public static string CategoryRuleTargetsEmpty(string path)
        => $"{path} has no phrase. Give at least one word or phrase to look for.";

    public static string CategoryRuleTargetInvalid(string path, int length)
        => length > Analytics.Categories.CategoryRuleLimits.MaxTargetLength
            ? Text($"{path} is {length} characters long; the service takes at most {Analytics.Categories.CategoryRuleLimits.MaxTargetLength}. Shorten the phrase or split it.")
            : $"{path} is empty or only spaces. Remove it or give a phrase.";

    public static string CategoryRuleSentimentCount(string path, int count)
        => count == 0
            ? $"{path} names no sentiment. Give one of POSITIVE, NEGATIVE, NEUTRAL or MIXED."
            : Text($"{path} names {count} sentiments, but the service accepts exactly one per rule. Give one sentiment (use -Negate to flag every sentiment except it), or make one category per sentiment.");

    public static string CategoryRuleParticipantNotAllowed(string path)
        => $"{path}: a non-talk-time (silence) rule cannot be limited to one participant. Leave out the participant.";

    public static string CategoryRuleThresholdOutOfRange(string path, long milliseconds)
        => Text($"{path} is {milliseconds} ms; the service takes 0 to {Analytics.Categories.CategoryRuleLimits.MaxMilliseconds} ms (4 hours). Give a duration in that range.");

    public static string CategoryRuleRangeValueOutOfRange(string path, long value, long max)
        => Text($"{path} is {value}; the service takes 0 to {max}{(max == 100 ? " percent" : " ms (4 hours)")}. Give a value in that range.");

    public static string CategoryRuleRangeConflict(string path)
        => $"{path} has both an absolute (seconds) and a relative (percent) time range. Keep one of them.";

    public static string CategoryRuleRangeMixed(string path, string startName, string endName)
        => $"{path} combines {startName}/{endName} with First/Last. Use either a window ({startName} and {endName}) or First/Last.";

    public static string CategoryRuleRangeIncomplete(string path, string startName, string endName)
        => $"{path} needs both {startName} and {endName}. Add the missing one, or use First/Last for a window at the start or end of the call.";

    public static string CategoryRuleRangeEmpty(string path, string startName, string endName)
        => $"{path} is empty. Set {startName} and {endName}, First, or Last, or leave the range out to search the whole call.";

    public static string CategoryRuleRangeOrder(string path, string startName, string endName)
        => $"{path}: {startName} must be before {endName}. Swap or correct the values.";

    public static string CategoryRuleCount(int count)
        => Text($"A category holds 1 to {Analytics.Categories.CategoryRuleLimits.MaxRules} rules; this one has {count}. Give at least one rule, or split the rules over several categories.");

    public static string CategoryNameInvalid(string? name)
        => Text($"'{name}' is not a valid category name: use 1 to {Analytics.Categories.CategoryRuleLimits.MaxCategoryNameLength} letters, digits, '.', '_' or '-'.");

    public static string CategoryTagCount(int count)
        => Text($"A category takes at most {Analytics.Categories.CategoryRuleLimits.MaxTags} tags; {count} were given. Remove some.");

    public static string CategoryTagInvalid(string key)
        => Text($"Tag '{key}' is not valid: keys are 1 to {Analytics.Categories.CategoryRuleLimits.MaxTagKeyLength} characters, values at most {Analytics.Categories.CategoryRuleLimits.MaxTagValueLength}. Shorten it.");

    public static string CategoryRuleSecondsInvalid(string parameter, double seconds)
        => Text($"-{parameter} {seconds} is outside 0 to {(Analytics.Categories.CategoryRuleLimits.MaxMilliseconds / 1000)} seconds (4 hours). Give a time within the call.");

    public static string CategoryRuleDurationInvalid(string parameter, TimeSpan duration)
        => Text($"-{parameter} {duration:c} is outside 0 to 4 hours. Give a duration in that range.");

    public static string CategoryRuleParameterConflict(IEnumerable<string> parameters)
        => $"{string.Join(", ", parameters)} cannot be used together. A rule takes one time range: -FirstSeconds and/or -LastSeconds, or -StartSeconds with -EndSeconds, or the same in percent (-FirstPercent, -LastPercent, -StartPercent with -EndPercent).";

    public static string CategoryRuleParameterMissing(string given, string missing)
        => $"{given} needs {missing} too: a window has a start and an end. Add {missing}, or use -First…/-Last… for a window at the start or end of the call.";

    public static string CategoryRuleFlattenedByConvertToJson(string path)
        => $"{path} is text like '@{{TranscriptFilter=...}}', not an object: the JSON was written by ConvertTo-Json at its default depth, which flattens rules. Write it again with ConvertTo-Json -Depth 10.";

    private static string DescribeRuleValue(object? value) => value switch
    {
        null => "null (nothing)",
        string text => $"'{text}'",
        IFormattable formattable => $"{formattable.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => $"a {value.GetType().Name}",
    };
}
