namespace TranscribePS.Tests.Module;

/// <summary>Finds the repository (the folder holding TranscribePS.sln) from the test output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>out/TranscribePS/: the module folder the cmdlet project's build assembles.</summary>
    public static string ModuleDir => Path.Combine(Root, "out", "TranscribePS");

    public static string ModuleFile(params string[] parts) => Path.Combine([ModuleDir, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TranscribePS.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TranscribePS.sln not found above " + AppContext.BaseDirectory);
    }
}
