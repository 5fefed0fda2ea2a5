using System.Collections;
using System.Management.Automation;

namespace TranscribePS.Infrastructure;

/// <summary>
/// Turns what PowerShell hands a cmdlet (PSObject wrappers, PSCustomObjects from ConvertFrom-Json, hashtables,
/// arrays) into the plain tree of dictionaries, lists and scalars Core's converters read.
/// </summary>
internal static class PlainValues
{
    public static object? From(object? value) => value switch
    {
        null => null,
        PSObject { BaseObject: PSCustomObject } custom => custom.Properties
            .ToDictionary(p => p.Name, p => From(p.Value), StringComparer.OrdinalIgnoreCase),
        PSObject wrapped => From(wrapped.BaseObject),
        string text => text,
        IDictionary dictionary => dictionary.Keys.Cast<object>()
            .ToDictionary(k => k.ToString() ?? string.Empty, k => From(dictionary[k]), StringComparer.OrdinalIgnoreCase),
        IEnumerable items => items.Cast<object?>().Select(From).ToList(),
        _ => value,
    };

    /// <summary>The -InputType values and the model's enum.</summary>
    public static Core.Aws.Model.InputType? InputType(string? value) => value?.ToUpperInvariant() switch
    {
        null => null,
        "REAL_TIME" => Core.Aws.Model.InputType.RealTime,
        _ => Core.Aws.Model.InputType.PostCall,
    };
}
