using System.Management.Automation;
using TranscribePS.Commands;
using TranscribePS.Core.Jobs;
using TranscribePS.Emulator.Media;
using TranscribePS.Infrastructure;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

/// <summary>-Path/-LiteralPath rules: names with [ ], patterns that match nothing, malformed paths, unreadable files.</summary>
public sealed class PathResolutionTests(EmulatorFixture fixture) : EmulatorTest(fixture), IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tps-paths-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_Path_naming_an_existing_file_with_brackets_is_that_file_and_not_a_pattern()
    {
        var bracketed = Recording("visit[1].wav");
        Recording("visit1.wav");

        var resolved = Resolve(bracketed, literal: false);

        Assert.Null(resolved.Error);
        Assert.Equal([bracketed], resolved.Paths);
    }

    [Fact]
    public void A_provider_qualified_path_naming_an_existing_file_is_that_file()
    {
        var bracketed = Recording("call[a].wav");
        Recording("calla.wav");

        var resolved = Resolve(@"Microsoft.PowerShell.Core\FileSystem::" + bracketed, literal: false);

        Assert.Equal([bracketed], resolved.Paths);
    }

    [Fact]
    public void A_pattern_still_expands_when_no_file_has_its_literal_name()
    {
        var a = Recording("visit-a.wav");
        var b = Recording("visit-b.wav");
        Recording("other.wav");

        var resolved = Resolve(Path.Combine(_folder, "visit-[ab].wav"), literal: false);

        Assert.Equal([a, b], resolved.Paths);
    }

    [Fact]
    public void A_wildcard_that_matches_nothing_is_a_PathNotFound_error_naming_the_pattern()
    {
        var pattern = Path.Combine(_folder, "*.mp3");

        var resolved = Resolve(pattern, literal: false);

        Assert.Empty(resolved.Paths);
        Assert.Equal("PathNotFound", resolved.Error?.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, resolved.Error?.Category);
        Assert.Equal(pattern, resolved.Error?.Target);
        Assert.Contains(pattern, resolved.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_pattern_is_an_InvalidPath_error_for_that_item_only()
    {
        var pattern = Path.Combine(_folder, "visit[1.wav");

        var resolved = Resolve(pattern, literal: false);

        Assert.Equal("InvalidPath", resolved.Error?.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, resolved.Error?.Category);
        Assert.Equal(pattern, resolved.Error?.Target);
    }

    [Fact]
    public void A_path_on_another_provider_is_refused()
    {
        var resolved = Resolve(@"Env:\PATH", literal: false);

        Assert.Equal("PathNotFileSystem", resolved.Error?.ErrorId);
    }

    [Fact]
    public void Start_uses_the_bracketed_recording_a_Path_value_names()
    {
        var bracketed = Recording("visit[1].wav");
        Recording("visit1.wav");

        using var cmdlet = Medical([bracketed]);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Path"));

        Assert.Empty(host.Errors);
        Assert.Equal([bracketed], host.ShouldProcessCalls.Select(c => c.Target));
        Assert.Single(host.ObjectsOf<TranscriptionJob>());
    }

    [Fact]
    public void A_malformed_or_empty_pattern_gives_one_error_each_and_the_other_recordings_start()
    {
        var good = Recording("good.wav");
        var malformed = Path.Combine(_folder, "bad[.wav");
        var empty = Path.Combine(_folder, "*.mp3");

        using var cmdlet = Medical([malformed, empty, good]);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Path"));

        Assert.Equal([("InvalidPath", (object?)malformed), ("PathNotFound", empty)], host.Errors.Select(e => (e.ErrorId, e.Target)));
        Assert.Equal([good], host.ShouldProcessCalls.Select(c => c.Target));
        Assert.Single(host.ObjectsOf<TranscriptionJob>());
    }

    [Fact]
    public void A_recording_deleted_before_its_upload_is_a_MediaNotFound_error_and_the_others_start()
    {
        var vanishing = Recording("a.wav");
        var good = Recording("b.wav");

        using var cmdlet = Medical([vanishing, good]);
        var host = new RecordingHost("Path") { OnShouldProcess = target => File.Delete(vanishing) };
        CmdletRunner.Run(cmdlet, host);

        var error = Assert.Single(host.Errors);
        Assert.Equal("MediaNotFound", error.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal(vanishing, error.Target);
        Assert.Contains(vanishing, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Server.Requests["StartMedicalTranscriptionJob"]);
    }

    [Fact]
    public void A_ReadError_plan_problem_maps_to_the_ReadError_category()
    {
        var error = ErrorMapping.ToError(new PlanProblem("MediaUnreadable", "locked", PlanProblemCategory.ReadError, "a.wav"));

        Assert.Equal(ErrorCategory.ReadError, error.Category);
        Assert.Equal("a.wav", error.Target);
    }

    private PathResolution Resolve(string path, bool literal) => PathResolver.Resolve(new FileSystemIntrinsics(_folder), path, literal);

    private StartMedicalConversationJobCommand Medical(string[] paths)
        => new StartMedicalConversationJobCommand { Path = paths, OutputBucket = CmdletTestSupport.Bucket }.UseEmulator(Server);

    private string Recording(string name)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, SyntheticMedia.Wav(1.5, 16000, 1));
        return path;
    }
}
