using System.Security.Cryptography;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using static TranscribePS.Tests.Planning.PlanningTestData;

namespace TranscribePS.Tests.Planning;

public sealed class JobPlanTests : IDisposable
{
    private readonly PlanningMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task Local_medical_plan_uploads_by_content_to_the_output_bucket_and_writes_under_a_folder()
    {
        string path = _media.Wav("Visit 1.wav");
        string sha = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

        var plan = Assert.IsType<MedicalJobPlan>((await PlanAsync(MedicalRequest(path) with { OutputKeyPrefix = "transcripts", IdentifyPhi = true })).Plan);

        Assert.Equal(JobKind.Medical, plan.Kind);
        Assert.Matches("^Visit-1-[0-9a-f]{12}$", plan.JobName);
        Assert.Equal(new PlannedUpload(path, OutputBucket, "Visit-1-" + sha[..12] + ".wav", sha, new FileInfo(path).Length) { LastWriteUtc = File.GetLastWriteTimeUtc(path) }, plan.Upload);
        Assert.Equal("s3://tps-output/Visit-1-" + sha[..12] + ".wav", plan.MediaUri);
        Assert.Equal("wav", plan.MediaFormat);
        Assert.Equal("transcripts/", plan.OutputKey);
        Assert.Equal("s3://tps-output/transcripts/", plan.OutputLocation);
        Assert.Equal(2, plan.MaxSpeakerLabels);
        Assert.False(plan.ChannelIdentification);
        Assert.True(plan.IdentifyPhi);
        Assert.Equal(("en-US", "PRIMARYCARE", "CONVERSATION"), (MedicalJobPlan.LanguageCode, MedicalJobPlan.Specialty, MedicalJobPlan.Type));
    }

    [Fact]
    public async Task Channel_identification_drops_speaker_labels()
    {
        var plan = Assert.IsType<MedicalJobPlan>((await PlanAsync(MedicalRequest(_media.Wav("two.wav", channels: 2)) with { ChannelIdentification = true })).Plan);

        Assert.True(plan.ChannelIdentification);
        Assert.Null(plan.MaxSpeakerLabels);
    }

    [Fact]
    public async Task Upload_bucket_and_prefix_override_the_default_and_tags_are_copied()
    {
        var request = MedicalRequest(_media.Wav("visit.wav")) with
        {
            UploadBucket = "tps-uploads",
            UploadKeyPrefix = "incoming/2026",
            Tags = new Dictionary<string, string> { ["team"] = "clinic" },
        };

        var plan = (await PlanAsync(request)).Plan!;

        Assert.Equal("tps-uploads", plan.Upload!.Bucket);
        Assert.StartsWith("incoming/2026/visit-", plan.Upload.Key, StringComparison.Ordinal);
        Assert.Equal("clinic", plan.Tags["team"]);
    }

    [Fact]
    public async Task An_output_bucket_other_than_the_upload_bucket_is_named_for_the_check_before_upload()
    {
        var separate = (await PlanAsync(MedicalRequest(_media.Wav("visit.wav")) with { UploadBucket = "tps-uploads" })).Plan!;
        var same = (await PlanAsync(MedicalRequest(_media.Wav("visit.wav")))).Plan!;

        Assert.Equal(OutputBucket, separate.Upload!.OutputBucket);
        Assert.Equal(OutputBucket, same.Upload!.Bucket);
        Assert.Null(same.Upload.OutputBucket);
    }

    [Fact]
    public void S3_medical_plan_has_no_upload_and_lets_the_service_detect_the_format()
    {
        var request = new MedicalConversationJobRequest { Media = MediaSource.FromUri("s3://tps-media/clinic/visit.mp3"), OutputBucket = OutputBucket };

        var plan = JobPlanner.Plan(request, null).Plan!;

        Assert.Null(plan.Upload);
        Assert.Null(plan.MediaFormat);
        Assert.Equal("s3://tps-media/clinic/visit.mp3", plan.MediaUri);
        Assert.Equal($"Start medical job '{plan.JobName}' for s3://tps-media/clinic/visit.mp3 (a job of that name already started for this recording is reused instead)", plan.Describe());
    }

    [Fact]
    public async Task Describe_names_kind_job_recording_and_upload_for_ShouldProcess()
    {
        string path = _media.Wav("call.wav", channels: 2);

        var plan = (await PlanAsync(CallRequest(path))).Plan!;

        // Said before any call, so it says what the plan knows: the upload and the start happen unless a rerun finds them done.
        Assert.Equal($"Start call analytics job '{plan.JobName}' for {path}, uploading it to s3://tps-output/{plan.Upload!.Key} (skipped when that object already holds it; a job of that name already started for this recording is reused instead)", plan.Describe());
    }

