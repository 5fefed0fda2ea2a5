using System.Globalization;
using System.Reflection;
using TranscribePS.Core.Aws.Model;

namespace TranscribePS.Core.Analytics.Categories;

/// <summary>
/// Reads the model's enums from what users type or what ConvertTo-Json wrote: the wire value (<c>POST_CALL</c>), the .NET
/// name (<c>PostCall</c>, from <c>-EnumsAsStrings</c>) or the number (ConvertTo-Json's default for enums), ignoring case.
/// </summary>
internal static class WireEnum
{
    public static TEnum? Parse<TEnum>(string? text)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = Normalise(text);
        foreach (var (value, wire) in Members<TEnum>())
        {
            if (Normalise(wire) == key || Normalise(value.ToString()) == key)
            {
                return value;
            }
        }

        return null;
    }

    public static TEnum? FromNumber<TEnum>(long number)
        where TEnum : struct, Enum
    {
        foreach (var (value, _) in Members<TEnum>())
        {
            if (Convert.ToInt64(value, CultureInfo.InvariantCulture) == number)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The wire spelling of one value (<c>POST_CALL</c>).</summary>
    public static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => Members<TEnum>().First(m => EqualityComparer<TEnum>.Default.Equals(m.Value, value)).Wire;

    /// <summary>The wire spellings, for messages.</summary>
    public static IReadOnlyList<string> Names<TEnum>()
        where TEnum : struct, Enum
        => Members<TEnum>().Select(m => m.Wire).ToList();

    private static IEnumerable<(TEnum Value, string Wire)> Members<TEnum>()
        where TEnum : struct, Enum
        => typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((TEnum)f.GetValue(null)!, f.GetCustomAttribute<WireValueAttribute>()?.Value ?? f.Name));

    private static string Normalise(string text)
        => text.Replace("_", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
}
