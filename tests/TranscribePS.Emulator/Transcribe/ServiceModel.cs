using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TranscribePS.Emulator.Transcribe;

/// <summary>
/// Request validation driven by the condensed Transcribe service model embedded beside this file
/// (Model/transcribe-api-summary.json, derived from botocore's transcribe 2017-10-26 model). It checks what the
/// service's front end checks before any business rule: JSON types, required members, lengths, ranges, patterns and
/// enum values, and answers the way the front end does ("1 validation error detected: Value ... at '...' ...").
/// </summary>
internal sealed class ServiceModel
{
    private static readonly Lazy<ServiceModel> LazyInstance = new(Load);

    private readonly Dictionary<string, JsonElement> _shapes;
    private readonly Dictionary<string, string> _inputShapes;
    private readonly Dictionary<string, string[]> _enums;
    private readonly ConcurrentDictionary<string, Regex> _patterns = new();

    private ServiceModel(JsonElement root)
    {
        _shapes = root.GetProperty("shapes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        _inputShapes = root.GetProperty("operations").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("input").GetString()!);
        _enums = root.GetProperty("enums").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    public static ServiceModel Instance => LazyInstance.Value;

    public bool HasOperation(string operation) => _inputShapes.ContainsKey(operation);

    /// <summary>Throws the service's SerializationException or BadRequestException when the input breaks the model.</summary>
    public void ValidateInput(string operation, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ServiceErrors.Serialization("Start of structure or map found where not expected.");
        }

        var problems = new List<string>();
        ValidateStructure(_inputShapes[operation], body, prefix: string.Empty, problems);
        if (problems.Count > 0)
        {
            string count = problems.Count == 1 ? "1 validation error detected: " : $"{problems.Count} validation errors detected: ";
            throw ServiceErrors.BadRequest(count + string.Join("; ", problems));
        }
    }

    private void ValidateStructure(string shapeName, JsonElement value, string prefix, List<string> problems)
    {
        var shape = _shapes[shapeName];
        var members = shape.GetProperty("members");
        bool isUnion = shape.GetProperty("type").GetString() == "union";
        int setMembers = 0;
        foreach (var member in members.EnumerateObject())
        {
            string path = prefix + char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
            bool present = value.TryGetProperty(member.Name, out var memberValue) && memberValue.ValueKind != JsonValueKind.Null;
            if (!present)
            {
                if (member.Value.TryGetProperty("required", out var required) && required.GetBoolean())
                {
                    problems.Add($"Value null at '{path}' failed to satisfy constraint: Member must not be null");
                }

                continue;
            }

            setMembers++;
            ValidateValue(member.Value, memberValue, path, problems);
        }

        if (isUnion && setMembers != 1)
        {
            string names = string.Join(", ", members.EnumerateObject().Select(m => m.Name));
            string path = prefix.TrimEnd('.');
            problems.Add($"Value at '{path}' failed to satisfy constraint: Member must have exactly one of [{names}] set");
        }
    }

    private void ValidateValue(JsonElement definition, JsonElement value, string path, List<string> problems)
    {
        string type = definition.GetProperty("type").GetString()!;
        switch (type)
        {
            case "string":
                ValidateString(definition, Expect(value, JsonValueKind.String, path).GetString()!, path, problems);
                break;
            case "enum":
                ValidateEnum(definition, Expect(value, JsonValueKind.String, path).GetString()!, path, problems);
                break;
            case "integer":
            case "long":
                ValidateNumber(definition, Expect(value, JsonValueKind.Number, path), integral: true, path, problems);
                break;
            case "float":
            case "timestamp":
                ValidateNumber(definition, Expect(value, JsonValueKind.Number, path), integral: false, path, problems);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw ServiceErrors.Serialization($"Expected boolean at '{path}'.");
                }

                break;
            case "list":
                ValidateList(definition, Expect(value, JsonValueKind.Array, path), path, problems);
                break;
            case "map":
                ValidateMap(definition, Expect(value, JsonValueKind.Object, path), path, problems);
                break;
            default:
                // A named structure or union shape.
                ValidateStructure(type, Expect(value, JsonValueKind.Object, path), path + ".", problems);
                break;
        }
    }

    private static JsonElement Expect(JsonElement value, JsonValueKind kind, string path)
    {
        if (value.ValueKind != kind)
        {
            string found = value.ValueKind switch
            {
                JsonValueKind.Object => "Start of structure or map found where not expected.",
                JsonValueKind.Array => "Start of list found where not expected",
                JsonValueKind.String => $"STRING_VALUE can not be converted to {kind} at '{path}'.",
                JsonValueKind.Number => $"NUMBER_VALUE can not be converted to {kind} at '{path}'.",
                _ => $"Unexpected value at '{path}'.",
            };
            throw ServiceErrors.Serialization(found);
        }

        return value;
    }

