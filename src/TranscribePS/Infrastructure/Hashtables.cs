using System.Collections;
using System.Globalization;

namespace TranscribePS.Infrastructure;

/// <summary>Turns hashtable parameters (-Tag, -SpeakerName) into the string maps Core takes.</summary>
internal static class Hashtables
{
    /// <param name="comparer">Ordinal for AWS tags (case-sensitive there); OrdinalIgnoreCase for speaker labels.</param>
    public static Dictionary<string, string> ToStringMap(Hashtable? table, StringComparer comparer)
    {
        var map = new Dictionary<string, string>(comparer);
        if (table is null)
        {
            return map;
        }

        foreach (DictionaryEntry entry in table)
        {
            var key = System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
            map[key] = System.Convert.ToString(entry.Value, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return map;
    }
}
