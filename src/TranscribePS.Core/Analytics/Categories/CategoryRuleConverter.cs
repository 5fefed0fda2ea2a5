using System.Collections;
using System.Globalization;
using System.Text.Json;
using TranscribePS.Core.Aws.Model;
using E = TranscribePS.Core.Analytics.Categories.CategoryRuleErrorIds;

namespace TranscribePS.Core.Analytics.Categories;

/// <summary>
/// Reads rules and categories from a tree of plain values: dictionaries (<see cref="IDictionary"/> or
/// <c>IDictionary&lt;string, object?&gt;</c>), lists and scalars — what the cmdlets make of hashtables, PSCustomObjects
/// and ConvertFrom-Json output. The shape is the API's own
/// (<c>@{ TranscriptFilter = @{ Targets = @('cancel'); ParticipantRole = 'CUSTOMER' } }</c>); member names ignore case,
/// numbers may be int, long, double or numeric strings, enums their wire value, .NET name or number, a single value
/// stands for a one-element list, and null members count as absent (ConvertTo-Json writes them). Every error names the
/// path of the offending value, such as <c>Rules[2].SentimentFilter.Sentiments</c>.
/// </summary>
public static class CategoryRuleConverter
{
    private static readonly string[] FilterNames = [nameof(TranscriptFilter), nameof(SentimentFilter), nameof(InterruptionFilter), nameof(NonTalkTimeFilter)];
    private static readonly string[] RangeMembers = [nameof(RuleFilter.AbsoluteTimeRange), nameof(RuleFilter.RelativeTimeRange), nameof(RuleFilter.Negate)];

    /// <summary>One rule from a <see cref="Rule"/>, a <see cref="CallAnalyticsRule"/> or a tree; validated.</summary>
    public static Rule ToRule(object? value, string path = "Rule")
    {
        ArgumentNullException.ThrowIfNull(path);
        var rule = value switch
        {
            Rule wire => wire,
            CallAnalyticsRule shown => shown.ToRule(),
            _ => ParseRule(value, path),
        };
        CategoryRuleValidator.Validate(rule, path);
        return rule;
    }

    /// <summary>Rules from a list (paths <c>Rules[i]</c>) or a single rule (path <c>Rules</c>).</summary>
    public static IReadOnlyList<Rule> ToRules(object? value, string path = "Rules")
    {
        ArgumentNullException.ThrowIfNull(path);
        if (value is null)
        {
            throw new CategoryRuleException(E.MissingValue, Messages.CategoryRuleMissingValue(path), path);
        }

        value = FromJsonText(value, path);
        if (AsList(value) is not { } list)
        {
            return [ToRule(value, path)];
        }

        // Import-Csv hands a Rules cell over as one string in a one-element array: the JSON list inside is the rules.
        if (list is [string text] && FromJsonText(text, path) is { } parsed && AsList(parsed) is { } inner)
        {
            list = inner;
        }

        return list.Select((item, i) => ToRule(item, $"{path}[{i}]")).ToList();
    }

    /// <summary>
    /// A category from our own <see cref="CallAnalyticsCategory"/> shape (<c>Name</c>, <c>Rules</c>, <c>InputType</c>,
    /// <c>Tags</c> as key → value) or the API's (<c>CategoryName</c>, <c>Tags</c> as Key/Value pairs, optionally wrapped
    /// in <c>CategoryProperties</c>). Service-set times and members this does not know are ignored.
    /// </summary>
    public static CallAnalyticsCategory ToCategory(object? value)
    {
        if (value is CallAnalyticsCategory category)
        {
            CategoryRuleValidator.ValidateCategory(category.Name, category.ToRules());
            CategoryRuleValidator.ValidateTags(category.Tags);
            return category;
        }

        var members = AsObject(value) ?? throw WrongType("Category", "an object with Name and Rules", value);
        var lookup = ToLookup(members);
        if (Get(lookup, "CategoryProperties") is { } wrapped)
        {
            return ToCategory(wrapped);
        }

        var name = Get(lookup, "Name") ?? Get(lookup, "CategoryName");
        if (name is not null and not string)
        {
            throw WrongType("Name", "a string", name);
        }

        var rules = ToRules(Get(lookup, "Rules"));
        var inputType = Get(lookup, "InputType") is { } given and not "" ? Enum<InputType>(given, "InputType") : (InputType?)null;
        var tags = Tags(Get(lookup, "Tags"));
        CategoryRuleValidator.ValidateCategory((string?)name, rules);
        CategoryRuleValidator.ValidateTags(tags);

        return new CallAnalyticsCategory
        {
            Name = (string)name!,
            Rules = rules.Select(CallAnalyticsRule.FromRule).ToList(),
            InputType = inputType is { } input ? WireEnum.Wire(input) : null,
            Tags = tags,
        };
    }

