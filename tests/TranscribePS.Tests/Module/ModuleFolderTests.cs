using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using TranscribePS.Infrastructure;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Module;

/// <summary>The assembled module folder (out/TranscribePS/ for Release) and its manifest.</summary>
public sealed class ModuleFolderTests
{
    [Fact]
    public void Manifest_exports_exactly_the_cmdlet_types_and_their_aliases()
    {
        var manifest = ManifestFile.Built;
        Assert.Equal(
            CmdletMetadata.Cmdlets.Select(c => c.Name).Order(StringComparer.Ordinal),
            manifest.Array("CmdletsToExport").Order(StringComparer.Ordinal));
        Assert.Equal(
            CmdletMetadata.Cmdlets.SelectMany(c => c.Aliases).Order(StringComparer.Ordinal),
            manifest.Array("AliasesToExport").Order(StringComparer.Ordinal));
        Assert.Empty(manifest.Array("FunctionsToExport"));
        Assert.Empty(manifest.Array("VariablesToExport"));
        Assert.False(manifest.Has("RequiredAssemblies"));
        Assert.Equal("7.4", manifest.Scalar("PowerShellVersion"));
        // The loader first, then the cmdlet assembly, both files beside the manifest (Test-ModuleManifest requires it).
        Assert.False(manifest.Has("RootModule"));
        Assert.Equal(["TranscribePS.Loader.dll", "TranscribePS.dll"], manifest.Array("NestedModules"));
    }

    [Fact]
    public void Get_TranscriptItems_is_an_alias_of_Get_TranscriptItem()
        => Assert.Contains("Get-TranscriptItems", CmdletMetadata.Get("Get-TranscriptItem").Aliases);

    [Fact]
    public void Manifest_version_is_the_assembly_version_stamped_by_the_build()
    {
        var manifestVersion = Version.Parse(ManifestFile.Built.Scalar("ModuleVersion"));
        var assemblyVersion = AssemblyName.GetAssemblyName(RepoPaths.ModuleFile("TranscribePS.dll")).Version!;
        Assert.Equal(manifestVersion.ToString(3), assemblyVersion.ToString(3));
        Assert.NotEqual(ManifestFile.Source.Scalar("ModuleVersion"), ManifestFile.Built.Scalar("ModuleVersion"));
    }

    [Fact]
    public void Module_folder_holds_the_assemblies_format_and_help_but_no_System_Management_Automation()
    {
        var files = Directory.GetFiles(RepoPaths.ModuleDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.ModuleDir, f).Replace('\\', '/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(files, f => f.EndsWith("System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase));
        foreach (var expected in new[]
        {
            "TranscribePS.psd1", "TranscribePS.Loader.dll", "TranscribePS.dll", "LICENSE",
            "bin/TranscribePS.Core.dll", "bin/AWSSDK.Core.dll", "bin/AWSSDK.S3.dll", "TranscribePS.Format.ps1xml", "en-US/TranscribePS.dll-Help.xml", "en-US/about_TranscribePS.help.txt",
        })
        {
            Assert.Contains(expected, files);
        }

        foreach (var format in ManifestFile.Built.Array("FormatsToProcess"))
        {
            Assert.Contains(format, files);
        }
    }

    [Fact]
    public void Only_the_loader_and_the_cmdlets_sit_beside_the_manifest_and_Core_and_AWSSDK_sit_in_bin()
    {
        // PowerShell loads the module folder's own dlls into its default load context; bin/ is read only by the
        // loader's context, so nothing there can clash with another module's AWSSDK.
        Assert.Equal(
            ["TranscribePS.Loader.dll", "TranscribePS.dll"],
            Directory.GetFiles(RepoPaths.ModuleDir, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var isolated = Directory.GetFiles(RepoPaths.ModuleFile("bin"), "*.dll").Select(Path.GetFileName).ToArray();
        Assert.Contains("TranscribePS.Core.dll", isolated);
        Assert.Contains("AWSSDK.Core.dll", isolated);
        Assert.DoesNotContain("TranscribePS.dll", isolated);
        Assert.DoesNotContain("TranscribePS.Loader.dll", isolated);

        // The cmdlets, in the default context, reference Core (which the loader hands over from the module's context)
        // and never an AWSSDK assembly: the default context would bind it to whatever AWSSDK another module loaded.
        using var pe = new PEReader(File.OpenRead(RepoPaths.ModuleFile("TranscribePS.dll")));
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToArray();
        Assert.Contains("TranscribePS.Core", references);
        Assert.DoesNotContain("TranscribePS.Loader", references);
        Assert.DoesNotContain(references, r => r.StartsWith("AWSSDK", StringComparison.Ordinal));
    }

    [Fact]
    public void Format_file_has_a_table_view_for_every_output_type_name()
    {
        var views = XDocument.Load(RepoPaths.ModuleFile("TranscribePS.Format.ps1xml")).Descendants("View")
            .Where(v => v.Element("TableControl") is not null)
            .Select(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value)
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(OutputTypeNames.All);
        Assert.All(OutputTypeNames.All.Values, name => Assert.Contains(name, views));
    }

    [Fact]
    public void Call_analytics_turns_get_the_variant_name_whose_view_shows_sentiment()
    {
        var call = new Core.Transcripts.TranscriptTurn { JobName = "call", Index = 0, Text = "Hello.", Sentiment = "POSITIVE" };
        var plain = call with { Sentiment = null };
        var view = XDocument.Load(RepoPaths.ModuleFile("TranscribePS.Format.ps1xml")).Descendants("View")
            .Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == OutputTypeNames.VariantOf(call));

        Assert.Null(OutputTypeNames.VariantOf(plain));
        Assert.Contains(view.Descendants("PropertyName"), p => p.Value == "Sentiment");
        Assert.Equal("JobName", view.Element("GroupBy")!.Element("PropertyName")!.Value);
    }

    [Fact]
    public void Every_output_type_declared_by_a_cmdlet_has_a_PSTypeName()
    {
        var named = OutputTypeNames.All.Keys.Select(t => t.FullName).ToHashSet(StringComparer.Ordinal);
        var declared = CmdletMetadata.Cmdlets.SelectMany(c => c.OutputTypes)
            .Where(t => t.Namespace?.StartsWith("TranscribePS", StringComparison.Ordinal) == true)
            .Select(t => t.FullName!);
        Assert.All(declared, name => Assert.Contains(name, named));
    }
}
