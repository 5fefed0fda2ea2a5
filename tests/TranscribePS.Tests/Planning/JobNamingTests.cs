using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using static TranscribePS.Tests.Planning.PlanningTestData;

namespace TranscribePS.Tests.Planning;

public sealed class JobNamingTests : IDisposable
{
    private readonly PlanningMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public void Fingerprint_is_pinned_so_names_match_across_runs_and_machines()
    {
        string fingerprint = JobNaming.Fingerprint(
            JobKind.Medical,
            "sha256:" + new string('0', 64),
            [new("OutputBucket", "tps-output"), new("OutputKey", null), new("MaxSpeakerLabels", "2")]);

        Assert.Equal("9b1fa43582c7", fingerprint);
    }

    [Fact]
    public async Task Same_content_and_settings_give_the_same_name_wherever_the_file_is()
    {
        string first = _media.Wav("visit.wav");
        Directory.CreateDirectory(Path.Combine(_media.Folder, "copy"));
        string second = _media.Write(Path.Combine("copy", "visit.wav"), File.ReadAllBytes(first));

        var a = await PlanAsync(MedicalRequest(first));
        var b = await PlanAsync(MedicalRequest(second));

        Assert.Equal(a.Plan!.JobName, b.Plan!.JobName);
        Assert.Equal(a.Plan.Upload!.Key, b.Plan.Upload!.Key);
        Assert.Matches("^visit-[0-9a-f]{12}$", a.Plan.JobName);
    }

    [Fact]
    public async Task Different_content_gives_a_different_name()
    {
        string quiet = _media.Wav("visit.wav", seconds: 1.0);
        string longer = _media.Write("visit2.wav", File.ReadAllBytes(_media.Wav("tmp.wav", seconds: 2.0)));

        var a = await PlanAsync(MedicalRequest(quiet));
        var b = await PlanAsync(MedicalRequest(longer));

        Assert.NotEqual(Suffix(a.Plan!.JobName), Suffix(b.Plan!.JobName));
    }

    public static TheoryData<string> MedicalResultSettings() =>
        ["MaxSpeakers", "ChannelIdentification", "IdentifyPhi", "VocabularyName", "KmsKeyId", "OutputBucket", "OutputKeyPrefix"];

    [Theory]
    [MemberData(nameof(MedicalResultSettings))]
    public async Task Each_setting_that_changes_the_result_changes_the_medical_name(string setting)
    {
        var baseline = MedicalRequest(_media.Wav("visit.wav", channels: 2));
        var changed = setting switch
        {
            "MaxSpeakers" => baseline with { MaxSpeakers = 3 },
            "ChannelIdentification" => baseline with { ChannelIdentification = true },
            "IdentifyPhi" => baseline with { IdentifyPhi = true },
            "VocabularyName" => baseline with { VocabularyName = "cardiology" },
            "KmsKeyId" => baseline with { KmsKeyId = "alias/transcripts" },
            "OutputBucket" => baseline with { OutputBucket = "other-output", UploadBucket = OutputBucket },
            _ => baseline with { OutputKeyPrefix = "2026/" },
        };

        var a = await PlanAsync(baseline);
        var b = await PlanAsync(changed);

        Assert.NotEqual(a.Plan!.JobName, b.Plan!.JobName);
    }

    [Fact]
    public async Task Explicit_default_speaker_count_names_the_job_like_the_default()
    {
        var baseline = MedicalRequest(_media.Wav("visit.wav"));

        var a = await PlanAsync(baseline);
        var b = await PlanAsync(baseline with { MaxSpeakers = 2 });

        Assert.Equal(a.Plan!.JobName, b.Plan!.JobName);
    }

    public static TheoryData<string> CallAnalyticsResultSettings() =>
        ["AgentChannel", "LanguageOptions", "RedactPii", "PiiEntityTypes", "RedactionOutput", "RedactAudio", "Summarize", "VocabularyFilter", "FilterMethod", "OutputLocation"];

    [Theory]
    [MemberData(nameof(CallAnalyticsResultSettings))]
    public async Task Each_setting_that_changes_the_result_changes_the_call_analytics_name(string setting)
    {
        var baseline = CallRequest(_media.Wav("call.wav", channels: 2)) with { RedactPii = true, VocabularyFilterName = "profanity" };
        var changed = setting switch
        {
            "AgentChannel" => baseline with { AgentChannel = 1, CustomerChannel = 0 },
            "LanguageOptions" => baseline with { LanguageOptions = ["en-US", "es-US"] },
            "RedactPii" => baseline with { RedactPii = false },
            "PiiEntityTypes" => baseline with { PiiEntityTypes = ["NAME"] },
            "RedactionOutput" => baseline with { RedactionOutput = RedactionOutput.RedactedAndUnredacted },
            "RedactAudio" => baseline with { RedactAudio = true },
            "Summarize" => baseline with { Summarize = true },
            "VocabularyFilter" => baseline with { VocabularyFilterName = "other" },
            "FilterMethod" => baseline with { VocabularyFilterMethod = VocabularyFilterMethod.Tag },
            _ => baseline with { OutputKeyPrefix = "calls/" },
        };

        var a = await PlanAsync(baseline);
        var b = await PlanAsync(changed);

        Assert.NotEqual(a.Plan!.JobName, b.Plan!.JobName);
    }

