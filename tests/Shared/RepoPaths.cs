namespace TranscribePS.Tests.Infrastructure;

/// <summary>
/// Finds the repository (the folder holding TranscribePS.sln) from the test output folder, and the shared real
/// output samples beside it (../shared/samples). Tests that need the samples are <see cref="SamplesFactAttribute"/>s:
/// skipped with the reason without the folder, failed without it under CI.
/// </summary>
internal static partial class RepoPaths
{
    private static readonly string? FoundRoot = FindRoot();

    public static string Root => FoundRoot ?? throw new InvalidOperationException("TranscribePS.sln not found above " + AppContext.BaseDirectory);

    /// <summary>../shared/samples beside the repository, or null when this checkout has none.</summary>
    public static string? SamplesFolder { get; } = FindSamplesFolder();

    /// <summary>CI sets CI (to "true" on most systems): what would be skipped for a missing prerequisite fails instead.</summary>
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } value
        && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0";

    /// <summary>The skip reason for a test that needs ../shared/samples, or null when it must run (present, or CI).</summary>
    public static string? WhySamplesSkip() => SamplesFolder is null && !IsCi
        ? "../shared/samples is not beside this checkout (" + (FoundRoot ?? AppContext.BaseDirectory) + "): the real-output samples this test reads are missing. CI=true makes this a failure."
        : null;

    /// <summary>The full path of a real sample output; the test fails when it is not there.</summary>
    public static string Sample(string name)
    {
        if (SamplesFolder is null)
        {
            Assert.Fail($"../shared/samples is not beside this checkout, and this test needs {name} from it (under CI=true the folder must be present).");
        }

        var path = Path.Combine(SamplesFolder, name);
        Assert.True(File.Exists(path), $"{path} is missing from ../shared/samples.");
        return path;
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
