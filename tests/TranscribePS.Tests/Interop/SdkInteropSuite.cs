using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Interop;

/// <summary>
/// Where the JavaScript interop suite (tests/SdkInterop) and the node that runs it are, and whether both are ready.
/// </summary>
internal static class SdkInteropSuite
{
    /// <summary>What CI must do when the suite is not installed; CI fails rather than skips.</summary>
    public const string CiInstallStep = ".ci/run must run `npm ci --prefix tests/SdkInterop --no-audit --no-fund` before `dotnet test`.";

    private static readonly Lazy<string?> NodePathLazy = new(FindNode);
    private static readonly Lazy<string?> DirectoryLazy = new(FindSuiteDirectory);

    /// <summary>Under CI a missing suite is a failure, not a skip.</summary>
    public static bool IsCi => RepoPaths.IsCi;

    public static string? NodePath => NodePathLazy.Value;

    /// <summary>tests/SdkInterop of the checkout these tests were built from.</summary>
    public static string? Directory => DirectoryLazy.Value;

    /// <summary>Why the suite cannot run here, or null when node and the installed packages are both present.</summary>
    public static string? WhyUnavailable()
    {
        if (Directory is null)
        {
            return "tests/SdkInterop was not found above " + AppContext.BaseDirectory + ".";
        }

        if (NodePath is null)
        {
            return "node is not on PATH, so the AWS SDK for JavaScript interop suite cannot run.";
        }

        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@aws-sdk", "client-transcribe")))
        {
            return "tests/SdkInterop/node_modules is missing (the JS SDK packages are not installed).";
        }

        return null;
    }

    private static string? FindSuiteDirectory()
    {
        var suite = Path.Combine(RepoPaths.Root, "tests", "SdkInterop");
        return File.Exists(Path.Combine(suite, "package.json")) ? suite : null;
    }

    private static string? FindNode()
    {
        var name = OperatingSystem.IsWindows() ? "node.exe" : "node";
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}
