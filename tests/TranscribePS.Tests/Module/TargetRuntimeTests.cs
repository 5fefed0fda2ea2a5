using System.Reflection;
using System.Runtime.Versioning;

namespace TranscribePS.Tests.Module;

/// <summary>The suite runs on the runtime each build targets: the .NET 8 build on .NET 8 (PowerShell 7.4's), not rolled forward.</summary>
public class TargetRuntimeTests
{
    [Fact]
    public void Tests_run_on_the_runtime_their_build_targets()
    {
        var target = typeof(TargetRuntimeTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        var version = new FrameworkName(target).Version;
        Assert.Equal(version.Major, Environment.Version.Major);
    }
}
