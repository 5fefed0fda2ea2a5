using System.Reflection;
using System.Runtime.Loader;

namespace TranscribePS.Loader;

/// <summary>
/// The module's own assembly load context: TranscribePS.Core.dll and the AWSSDK assemblies load from the module's
/// bin/ folder into it, so they never meet another AWSSDK.Core the session already holds (AWS.Tools
/// loads 3.7 into the default context) and never hand theirs to it. Everything else (the runtime,
/// System.Management.Automation, the cmdlet assembly) comes from the default context.
/// </summary>
internal sealed class ModuleLoadContext : AssemblyLoadContext
{
    private readonly string _directory;

    public ModuleLoadContext(string directory)
        : base("TranscribePS", isCollectible: false)
        => _directory = directory;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Join(_directory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
