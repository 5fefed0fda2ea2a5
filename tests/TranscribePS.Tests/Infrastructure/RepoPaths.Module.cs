using System.Reflection;

namespace TranscribePS.Tests.Infrastructure;

/// <summary>Where the module's tests find the built module (the emulator's tests have no module).</summary>
internal static partial class RepoPaths
{
    /// <summary>
    /// The module folder the cmdlet project's build assembles for this test build's configuration (out/TranscribePS/
    /// for Release, out/Debug/TranscribePS/ for Debug): the project file stamps it into this assembly.
    /// </summary>
    public static string ModuleDir { get; } = Path.GetFullPath(typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TranscribePS.ModuleDir").Value!);

    public static string ModuleFile(params string[] parts) => Path.Combine([ModuleDir, .. parts]);
}