    private void ValidateString(JsonElement definition, string text, string path, List<string> problems)
    {
        if (definition.TryGetProperty("min", out var min) && text.Length < min.GetInt64())
        {
            problems.Add($"Value '{text}' at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min.GetInt64()}");
        }

        if (definition.TryGetProperty("max", out var max) && text.Length > max.GetInt64())
        {
            problems.Add($"Value '{Shorten(text)}' at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max.GetInt64()}");
        }

        if (definition.TryGetProperty("pattern", out var pattern) && text.Length > 0 && !Pattern(pattern.GetString()!).IsMatch(text))
        {
            problems.Add($"Value '{Shorten(text)}' at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern.GetString()}");
        }
    }

    private void ValidateEnum(JsonElement definition, string text, string path, List<string> problems)
    {
        IReadOnlyList<string> allowed = definition.TryGetProperty("enum_ref", out var reference)
            ? _enums[reference.GetString()!]
            : definition.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToArray();
        if (!allowed.Contains(text, StringComparer.Ordinal))
        {
            problems.Add($"Value '{Shorten(text)}' at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        }
    }

    private static void ValidateNumber(JsonElement definition, JsonElement value, bool integral, string path, List<string> problems)
    {
        if (integral && !value.TryGetInt64(out _))
        {
            throw ServiceErrors.Serialization($"NUMBER_VALUE can not be converted to an integer at '{path}'.");
        }

        double number = value.GetDouble();
        string shown = value.GetRawText();
        if (definition.TryGetProperty("min", out var min) && number < min.GetDouble())
        {
            problems.Add($"Value '{shown}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {min.GetRawText()}");
        }

        if (definition.TryGetProperty("max", out var max) && number > max.GetDouble())
        {
            problems.Add($"Value '{shown}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {max.GetRawText()}");
        }
    }

    private void ValidateList(JsonElement definition, JsonElement list, string path, List<string> problems)
    {
        int length = list.GetArrayLength();
        if (definition.TryGetProperty("min", out var min) && length < min.GetInt32())
        {
            problems.Add($"Value '{list.GetRawText()}' at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min.GetInt32()}");
        }

        if (definition.TryGetProperty("max", out var max) && length > max.GetInt32())
        {
            problems.Add($"Value '{Shorten(list.GetRawText())}' at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max.GetInt32()}");
        }

        var element = definition.GetProperty("of");
        int index = 0;
        foreach (var item in list.EnumerateArray())
        {
            index++;
            string itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}.{index}.member");
            if (item.ValueKind == JsonValueKind.Null)
            {
                problems.Add($"Value null at '{itemPath}' failed to satisfy constraint: Member must not be null");
            }
            else if (element.ValueKind == JsonValueKind.String)
            {
                ValidateStructure(element.GetString()!, Expect(item, JsonValueKind.Object, itemPath), itemPath + ".", problems);
            }
            else
            {
                ValidateValue(element, item, itemPath, problems);
            }
        }
    }

    private void ValidateMap(JsonElement definition, JsonElement map, string path, List<string> problems)
    {
        int count = map.EnumerateObject().Count();
        if (definition.TryGetProperty("min", out var min) && count < min.GetInt32())
        {
            problems.Add($"Value '{map.GetRawText()}' at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min.GetInt32()}");
        }

        if (definition.TryGetProperty("max", out var max) && count > max.GetInt32())
        {
            problems.Add($"Value '{Shorten(map.GetRawText())}' at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max.GetInt32()}");
        }

        var keyDefinition = definition.GetProperty("key");
        var valueDefinition = definition.GetProperty("value");
        foreach (var entry in map.EnumerateObject())
        {
            string entryPath = $"{path}.{entry.Name}";
            using var keyDocument = JsonDocument.Parse(JsonSerializer.Serialize(entry.Name));
            ValidateValue(keyDefinition, keyDocument.RootElement, path, problems);
            if (valueDefinition.ValueKind == JsonValueKind.String)
            {
                ValidateStructure(valueDefinition.GetString()!, Expect(entry.Value, JsonValueKind.Object, entryPath), entryPath + ".", problems);
            }
            else
            {
                ValidateValue(valueDefinition, entry.Value, entryPath, problems);
            }
        }
    }

    /// <summary>Model patterns are matched against the whole value, as the service's Java front end does.</summary>
    private Regex Pattern(string pattern) =>
        _patterns.GetOrAdd(pattern, p => new Regex("^(?:" + p + ")$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)));

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

    private static ServiceModel Load()
    {
        var assembly = typeof(ServiceModel).Assembly;
        string resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("transcribe-api-summary.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var document = JsonDocument.Parse(stream);
        return new ServiceModel(document.RootElement);
    }
}
