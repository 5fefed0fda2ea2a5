namespace TranscribePS.Emulator.Tests.Transcribe;

public class ConflictAndMissingTests
{
    [Fact]
    public async Task Starting_a_job_name_that_exists_is_a_conflict()
    {
        var emulator = new TranscribeHarness();
        await emulator.StartMedicalAsync("duplicate");

        var error = await emulator.FailsAsync("StartMedicalTranscriptionJob", TranscribeHarness.MedicalRequest("duplicate", "s3://media-in/duplicate.wav"));

        Assert.Equal("ConflictException", error.ErrorType);
        Assert.Equal(409, error.StatusCode);
        Assert.Equal("The requested job name already exists. Use a different job name.", error.Message);
    }

    [Fact]
    public async Task Job_names_are_unique_per_job_family_only()
    {
        var emulator = new TranscribeHarness();
        await emulator.StartMedicalAsync("shared-name");

        var callJob = await emulator.StartCallAnalyticsAsync("shared-name");

        Assert.Equal("IN_PROGRESS", callJob["CallAnalyticsJobStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Finished_jobs_still_hold_their_name()
    {
        var emulator = new TranscribeHarness();
        await emulator.StartCallAnalyticsAsync("finished");
        await emulator.GetCallAnalyticsAsync("finished");

        var error = await emulator.FailsAsync("StartCallAnalyticsJob", TranscribeHarness.CallAnalyticsRequest("finished", "s3://media-in/finished.wav"));

        Assert.Equal("ConflictException", error.ErrorType);
    }

    [Theory]
    [InlineData("GetMedicalTranscriptionJob", "MedicalTranscriptionJobName")]
    [InlineData("GetCallAnalyticsJob", "CallAnalyticsJobName")]
    [InlineData("GetTranscriptionJob", "TranscriptionJobName")]
    [InlineData("GetMedicalScribeJob", "MedicalScribeJobName")]
    [InlineData("DeleteMedicalTranscriptionJob", "MedicalTranscriptionJobName")]
    [InlineData("DeleteCallAnalyticsJob", "CallAnalyticsJobName")]
    public async Task Unknown_job_is_answered_as_the_service_does_with_bad_request(string operation, string member)
    {
        var error = await new TranscribeHarness().FailsAsync(operation, new Dictionary<string, object> { [member] = "never-started" });

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("The requested job couldn't be found. Check the job name and try your request again.", error.Message);
    }

    [Fact]
    public async Task Starting_a_job_whose_output_bucket_was_never_created_is_refused_before_any_job_exists()
    {
        var emulator = new TranscribeHarness();
        emulator.PutWav("typo.wav", 2);
        var medical = TranscribeHarness.MedicalRequest("typo-medical", "s3://media-in/typo.wav");
        medical["OutputBucketName"] = "transcripts-uot";
        var call = TranscribeHarness.CallAnalyticsRequest("typo-call", "s3://media-in/typo.wav", outputLocation: "s3://transcripts-uot/calls/");

        var medicalError = await emulator.FailsAsync("StartMedicalTranscriptionJob", medical);
        var callError = await emulator.FailsAsync("StartCallAnalyticsJob", call);
        var serviceBucket = await emulator.CallAsync("StartCallAnalyticsJob", TranscribeHarness.CallAnalyticsRequest("service-bucket", "s3://media-in/typo.wav", outputLocation: null));
        var notStarted = await emulator.FailsAsync("GetMedicalTranscriptionJob", new Dictionary<string, object> { ["MedicalTranscriptionJobName"] = "typo-medical" });

        Assert.All([medicalError, callError], e => Assert.Equal(("BadRequestException", 400), (e.ErrorType, e.StatusCode)));
        Assert.Contains("bucket", medicalError.Message, StringComparison.Ordinal);
        Assert.Contains("couldn't be found", notStarted.Message, StringComparison.Ordinal);
        Assert.NotNull(serviceBucket["CallAnalyticsJob"]);
    }

    [Fact]
    public async Task Deleting_a_running_job_is_refused()
    {
        var emulator = new TranscribeHarness();
        await emulator.StartMedicalAsync("still-running");

        var error = await emulator.FailsAsync("DeleteMedicalTranscriptionJob", new { MedicalTranscriptionJobName = "still-running" });

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains("still in progress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Category_names_are_unique()
    {
        var emulator = new TranscribeHarness();
        var rules = new object[] { new { NonTalkTimeFilter = new { Threshold = 5000 } } };
        await emulator.CallAsync("CreateCallAnalyticsCategory", new { CategoryName = "silence", Rules = rules });

        var error = await emulator.FailsAsync("CreateCallAnalyticsCategory", new { CategoryName = "silence", Rules = rules });

        Assert.Equal("ConflictException", error.ErrorType);
        Assert.Equal(409, error.StatusCode);
    }

    [Theory]
    [InlineData("GetCallAnalyticsCategory")]
    [InlineData("DeleteCallAnalyticsCategory")]
    public async Task Unknown_category_is_not_found(string operation)
    {
        var error = await new TranscribeHarness().FailsAsync(operation, new { CategoryName = "nope" });

        Assert.Equal("NotFoundException", error.ErrorType);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task Updating_an_unknown_category_is_not_found()
    {
        var error = await new TranscribeHarness().FailsAsync("UpdateCallAnalyticsCategory", new { CategoryName = "nope", Rules = new object[] { new { NonTalkTimeFilter = new { Threshold = 5000 } } } });

        Assert.Equal("NotFoundException", error.ErrorType);
    }
}
