using TranscribePS.Core.Jobs;

namespace TranscribePS.Tests.Planning;

/// <summary>Where Save-TranscribeOutput writes: inside -Destination, under a name the service could have given.</summary>
public sealed class SavePathTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "dest", "sub");

    [Theory]
    [InlineData("../../from-csv")]
    [InlineData("/etc/cron.d/x")]
    [InlineData("..")]
    [InlineData("sub/visit")]
    [InlineData("sub\\visit")]
    [InlineData("")]
    public void A_job_name_the_service_could_not_have_given_names_no_file(string name)
    {
        var job = Job(name, "s3://clinic/visit.json");

        var (path, problem) = JobOutput.SavePath(Folder, job, job.Outputs()[0]);

        Assert.Null(path);
        Assert.Equal("InvalidJobName", problem!.ErrorId);
        Assert.Equal(name, problem.Target);
        Assert.Equal(problem.ErrorId, JobOutput.NameProblem(job)!.ErrorId);
    }

    [Fact]
    public void A_valid_name_saves_directly_inside_the_folder()
    {
        var job = Job("visit-a-3f2a", "s3://clinic/visit.json");

        var (path, problem) = JobOutput.SavePath(Folder + Path.DirectorySeparatorChar, job, job.Outputs()[0]);

        Assert.Null(problem);
        Assert.Equal(Path.Combine(Path.GetFullPath(Folder), "visit-a-3f2a.json"), path);
    }

    [Theory]
    [InlineData("s3://clinic/out/visit.srt", ".srt")]
    [InlineData("https://bucket.s3.amazonaws.com/visit.vtt?X-Amz-Signature=abc", ".vtt")]
    [InlineData("s3://clinic/out/visit.s\\..\\..\\x", "")]
    [InlineData("s3://clinic/out/visit.a b", "")]
    [InlineData("s3://clinic/out/visit", "")]
    public void Only_a_plain_extension_of_the_uri_reaches_the_local_name(string subtitleUri, string extension)
    {
        var job = Job("visit-b", transcript: null) with { SubtitleUris = [subtitleUri] };

        var output = Assert.Single(job.Outputs());

        Assert.Equal("visit-b" + extension, output.FileName);
        Assert.Null(JobOutput.SavePath(Folder, job, output).Problem);
    }

    private static TranscriptionJob Job(string name, string? transcript) => new()
    {
        JobName = name,
        Kind = JobKind.Medical,
        Status = JobStatus.Completed,
        TranscriptUri = transcript,
    };
}
