using System.Collections;
using System.Collections.ObjectModel;
using System.Globalization;

namespace TranscribePS.Core;

/// <summary>
/// A read-only list whose <see cref="ToString"/> joins its items with "; ". Export-Csv and "$x" call ToString on a
/// property value, which for an array gives <c>System.String[]</c>; this gives the items. It stays a collection, so
/// <c>Where-Object MatchedCategories -contains 'X'</c>, indexing and foreach work as on an array.
/// </summary>
public sealed class TextList<T>(IList<T> items) : ReadOnlyCollection<T>(items)
{
    public static TextList<T> None { get; } = new([]);

    public override string ToString() => TextList.Join(this, "; ");
}

/// <summary>A read-only dictionary whose <see cref="ToString"/> reads <c>key=value; key=value</c>, for the same reason.</summary>
public sealed class TextMap<TValue>(IDictionary<string, TValue> items) : ReadOnlyDictionary<string, TValue>(items)
{
    public static TextMap<TValue> None { get; } = new(new Dictionary<string, TValue>(StringComparer.Ordinal));

    public override string ToString()
        => string.Join("; ", this.Select(pair => pair.Key + "=" + (pair.Value is IEnumerable items and not string ? TextList.Join(items.Cast<object?>(), ", ") : TextList.Text(pair.Value))));
}

/// <summary>Builds <see cref="TextList{T}"/> and <see cref="TextMap{TValue}"/> from whatever a reader produced.</summary>
public static class TextList
{
    public static TextList<T> Of<T>(IEnumerable<T>? items) => items switch
    {
        null => TextList<T>.None,
        TextList<T> list => list,
        _ => new TextList<T>(items.ToArray()),
    };

    /// <summary>Keeps the source's key comparer when it is a dictionary (CategoryDetails is case-insensitive).</summary>
    public static TextMap<TValue> Map<TValue>(IReadOnlyDictionary<string, TValue>? items) => items switch
    {
        null => TextMap<TValue>.None,
        TextMap<TValue> map => map,
        IDictionary<string, TValue> dictionary => new TextMap<TValue>(dictionary),
        _ => new TextMap<TValue>(items.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal)),
    };

    internal static string Join<T>(IEnumerable<T> items, string separator) => string.Join(separator, items.Select(item => Text(item)));

    /// <summary>Invariant culture, so a CSV written on a German machine reads back everywhere.</summary>
    internal static string Text(object? value) => value switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
