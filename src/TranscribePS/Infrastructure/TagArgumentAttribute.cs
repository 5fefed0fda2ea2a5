using System.Collections;
using System.Management.Automation;
using TranscribePS.Core.Analytics.Categories;

namespace TranscribePS.Infrastructure;

/// <summary>
/// Lets a -Tag hashtable parameter bind what a saved category carries in its Tags property: the object ConvertFrom-Json
/// makes of <c>{"k":"v"}</c>, the API's list of Key/Value pairs, or the <c>k=v; k2=v2</c> text of an Import-Csv cell.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TagArgumentAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = PlainValues.From(inputData);
        if (value is null or Hashtable)
        {
            return value;
        }

        try
        {
            var table = new Hashtable(StringComparer.Ordinal);
            foreach (var (key, tag) in CategoryRuleConverter.ToTagMap(value))
            {
                table[key] = tag;
            }

            return table;
        }
        catch (CategoryRuleException ex)
        {
            throw new ArgumentTransformationMetadataException(ex.Message, ex);
        }
    }
}