    /// <summary>
    /// Tags from a hashtable or object of key = value, a list of <c>@{ Key = ...; Value = ... }</c>, or the text Export-Csv
    /// writes for them (<c>key=value; key=value</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ToTagMap(object? value)
    {
        if (value is string text)
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw WrongType("Tags", "key=value pairs separated by '; '", text);
                }

                tags[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
            }

            CategoryRuleValidator.ValidateTags(tags);
            return tags;
        }

        var map = Tags(value);
        CategoryRuleValidator.ValidateTags(map);
        return map;
    }

    /// <summary>
    /// A rule or rules given as JSON text (a CSV cell Export-Csv wrote from <see cref="CallAnalyticsRuleList"/>, or a
    /// file's content) become the tree the rest reads; any other value passes through.
    /// </summary>
    private static object? FromJsonText(object? value, string path)
    {
        if (value is not string text || text.TrimStart() is not ['[' or '{', ..])
        {
            return value;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return JsonTree(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new CategoryRuleException(E.WrongValueType, Messages.CategoryRuleJsonUnreadable(path, ex.Message), path);
        }
    }

    private static object? JsonTree(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => JsonTree(p.Value), StringComparer.OrdinalIgnoreCase),
        JsonValueKind.Array => element.EnumerateArray().Select(JsonTree).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static Rule ParseRule(object? value, string path)
    {
        value = FromJsonText(value, path);
        // ConvertTo-Json's default -Depth 2 turns nested objects into their PowerShell text, "@{TranscriptFilter=...}".
        if (value is string text && text.TrimStart().StartsWith("@{", StringComparison.Ordinal))
        {
            throw new CategoryRuleException(E.WrongValueType, Messages.CategoryRuleFlattenedByConvertToJson(path), path);
        }

        var members = AsObject(value) ?? throw WrongType(path, "an object holding one filter, such as @{ TranscriptFilter = @{ Targets = 'cancel' } }", value);
        var filters = new List<(string Name, object Value)>();
        foreach (var (key, member) in members)
        {
            if (member is null)
            {
                continue;
            }

            var name = FilterNames.FirstOrDefault(f => f.Equals(key, StringComparison.OrdinalIgnoreCase))
                ?? throw new CategoryRuleException(E.UnknownFilter, Messages.CategoryRuleUnknownFilter(path, key), $"{path}.{key}");
            filters.Add((name, member));
        }

        if (filters.Count == 0)
        {
            throw new CategoryRuleException(E.NoFilter, Messages.CategoryRuleNoFilter(path), path);
        }

        if (filters.Count > 1)
        {
            throw new CategoryRuleException(E.SeveralFilters, Messages.CategoryRuleSeveralFilters(path, filters.Select(f => f.Name)), path);
        }

        var (filterName, filterValue) = filters[0];
        var filterPath = $"{path}.{filterName}";
        return new Rule(filterName switch
        {
            nameof(TranscriptFilter) => ParseTranscriptFilter(filterValue, filterPath),
            nameof(SentimentFilter) => ParseSentimentFilter(filterValue, filterPath),
            nameof(InterruptionFilter) => ParseInterruptionFilter(filterValue, filterPath),
            _ => ParseNonTalkTimeFilter(filterValue, filterPath),
        });
    }

    private static TranscriptFilter ParseTranscriptFilter(object value, string path)
    {
        var m = Members(value, path, [nameof(TranscriptFilter.TranscriptFilterType), nameof(TranscriptFilter.Targets), nameof(TranscriptFilter.ParticipantRole), .. RangeMembers]);
        var targetsPath = $"{path}.Targets";
        var targets = Required(m, "Targets", path);
        var list = (AsList(targets) ?? [targets])
            .Select((t, i) => t as string ?? throw WrongType($"{targetsPath}[{i}]", "a phrase (string)", t))
            .ToList();
        return new TranscriptFilter
        {
            TranscriptFilterType = Optional(m, "TranscriptFilterType") is { } type ? Enum<TranscriptFilterType>(type, $"{path}.TranscriptFilterType") : TranscriptFilterType.Exact,
            Targets = list,
            ParticipantRole = Role(m, path),
            Negate = Negate(m, path),
            AbsoluteTimeRange = Absolute(m, path),
            RelativeTimeRange = Relative(m, path),
        };
    }

    private static SentimentFilter ParseSentimentFilter(object value, string path)
    {
        var m = Members(value, path, [nameof(SentimentFilter.Sentiments), nameof(SentimentFilter.ParticipantRole), .. RangeMembers]);
        var sentimentsPath = $"{path}.Sentiments";
        var sentiments = Required(m, "Sentiments", path);
        return new SentimentFilter
        {
            Sentiments = (AsList(sentiments) ?? [sentiments]).Select((s, i) => Enum<SentimentValue>(s ?? throw WrongType($"{sentimentsPath}[{i}]", "a sentiment", null), $"{sentimentsPath}[{i}]")).ToList(),
            ParticipantRole = Role(m, path),
            Negate = Negate(m, path),
            AbsoluteTimeRange = Absolute(m, path),
            RelativeTimeRange = Relative(m, path),
        };
    }

    private static InterruptionFilter ParseInterruptionFilter(object value, string path)
    {
        var m = Members(value, path, [nameof(InterruptionFilter.Threshold), nameof(InterruptionFilter.ParticipantRole), .. RangeMembers]);
        return new InterruptionFilter
        {
            Threshold = Optional(m, "Threshold") is { } threshold ? Whole(threshold, $"{path}.Threshold") : null,
            ParticipantRole = Role(m, path),
            Negate = Negate(m, path),
            AbsoluteTimeRange = Absolute(m, path),
            RelativeTimeRange = Relative(m, path),
        };
    }

    private static NonTalkTimeFilter ParseNonTalkTimeFilter(object value, string path)
    {
        if (AsObject(value) is { } raw && raw.Any(p => p.Value is not null && p.Key.Equals("ParticipantRole", StringComparison.OrdinalIgnoreCase)))
        {
            throw new CategoryRuleException(E.ParticipantNotAllowed, Messages.CategoryRuleParticipantNotAllowed($"{path}.ParticipantRole"), $"{path}.ParticipantRole");
        }

        var m = Members(value, path, [nameof(NonTalkTimeFilter.Threshold), .. RangeMembers]);
        return new NonTalkTimeFilter
        {
            Threshold = Optional(m, "Threshold") is { } threshold ? Whole(threshold, $"{path}.Threshold") : null,
            Negate = Negate(m, path),
            AbsoluteTimeRange = Absolute(m, path),
            RelativeTimeRange = Relative(m, path),
        };
    }

    private static ParticipantRole? Role(Dictionary<string, object> m, string path)
        => Optional(m, "ParticipantRole") is { } role ? Enum<ParticipantRole>(role, $"{path}.ParticipantRole") : null;

    private static bool? Negate(Dictionary<string, object> m, string path)
    {
        var value = Optional(m, "Negate");
        return value switch
        {
            null => null,
            bool flag => flag,
            string text when bool.TryParse(text, out var parsed) => parsed,
            _ => throw WrongType($"{path}.Negate", "$true or $false", value),
        };
    }

    private static AbsoluteTimeRange? Absolute(Dictionary<string, object> m, string path)
    {
        if (Optional(m, "AbsoluteTimeRange") is not { } value)
        {
            return null;
        }

        path += ".AbsoluteTimeRange";
        var r = Members(value, path, ["StartTime", "EndTime", "First", "Last"]);
        return new AbsoluteTimeRange
        {
            StartTime = OptionalWhole(r, "StartTime", path),
            EndTime = OptionalWhole(r, "EndTime", path),
            First = OptionalWhole(r, "First", path),
            Last = OptionalWhole(r, "Last", path),
        };
    }

    private static RelativeTimeRange? Relative(Dictionary<string, object> m, string path)
    {
        if (Optional(m, "RelativeTimeRange") is not { } value)
        {
            return null;
        }

        path += ".RelativeTimeRange";
        var r = Members(value, path, ["StartPercentage", "EndPercentage", "First", "Last"]);
        return new RelativeTimeRange
        {
            StartPercentage = Percent(r, "StartPercentage", path),
            EndPercentage = Percent(r, "EndPercentage", path),
            First = Percent(r, "First", path),
            Last = Percent(r, "Last", path),
        };
    }

    private static int? Percent(Dictionary<string, object> m, string name, string path)
    {
        if (OptionalWhole(m, name, path) is not { } value)
        {
            return null;
        }

        if (value is < 0 or > CategoryRuleLimits.MaxPercentage)
        {
            throw new CategoryRuleException(E.PercentOutOfRange, Messages.CategoryRuleRangeValueOutOfRange($"{path}.{name}", value, CategoryRuleLimits.MaxPercentage), $"{path}.{name}");
        }

        return (int)value;
    }

    private static long? OptionalWhole(Dictionary<string, object> m, string name, string path)
        => Optional(m, name) is { } value ? Whole(value, $"{path}.{name}") : null;

    /// <summary>A whole number from any numeric type or numeric string (ConvertFrom-Json gives Int64, Double or Decimal).</summary>
    private static long Whole(object value, string path)
    {
        double number;
        switch (value)
        {
            case long l:
                return l;
            case int or short or byte or sbyte or ushort or uint:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case ulong u when u <= long.MaxValue:
                return (long)u;
            case decimal d when d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue:
                return (long)d;
            case double or float:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                break;
            case string text when long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsedDouble):
                number = parsedDouble;
                break;
            default:
                throw WrongType(path, "a whole number", value);
        }

        if (double.IsFinite(number) && number == Math.Floor(number) && Math.Abs(number) < 9.2e18)
        {
            return (long)number;
        }

        throw WrongType(path, "a whole number", value);
    }

    private static TEnum Enum<TEnum>(object value, string path)
        where TEnum : struct, Enum
    {
        var parsed = value switch
        {
            TEnum same => same,
            string text => WireEnum.Parse<TEnum>(text),
            System.Enum other => WireEnum.Parse<TEnum>(other.ToString()),
            _ => WireEnum.FromNumber<TEnum>(Whole(value, path)),
        };
        return parsed ?? throw new CategoryRuleException(E.InvalidValue, Messages.CategoryRuleInvalidValue(path, value, WireEnum.Names<TEnum>()), path);
    }

    private static Dictionary<string, string> Tags(object? value)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is null)
        {
            return tags;
        }

        if (AsObject(value) is { } map)
        {
            foreach (var (key, tagValue) in map)
            {
                tags[key] = tagValue as string ?? Convert.ToString(tagValue, CultureInfo.InvariantCulture) ?? string.Empty;
            }

            return tags;
        }

        var list = AsList(value) ?? throw WrongType("Tags", "a hashtable of key = value, or a list of @{ Key = ...; Value = ... }", value);
        for (var i = 0; i < list.Count; i++)
        {
            var pair = Members(list[i] ?? throw WrongType($"Tags[{i}]", "@{ Key = ...; Value = ... }", null), $"Tags[{i}]", ["Key", "Value"]);
            var key = Required(pair, "Key", $"Tags[{i}]") as string ?? throw WrongType($"Tags[{i}].Key", "a string", Required(pair, "Key", $"Tags[{i}]"));
            tags[key] = Optional(pair, "Value") is { } tagValue ? Convert.ToString(tagValue, CultureInfo.InvariantCulture) ?? string.Empty : string.Empty;
        }

        return tags;
    }

    /// <summary>The non-null members of an object, keyed case-insensitively by their canonical names; unknown names fail.</summary>
    private static Dictionary<string, object> Members(object value, string path, string[] allowed)
    {
        var members = AsObject(value) ?? throw WrongType(path, "an object (hashtable)", value);
        var result = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, member) in members)
        {
            var name = allowed.FirstOrDefault(a => a.Equals(key, StringComparison.OrdinalIgnoreCase))
                ?? throw new CategoryRuleException(E.UnknownMember, Messages.CategoryRuleUnknownMember(path, key, allowed), $"{path}.{key}");
            if (member is not null)
            {
                result[name] = member;
            }
        }

        return result;
    }

    private static object Required(Dictionary<string, object> m, string name, string path)
        => m.TryGetValue(name, out var value)
            ? value
            : throw new CategoryRuleException(E.MissingValue, Messages.CategoryRuleMissingValue($"{path}.{name}"), $"{path}.{name}");

    private static object? Optional(Dictionary<string, object> m, string name) => m.GetValueOrDefault(name);

    private static Dictionary<string, object?> ToLookup(List<KeyValuePair<string, object?>> members)
    {
        var lookup = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in members)
        {
            lookup.TryAdd(key, value);
        }

        return lookup;
    }

    private static object? Get(Dictionary<string, object?> lookup, string name) => lookup.GetValueOrDefault(name);

    private static List<KeyValuePair<string, object?>>? AsObject(object? value) => value switch
    {
        IDictionary<string, object?> generic => [.. generic],
        IReadOnlyDictionary<string, object?> readOnly => [.. readOnly],
        IDictionary plain => plain.Cast<DictionaryEntry>()
            .Select(e => new KeyValuePair<string, object?>(Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty, e.Value))
            .ToList(),
        _ => null,
    };

    private static List<object?>? AsList(object? value) => value switch
    {
        null or string => null,
        IDictionary or IDictionary<string, object?> or IReadOnlyDictionary<string, object?> => null,
        IEnumerable items => items.Cast<object?>().ToList(),
        _ => null,
    };

    private static CategoryRuleException WrongType(string path, string expected, object? value)
        => new(E.WrongValueType, Messages.CategoryRuleWrongValueType(path, expected, value), path);
}