    [Fact]
    public async Task Explicit_mask_names_the_job_like_a_filter_without_a_method()
    {
        var baseline = CallRequest(_media.Wav("call.wav", channels: 2)) with { VocabularyFilterName = "profanity" };

        var a = await PlanAsync(baseline);
        var b = await PlanAsync(baseline with { VocabularyFilterMethod = VocabularyFilterMethod.Mask });

        Assert.Equal(a.Plan!.JobName, b.Plan!.JobName);
    }

    [Fact]
    public async Task Tags_upload_location_role_and_force_do_not_change_the_name()
    {
        var baseline = CallRequest(_media.Wav("call.wav", channels: 2));
        var changed = baseline with
        {
            Tags = new Dictionary<string, string> { ["team"] = "support" },
            UploadBucket = "tps-uploads",
            UploadKeyPrefix = "incoming/",
            DataAccessRoleArn = "arn:aws:iam::123456789012:role/Transcribe",
            Force = true,
        };

        var a = await PlanAsync(baseline);
        var b = await PlanAsync(changed);

        Assert.Equal(a.Plan!.JobName, b.Plan!.JobName);
    }

    [Fact]
    public async Task Order_and_case_of_language_options_do_not_change_the_name()
    {
        var baseline = CallRequest(_media.Wav("call.wav", channels: 2));

        var a = await PlanAsync(baseline with { LanguageOptions = ["en-US", "es-US"] });
        var b = await PlanAsync(baseline with { LanguageOptions = ["ES-us", "en-US", "en-us"] });

        Assert.Equal(a.Plan!.JobName, b.Plan!.JobName);
    }

    [Fact]
    public async Task Medical_and_call_analytics_jobs_of_the_same_file_have_different_names()
    {
        string path = _media.Wav("call.wav", channels: 2);

        var medical = await PlanAsync(MedicalRequest(path));
        var call = await PlanAsync(CallRequest(path));

        Assert.NotEqual(medical.Plan!.JobName, call.Plan!.JobName);
    }

    [Fact]
    public void S3_media_is_named_by_its_normalised_uri()
    {
        MedicalConversationJobRequest Request(string uri) => new() { Media = MediaSource.FromUri(uri), OutputBucket = OutputBucket };

        var a = JobPlanner.Plan(Request("s3://tps-media/clinic/visit.wav"), null);
        var same = JobPlanner.Plan(Request("  S3://tps-media/clinic/visit.wav "), null);
        var url = JobPlanner.Plan(Request("https://tps-media.s3.eu-west-1.amazonaws.com/clinic/visit.wav"), null);
        var other = JobPlanner.Plan(Request("s3://tps-media/clinic-b/visit.wav"), null);

        Assert.Matches("^visit-[0-9a-f]{12}$", a.Plan!.JobName);
        Assert.Equal(a.Plan.JobName, same.Plan!.JobName);
        Assert.Equal(a.Plan.JobName, url.Plan!.JobName);
        Assert.Equal("s3://tps-media/clinic/visit.wav", url.Plan.MediaUri);
        Assert.NotEqual(a.Plan.JobName, other.Plan!.JobName);
    }

    [Theory]
    [InlineData("Café visit #3 (final)", "Cafe-visit-3-final")]
    [InlineData("Dr. Müller & Ñoño", "Dr.-Muller-Nono")]
    [InlineData("   spaced   out   ", "spaced-out")]
    [InlineData("a--b___c", "a-b___c")]
    [InlineData("...", "recording")]
    [InlineData("..", "recording")]
    [InlineData("", "recording")]
    [InlineData("日本語の会話", "recording")]
    [InlineData("2026-01-05_call.v2", "2026-01-05_call.v2")]
    public void Stems_are_sanitised_to_the_job_name_alphabet(string stem, string expected) =>
        Assert.Equal(expected, JobNaming.SanitizeStem(stem));

    [Fact]
    public void Long_stems_are_cut_so_the_name_is_200_characters_and_keeps_its_hash()
    {
        string fileName = new string('x', 150) + " " + new string('y', 150) + ".wav";

        string name = JobNaming.DeriveJobName(fileName, "0123456789ab");

        Assert.Equal(200, name.Length);
        Assert.EndsWith("-0123456789ab", name, StringComparison.Ordinal);
        Assert.StartsWith(new string('x', 150) + "-yyy", name, StringComparison.Ordinal);
        Assert.Null(JobRules.CheckJobName(name));
    }

    [Fact]
    public void Cut_never_leaves_a_separator_before_the_hash()
    {
        string fileName = new string('x', 186) + "-" + new string('y', 20) + ".wav";

        string name = JobNaming.DeriveJobName(fileName, "0123456789ab");

        Assert.Equal(new string('x', 186) + "-0123456789ab", name);
    }

    [Theory]
    [InlineData(".wav")]
    [InlineData("..wav")]
    [InlineData("...")]
    public void Derived_names_are_never_dots(string fileName)
    {
        string name = JobNaming.DeriveJobName(fileName, "0123456789ab");

        Assert.Equal("recording-0123456789ab", name);
    }

    [Fact]
    public void Upload_key_is_prefix_stem_content_hash_and_lower_case_extension()
    {
        string sha = "ABCDEF0123456789" + new string('0', 48);

        Assert.Equal("incoming/Visit-3-abcdef012345.wav", JobNaming.UploadKey("incoming", "Visit 3.WAV", sha));
        Assert.Equal("Visit-3-abcdef012345.wav", JobNaming.UploadKey(null, "Visit 3.WAV", sha));
        Assert.Equal("in/x-abcdef012345", JobNaming.UploadKey("in/", "x.w a v", sha));
    }

    private static string Suffix(string jobName) => jobName[(jobName.LastIndexOf('-') + 1)..];
}
