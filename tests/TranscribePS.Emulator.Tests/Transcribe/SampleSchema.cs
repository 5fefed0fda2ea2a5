using System.Text.Json.Nodes;

namespace TranscribePS.Emulator.Tests.Transcribe;

/// <summary>
/// The shape of a JSON document as a set of member paths with their JSON kinds ("results.items[].start_time: string"),
/// for comparing emulator output with the real samples in ../shared/samples.
/// </summary>
internal static class SampleSchema
{
    /// <summary>Members whose child names are data (category names, roles) rather than schema.</summary>
    private static readonly HashSet<string> DataKeyedMembers = ["MatchedDetails", "InterruptionsByInterrupter"];

    public static Dictionary<string, HashSet<string>> Paths(JsonNode? node)
    {
        var paths = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        Walk(node, string.Empty, paths);
        return paths;
    }

    /// <summary>Sample paths missing from the output, or present with a different kind (null in the sample matches anything).</summary>
    public static List<string> Missing(Dictionary<string, HashSet<string>> sample, Dictionary<string, HashSet<string>> output)
    {
        var missing = new List<string>();
        foreach (var (path, kinds) in sample)
        {
            if (!output.TryGetValue(path, out var ours))
            {
                missing.Add(path);
                continue;
            }

            foreach (string kind in kinds.Where(k => k != "null" && !ours.Contains(k)))
            {
                missing.Add($"{path}: {kind} (output has {string.Join('/', ours)})");
            }
        }

        return missing;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, HashSet<string>> paths)
    {
        switch (node)
        {
            case JsonObject obj:
                bool dataKeyed = DataKeyedMembers.Contains(path[(path.LastIndexOf('.') + 1)..]);
                foreach (var (name, child) in obj)
                {
                    Walk(child, (path.Length == 0 ? string.Empty : path + ".") + (dataKeyed ? "*" : name), paths);
                }

                Add(paths, path, "object");
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Walk(child, path + "[]", paths);
                }

                Add(paths, path, "array");
                break;
            case JsonValue value:
                Add(paths, path, value.GetValueKind() switch
                {
                    System.Text.Json.JsonValueKind.String => "string",
                    System.Text.Json.JsonValueKind.Number => "number",
                    System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
                    _ => "null",
                });
                break;
            default:
                Add(paths, path, "null");
                break;
        }
    }

    private static void Add(Dictionary<string, HashSet<string>> paths, string path, string kind)
    {
        if (!paths.TryGetValue(path, out var kinds))
        {
            paths[path] = kinds = [];
        }

        kinds.Add(kind);
    }
}