    [Fact]
    public async Task Call_analytics_plan_carries_canonical_settings()
    {
        var request = CallRequest(_media.Wav("call.wav", channels: 2)) with
        {
            OutputKeyPrefix = "calls",
            DataAccessRoleArn = "arn:aws:iam::123456789012:role/Transcribe",
            AgentChannel = 1,
            CustomerChannel = 0,
            LanguageOptions = ["es-us", "en-US", "EN-us"],
            RedactPii = true,
            PiiEntityTypes = ["name", "SSN", "NAME"],
            RedactAudio = true,
            Summarize = true,
            VocabularyName = "products",
            VocabularyFilterName = "profanity",
            VocabularyFilterMethod = VocabularyFilterMethod.Mask,
        };

        var plan = Assert.IsType<CallAnalyticsJobPlan>((await PlanAsync(request)).Plan);

        Assert.Equal(JobKind.CallAnalytics, plan.Kind);
        Assert.Equal("s3://tps-output/calls/", plan.OutputLocation);
        Assert.Equal("arn:aws:iam::123456789012:role/Transcribe", plan.DataAccessRoleArn);
        Assert.Equal((1, 0), (plan.AgentChannel, plan.CustomerChannel));
        Assert.Equal(["en-US", "es-US"], plan.LanguageOptions);
        Assert.Equal(["NAME", "SSN"], plan.Redaction!.PiiEntityTypes);
        Assert.Equal(RedactionOutput.Redacted, plan.Redaction.Output);
        Assert.True(plan.RedactAudio);
        Assert.True(plan.Summarize);
        Assert.Equal("products", plan.VocabularyName);
        Assert.Equal(VocabularyFilterMethod.Mask, plan.VocabularyFilterMethod);
    }

    [Fact]
    public async Task All_pii_types_collapse_to_ALL_and_both_outputs_are_named_as_the_service_spells_them()
    {
        var request = CallRequest(_media.Wav("call.wav", channels: 2)) with
        {
            RedactPii = true,
            PiiEntityTypes = ["NAME", "all"],
            RedactionOutput = RedactionOutput.RedactedAndUnredacted,
        };

        var plan = Assert.IsType<CallAnalyticsJobPlan>((await PlanAsync(request)).Plan);

        Assert.Equal(["ALL"], plan.Redaction!.PiiEntityTypes);
        Assert.Equal(RedactionOutput.RedactedAndUnredacted, plan.Redaction.Output);
    }

    [Fact]
    public async Task Output_location_is_normalised_to_a_folder_and_uploads_go_to_its_bucket()
    {
        var request = CallRequest(_media.Wav("call.wav", channels: 2)) with { OutputBucket = null, OutputLocation = "s3://tps-calls/out" };

        var plan = Assert.IsType<CallAnalyticsJobPlan>((await PlanAsync(request)).Plan);

        Assert.Equal("s3://tps-calls/out/", plan.OutputLocation);
        Assert.Equal("tps-calls", plan.Upload!.Bucket);
    }

    [Fact]
    public async Task Call_without_output_uses_the_service_bucket_and_uploads_to_the_upload_bucket()
    {
        var request = CallRequest(_media.Wav("call.wav", channels: 2)) with { OutputBucket = null, UploadBucket = "tps-uploads" };

        var plan = Assert.IsType<CallAnalyticsJobPlan>((await PlanAsync(request)).Plan);

        Assert.Null(plan.OutputLocation);
        Assert.Equal("tps-uploads", plan.Upload!.Bucket);
        Assert.Null(plan.Redaction);
        Assert.Empty(plan.LanguageOptions);
    }

    [Fact]
    public async Task Vocabulary_filter_without_a_method_masks()
    {
        var plan = Assert.IsType<CallAnalyticsJobPlan>((await PlanAsync(CallRequest(_media.Wav("call.wav", channels: 2)) with { VocabularyFilterName = "profanity" })).Plan);

        Assert.Equal("profanity", plan.VocabularyFilterName);
        Assert.Equal(VocabularyFilterMethod.Mask, plan.VocabularyFilterMethod);
    }

    [Fact]
    public async Task Explicit_job_name_is_used_as_given()
    {
        var plan = (await PlanAsync(MedicalRequest(_media.Wav("visit.wav")) with { JobName = "clinic-2026-01-05.a_1" })).Plan!;

        Assert.Equal("clinic-2026-01-05.a_1", plan.JobName);
    }

    [Fact]
    public async Task Inspect_hashes_the_whole_file_and_reads_its_header()
    {
        string path = _media.Flac("call.flac", channels: 2, sampleRate: 44_100, seconds: 3);

        var local = await LocalMedia.InspectAsync(path, CancellationToken.None);

        Assert.NotNull(local);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant(), local.ContentSha256);
        Assert.Equal("flac", local.Facts.Format);
        Assert.Equal(44_100, local.Facts.SampleRateHertz);
        Assert.Equal(2, local.Facts.Channels);
        Assert.Equal(new FileInfo(path).Length, local.Facts.SizeBytes);
    }

    [Fact]
    public async Task Inspect_returns_null_for_a_missing_file()
    {
        Assert.Null(await LocalMedia.InspectAsync(Path.Combine(_media.Folder, "gone.wav"), CancellationToken.None));
    }
}
