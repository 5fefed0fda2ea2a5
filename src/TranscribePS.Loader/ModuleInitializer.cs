using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace TranscribePS.Loader;

/// <summary>
/// Sets the module up when PowerShell imports this assembly (the manifest's first nested module) and undoes it on
/// Remove-Module. The next nested module, the cmdlet assembly TranscribePS.dll, sits beside this one in PowerShell's
/// default load context and references TranscribePS.Core, which the default context cannot find: this hands it Core
/// from the module's own context, where Core's AWSSDK references then resolve from bin/ too.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private const string CoreAssemblyName = "TranscribePS.Core";

    // One context for the process: a module re-imported with -Force, or used from another runspace, gets the same
    // assemblies, so objects made before the re-import stay usable.
    private static readonly Lazy<ModuleLoadContext> Context = new(() => new ModuleLoadContext(
        Path.Join(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location), "bin")));

    private static Assembly CoreAssembly => Context.Value.LoadFromAssemblyName(new AssemblyName(CoreAssemblyName));

    private static readonly object Gate = new();

    // Imports not yet removed, over every runspace: the handler stays while any runspace may still import the
    // cmdlets (ForEach-Object -Parallel imports the module in each of its runspaces at once).
    private static int _imports;

    public void OnImport()
    {
        lock (Gate)
        {
            if (_imports++ == 0)
            {
                AssemblyLoadContext.Default.Resolving += ResolveCore;
            }
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (Gate)
        {
            if (_imports > 0 && --_imports == 0)
            {
                AssemblyLoadContext.Default.Resolving -= ResolveCore;
            }
        }
    }

    // Only Core is handed out, never an AWSSDK assembly: the default context cannot give our AWSSDK to another module,
    // and the cmdlets never reference AWSSDK themselves (all AWS work is Core's). The same answer serves every later
    // request by name (a ForEach-Object -Parallel runspace importing the module, a type named by its
    // assembly-qualified name).
    private static Assembly? ResolveCore(AssemblyLoadContext context, AssemblyName name)
        => string.Equals(name.Name, CoreAssemblyName, StringComparison.Ordinal) ? CoreAssembly : null;
}
