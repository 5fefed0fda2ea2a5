using System.Collections.Concurrent;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;

namespace TranscribePS.Infrastructure;

/// <summary>
/// Times that export the same in every culture. Export-Csv writes each property value's ToString(), which for a
/// DateTimeOffset is the culture's format ("05.12.2026 10:00:00 +00:00" in de-DE). So an output object with
/// DateTimeOffset properties gets its properties as note properties on its PSObject, each time wrapped in a PSObject
/// whose ToString() is invariant ISO 8601, the text ConvertTo-Json writes ("2026-12-05T10:00:00+00:00"). The value
/// is still the DateTimeOffset: <c>Where-Object CreationTime -gt (Get-Date).AddDays(-1)</c>, Sort-Object and
/// <c>.LocalDateTime</c> work as before, and ConvertTo-Json, which reads the base object, is unchanged.
/// Every property becomes a note, not only the times, because Export-Csv puts a PSObject's own members before the
/// object's: this way its columns keep the declared order.
/// </summary>
internal static class InvariantTimes
{
    /// <summary>The ISO 8601 form Newtonsoft.Json (ConvertTo-Json) writes: no trailing zeros in the fraction.</summary>
    private const string IsoFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK";

    private static readonly MethodInfo ToStringMethod = typeof(InvariantTimes).GetMethod(nameof(ToIso))!;

    // Per type: its properties when one of them is a time, else none (most output types, items among them, have no
    // time, and pay one dictionary lookup).
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Shapes = new();

    public static void Attach(PSObject wrapped, object value)
    {
        foreach (var property in Shapes.GetOrAdd(value.GetType(), ShapeOf))
        {
            var item = property.GetValue(value);
            wrapped.Properties.Add(new PSNoteProperty(property.Name, item is DateTimeOffset time ? Wrap(time) : item));
        }
    }

    /// <summary>The time as PowerShell sees it (a DateTimeOffset) with an invariant ISO 8601 ToString().</summary>
    public static PSObject Wrap(DateTimeOffset time)
    {
        var wrapped = new PSObject(time);
        wrapped.Methods.Add(new PSCodeMethod(nameof(ToString), ToStringMethod));
        return wrapped;
    }

    /// <summary>The code method behind <see cref="Wrap"/>'s ToString(); public because PowerShell calls it.</summary>
    public static string ToIso(PSObject instance)
        => ((DateTimeOffset)instance.BaseObject).ToString(IsoFormat, CultureInfo.InvariantCulture);

    private static PropertyInfo[] ShapeOf(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToArray();
        return properties.Any(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(DateTimeOffset))
            ? properties
            : [];
    }
}
