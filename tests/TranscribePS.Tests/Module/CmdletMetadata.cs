using System.Reflection;
using System.Runtime.InteropServices;

namespace TranscribePS.Tests.Module;

internal sealed record ParameterSetBinding(string SetName, bool Mandatory, int? Position, bool FromPipeline, bool ByPropertyName);

internal sealed record CmdletParameter(string Name, Type Type, IReadOnlyList<string> Aliases, IReadOnlyList<ParameterSetBinding> Sets)
{
    public bool ByPropertyName => Sets.Any(s => s.ByPropertyName);

    public bool FromPipeline => Sets.Any(s => s.FromPipeline);

    /// <summary>The name and every alias: what a by-property-name binding matches a property against.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Name);
}

internal sealed record CmdletMetadataEntry(
    Type Type,
    string Verb,
    string Noun,
    bool SupportsShouldProcess,
    int ConfirmImpact,
    string? DefaultParameterSetName,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<Type> OutputTypes,
    IReadOnlyList<CmdletParameter> Parameters)
{
    public string Name => $"{Verb}-{Noun}";

    public CmdletParameter Parameter(string name) => Parameters.Single(p => p.Name == name);
}

/// <summary>
/// The cmdlet assembly read as metadata (MetadataLoadContext, raw CustomAttributeData): the stub
/// System.Management.Automation gives attribute instances with empty properties, so reflection on instances lies.
/// </summary>
internal static class CmdletMetadata
{
    /// <summary>ConfirmImpact.High in System.Management.Automation.</summary>
    public const int ConfirmImpactHigh = 3;

    private static readonly Lazy<(MetadataLoadContext Context, IReadOnlyList<CmdletMetadataEntry> Cmdlets)> Loaded = new(Load);

    public static IReadOnlyList<CmdletMetadataEntry> Cmdlets => Loaded.Value.Cmdlets;

    public static CmdletMetadataEntry Get(string name) => Cmdlets.Single(c => c.Name == name);

    private static (MetadataLoadContext, IReadOnlyList<CmdletMetadataEntry>) Load()
    {
        var baseDir = AppContext.BaseDirectory;
        var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Concat(Directory.GetFiles(baseDir, "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Last());
        var context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        var assembly = context.LoadFromAssemblyPath(Path.Combine(baseDir, "TranscribePS.dll"));
        var cmdlets = assembly.GetTypes()
            .Where(t => !t.IsAbstract)
            .Select(t => (Type: t, Attribute: Attribute(t.GetCustomAttributesData(), "CmdletAttribute")))
            .Where(x => x.Attribute is not null)
            .Select(x => Describe(x.Type, x.Attribute!))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
        return (context, cmdlets);
    }

    private static CmdletMetadataEntry Describe(Type type, CustomAttributeData cmdlet)
    {
        var attributes = type.GetCustomAttributesData();
        return new CmdletMetadataEntry(
            type,
            (string)cmdlet.ConstructorArguments[0].Value!,
            (string)cmdlet.ConstructorArguments[1].Value!,
            Named(cmdlet, "SupportsShouldProcess") is true,
            Named(cmdlet, "ConfirmImpact") is int impact ? impact : 2,
            Named(cmdlet, "DefaultParameterSetName") as string,
            Strings(Attribute(attributes, "AliasAttribute")),
            attributes.Where(a => a.AttributeType.Name == "OutputTypeAttribute")
                .SelectMany(a => Values(a.ConstructorArguments[0]).OfType<Type>())
                .ToArray(),
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(DescribeParameter)
                .OfType<CmdletParameter>()
                .ToArray());
    }

    private static CmdletParameter? DescribeParameter(PropertyInfo property)
    {
        var attributes = property.GetCustomAttributesData();
        var sets = attributes.Where(a => a.AttributeType.Name == "ParameterAttribute")
            .Select(a => new ParameterSetBinding(
                Named(a, "ParameterSetName") as string ?? "__AllParameterSets",
                Named(a, "Mandatory") is true,
                Named(a, "Position") is int position && position >= 0 ? position : null,
                Named(a, "ValueFromPipeline") is true,
                Named(a, "ValueFromPipelineByPropertyName") is true))
            .ToArray();
        return sets.Length == 0
            ? null
            : new CmdletParameter(property.Name, property.PropertyType, Strings(Attribute(attributes, "AliasAttribute")), sets);
    }

    private static CustomAttributeData? Attribute(IEnumerable<CustomAttributeData> attributes, string name)
        => attributes.FirstOrDefault(a => a.AttributeType.Name == name);

    private static object? Named(CustomAttributeData attribute, string name)
        => attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();

    private static IReadOnlyList<string> Strings(CustomAttributeData? attribute)
        => attribute is null ? [] : attribute.ConstructorArguments.SelectMany(Values).OfType<string>().ToArray();

    private static IEnumerable<object?> Values(CustomAttributeTypedArgument argument)
        => argument.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : [argument.Value];
}
