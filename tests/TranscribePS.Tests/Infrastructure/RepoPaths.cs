using System.Reflection;

namespace TranscribePS.Tests.Infrastructure;

/// <summary>
/// Finds the repository (the folder holding TranscribePS.sln) from the test output folder, and the shared real
/// output samples beside it (../shared/samples), which tests skip without.
/// </summary>
internal static class RepoPaths
{
    private static readonly string? FoundRoot = FindRoot();

    public static string Root => FoundRoot ?? throw new InvalidOperationException("TranscribePS.sln not found above " + AppContext.BaseDirectory);

    /// <summary>
    /// The module folder the cmdlet project's build assembles for this test build's configuration (out/TranscribePS/
    /// for Release, out/Debug/TranscribePS/ for Debug): the project file stamps it into this assembly.
    /// </summary>
    public static string ModuleDir { get; } = Path.GetFullPath(typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TranscribePS.ModuleDir").Value!);

    /// <summary>../shared/samples beside the repository, or null when this checkout has none.</summary>
    public static string? SamplesFolder { get; } = FindSamplesFolder();

    public static string ModuleFile(params string[] parts) => Path.Combine([ModuleDir, .. parts]);

    /// <summary>The full path of a real sample output, or null when it is not there (the test then skips).</summary>
    public static string? Sample(string name)
    {
        var path = SamplesFolder is null ? null : Path.Combine(SamplesFolder, name);
        return path is not null && File.Exists(path) ? path : null;
    }

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TranscribePS.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? FindSamplesFolder()
    {
        var samples = FoundRoot is null ? null : Path.GetFullPath(Path.Combine(FoundRoot, "..", "shared", "samples"));
        return samples is not null && Directory.Exists(samples) ? samples : null;
    }
}
