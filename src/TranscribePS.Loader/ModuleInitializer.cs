using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace TranscribePS.Loader;

/// <summary>
/// Sets the module up when PowerShell imports this assembly (the manifest's first nested module) and undoes it on
/// Remove-Module. The manifest's next nested module is the assembly name TranscribePS: PowerShell asks the default
/// load context for it, finds no such file there, and this hands it the cmdlet assembly from the module's own context.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private const string CmdletAssemblyName = "TranscribePS";

    // One context for the process: a module re-imported with -Force, or used from another runspace, gets the same
    // assemblies, so objects made before the re-import stay usable.
    private static readonly Lazy<ModuleLoadContext> Context = new(() => new ModuleLoadContext(
        Path.Join(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location), "bin")));

    private static Assembly CmdletAssembly => Context.Value.LoadFromAssemblyName(new AssemblyName(CmdletAssemblyName));

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
                AssemblyLoadContext.Default.Resolving += ResolveCmdletAssembly;
            }
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (Gate)
        {
            if (_imports > 0 && --_imports == 0)
            {
                AssemblyLoadContext.Default.Resolving -= ResolveCmdletAssembly;
            }
        }
    }

    // Only the cmdlet assembly is handed out: the default context never gets Core or our AWSSDK, so no other module
    // can be given them. The same answer serves every later request by name (a ForEach-Object -Parallel runspace
    // importing the module, a type named by its assembly-qualified name).
    private static Assembly? ResolveCmdletAssembly(AssemblyLoadContext context, AssemblyName name)
        => string.Equals(name.Name, CmdletAssemblyName, StringComparison.Ordinal) ? CmdletAssembly : null;
}
