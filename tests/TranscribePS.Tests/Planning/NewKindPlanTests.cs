using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Submission;
using static TranscribePS.Tests.Planning.PlanningTestData;

namespace TranscribePS.Tests.Planning;

/// <summary>Planning HealthScribe and standard jobs: what the service would refuse is refused first, with ErrorIds.</summary>
public sealed class NewKindPlanTests : IDisposable
{
    private const string Role = "arn:aws:iam::123456789012:role/HealthScribeAccess";

    private readonly PlanningMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task A_visit_is_planned_with_two_speakers_and_the_default_note_template()
    {
        var plan = Assert.IsType<MedicalScribeJobPlan>((await PlanAsync(Scribe(_media.Wav("visit.wav")))).Plan);
        var wire = StartRequests.ForScribe(plan);

        Assert.Equal(JobKind.Scribe, plan.Kind);
        Assert.StartsWith("visit-", plan.JobName, StringComparison.Ordinal);
        Assert.Equal(true, wire.Settings.ShowSpeakerLabels);
        Assert.Equal(2, wire.Settings.MaxSpeakerLabels);
        Assert.Equal(false, wire.Settings.ChannelIdentification);
        Assert.Null(wire.ChannelDefinitions);
        Assert.Equal("HISTORY_AND_PHYSICAL", wire.Settings.ClinicalNoteGenerationSettings!.NoteTemplate);
        Assert.Equal(Role, wire.DataAccessRoleArn);
        Assert.Equal(OutputBucket, wire.OutputBucketName);
        Assert.StartsWith("s3://" + OutputBucket + "/visit-", wire.Media.MediaFileUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, null, 1, 0)]
    [InlineData(null, 0, 1, 0)]
    [InlineData(0, 1, 0, 1)]
    public async Task One_channel_parameter_gives_the_other_role_the_other_channel(int? clinician, int? patient, int expectedClinician, int expectedPatient)
    {
        var plan = Assert.IsType<MedicalScribeJobPlan>((await PlanAsync(Scribe(_media.Wav("visit.wav", channels: 2)) with { ClinicianChannel = clinician, PatientChannel = patient })).Plan);
        var wire = StartRequests.ForScribe(plan);

        Assert.Equal(false, wire.Settings.ShowSpeakerLabels);
        Assert.Null(wire.Settings.MaxSpeakerLabels);
        Assert.Equal(true, wire.Settings.ChannelIdentification);
        Assert.Equal([(expectedClinician, MedicalScribeParticipantRole.Clinician), (expectedPatient, MedicalScribeParticipantRole.Patient)], wire.ChannelDefinitions!.Select(d => (d.ChannelId, d.ParticipantRole)));
    }

    [Fact]
    public async Task The_note_template_is_taken_in_any_case_and_changes_the_job_name()
    {
        string path = _media.Wav("visit.wav");

        var history = (await PlanAsync(Scribe(path))).Plan!;
        var explicitDefault = (await PlanAsync(Scribe(path) with { NoteTemplate = "history_and_physical" })).Plan!;
        var soap = Assert.IsType<MedicalScribeJobPlan>((await PlanAsync(Scribe(path) with { NoteTemplate = "physical_soap" })).Plan);

        Assert.Equal(history.JobName, explicitDefault.JobName);
        Assert.NotEqual(history.JobName, soap.JobName);
        Assert.Equal("PHYSICAL_SOAP", soap.NoteTemplate);
    }

    [Theory]
    [InlineData("Scribe8k", "SampleRateTooLow")]
    [InlineData("ScribeMonoChannels", "NotStereo")]
    [InlineData("ScribeBadRole", "InvalidRoleArn")]
    [InlineData("ScribeSpeakersAndChannels", "SpeakersAndChannels")]
    [InlineData("ScribeSameChannel", "SameClinicianPatientChannel")]
    [InlineData("ScribeChannel2", "InvalidChannel")]
    [InlineData("ScribeTemplate", "InvalidNoteTemplate")]
    [InlineData("Standard6k", "SampleRateTooLow")]
    [InlineData("StandardLanguageAndIdentify", "LanguageCodeAndIdentification")]
    [InlineData("StandardBothIdentify", "IdentifyLanguageConflict")]
    [InlineData("StandardOptionsWithoutIdentify", "LanguageOptionsWithoutIdentification")]
    [InlineData("StandardOneOption", "TooFewLanguageOptions")]
    [InlineData("StandardUnknownLanguage", "InvalidLanguageCode")]
    [InlineData("StandardVocabularyIdentify", "VocabularyWithLanguageIdentification")]
    [InlineData("StandardRedactIdentify", "RedactionWithLanguageIdentification")]
    [InlineData("StandardRedactJapanese", "RedactionLanguageUnsupported")]
    [InlineData("StandardTypesWithoutRedact", "RedactionOptionWithoutRedactPii")]
    [InlineData("StandardStartIndexAlone", "SubtitleStartIndexWithoutSubtitle")]
    [InlineData("StandardStartIndex2", "InvalidSubtitleStartIndex")]
    [InlineData("StandardSpeakersAndChannels", "SpeakersAndChannels")]
    [InlineData("StandardChannelsOnMono", "NotStereo")]
    [InlineData("StandardChannelsOnSix", "TooManyChannels")]
    [InlineData("StandardPrefixWithoutBucket", "OutputKeyPrefixWithoutBucket")]
    [InlineData("StandardKmsWithoutBucket", "KmsKeyWithoutOutputBucket")]
    [InlineData("StandardLocalWithoutBucket", "UploadBucketMissing")]
    public async Task What_the_service_refuses_is_one_problem_with_its_ErrorId(string scenario, string errorId)
    {
        string mono = _media.Wav("a.wav");
        TranscribeJobRequest request = scenario switch
        {
            "Scribe8k" => Scribe(_media.Wav("phone.wav", sampleRate: 8000)),
            "ScribeMonoChannels" => Scribe(mono) with { ClinicianChannel = 0 },
            "ScribeBadRole" => Scribe(mono) with { DataAccessRoleArn = "HealthScribeAccess" },
            "ScribeSpeakersAndChannels" => Scribe(_media.Wav("s.wav", channels: 2)) with { MaxSpeakers = 3, PatientChannel = 1 },
            "ScribeSameChannel" => Scribe(_media.Wav("s.wav", channels: 2)) with { ClinicianChannel = 1, PatientChannel = 1 },
            "ScribeChannel2" => Scribe(_media.Wav("s.wav", channels: 2)) with { ClinicianChannel = 0, PatientChannel = 2 },
            "ScribeTemplate" => Scribe(mono) with { NoteTemplate = "SOAP" },
            "Standard6k" => Standard(_media.Wav("old.wav", sampleRate: 6000)),
            "StandardLanguageAndIdentify" => Standard(mono) with { LanguageCode = "en-US", IdentifyLanguage = true },
            "StandardBothIdentify" => Standard(mono) with { IdentifyLanguage = true, IdentifyMultipleLanguages = true },
            "StandardOptionsWithoutIdentify" => Standard(mono) with { LanguageOptions = ["en-US", "es-US"] },
            "StandardOneOption" => Standard(mono) with { IdentifyLanguage = true, LanguageOptions = ["en-US"] },
            "StandardUnknownLanguage" => Standard(mono) with { LanguageCode = "xx-YY" },
            "StandardVocabularyIdentify" => Standard(mono) with { IdentifyLanguage = true, VocabularyName = "support-terms" },
            "StandardRedactIdentify" => Standard(mono) with { IdentifyMultipleLanguages = true, RedactPii = true },
            "StandardRedactJapanese" => Standard(mono) with { LanguageCode = "ja-JP", RedactPii = true },
            "StandardTypesWithoutRedact" => Standard(mono) with { PiiEntityTypes = ["NAME"] },
            "StandardStartIndexAlone" => Standard(mono) with { SubtitleStartIndex = 1 },
            "StandardStartIndex2" => Standard(mono) with { SubtitleFormats = [SubtitleFormat.Srt], SubtitleStartIndex = 2 },
            "StandardSpeakersAndChannels" => Standard(_media.Wav("s.wav", channels: 2)) with { MaxSpeakers = 2, ChannelIdentification = true },
            "StandardChannelsOnMono" => Standard(mono) with { ChannelIdentification = true },
            "StandardChannelsOnSix" => Standard(_media.Wav("six.wav", channels: 6)) with { ChannelIdentification = true },
            "StandardPrefixWithoutBucket" => Standard(mono) with { OutputBucket = null, UploadBucket = OutputBucket, OutputKeyPrefix = "calls/" },
            "StandardKmsWithoutBucket" => Standard(mono) with { OutputBucket = null, UploadBucket = OutputBucket, KmsKeyId = "alias/transcripts" },
            "StandardLocalWithoutBucket" => Standard(mono) with { OutputBucket = null },
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

        var problem = SingleProblem(await PlanAsync(request));

        Assert.Equal(errorId, problem.ErrorId);
        Assert.DoesNotContain("..", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mono_8_kHz_call_is_planned_in_en_US_with_two_speakers_and_no_subtitles()
    {
        var plan = Assert.IsType<StandardJobPlan>((await PlanAsync(Standard(_media.Wav("call.wav", sampleRate: 8000)))).Plan);
        var wire = StartRequests.ForStandard(plan);

        Assert.Equal("en-US", wire.LanguageCode);
        Assert.Null(wire.IdentifyLanguage);
        Assert.Null(wire.LanguageOptions);
        Assert.Equal(true, wire.Settings!.ShowSpeakerLabels);
        Assert.Equal(2, wire.Settings.MaxSpeakerLabels);
        Assert.Null(wire.Settings.ChannelIdentification);
        Assert.Null(wire.Subtitles);
        Assert.Null(wire.ContentRedaction);
        Assert.Equal("wav", wire.MediaFormat);
        Assert.Null(wire.MediaSampleRateHertz);
        Assert.Equal(OutputBucket, wire.OutputBucketName);
    }

    [Fact]
    public async Task Identification_subtitles_and_redaction_reach_the_wire_as_the_service_names_them()
    {
        string path = _media.Wav("call.wav", channels: 2);
        var identify = StartRequests.ForStandard(Assert.IsType<StandardJobPlan>((await PlanAsync(Standard(path) with
        {
            IdentifyMultipleLanguages = true,
            LanguageOptions = ["ES-us", "en-US", "en-us"],
            ChannelIdentification = true,
            SubtitleFormats = [SubtitleFormat.Vtt, SubtitleFormat.Srt, SubtitleFormat.Srt],
            SubtitleStartIndex = 1,
        })).Plan));
        var redact = StartRequests.ForStandard(Assert.IsType<StandardJobPlan>((await PlanAsync(Standard(path) with
        {
            LanguageCode = "es-US",
            RedactPii = true,
            PiiEntityTypes = ["name", "ALL"],
            RedactionOutput = RedactionOutput.RedactedAndUnredacted,
        })).Plan));

        Assert.Null(identify.LanguageCode);
        Assert.Equal(true, identify.IdentifyMultipleLanguages);
        Assert.Equal(["en-US", "es-US"], identify.LanguageOptions);
        Assert.Equal(true, identify.Settings!.ChannelIdentification);
        Assert.Null(identify.Settings.ShowSpeakerLabels);
        Assert.Equal([SubtitleFormat.Vtt, SubtitleFormat.Srt], identify.Subtitles!.Formats);
        Assert.Equal(1, identify.Subtitles.OutputStartIndex);
        Assert.Equal("es-US", redact.LanguageCode);
        Assert.Equal(RedactionOutput.RedactedAndUnredacted, redact.ContentRedaction!.RedactionOutput);
        Assert.Equal(["ALL"], redact.ContentRedaction.PiiEntityTypes);
    }

    [Fact]
    public async Task Settings_that_change_the_result_change_the_name_and_the_order_of_values_does_not()
    {
        string path = _media.Wav("call.wav");

        async Task<string> Name(StandardJobRequest request) => (await PlanAsync(request)).Plan!.JobName;
        string plain = await Name(Standard(path));

        Assert.Equal(plain, await Name(Standard(path) with { LanguageCode = "en-us" }));
        Assert.NotEqual(plain, await Name(Standard(path) with { LanguageCode = "en-GB" }));
        Assert.NotEqual(plain, await Name(Standard(path) with { SubtitleFormats = [SubtitleFormat.Srt] }));
        Assert.Equal(
            await Name(Standard(path) with { SubtitleFormats = [SubtitleFormat.Srt, SubtitleFormat.Vtt] }),
            await Name(Standard(path) with { SubtitleFormats = [SubtitleFormat.Vtt, SubtitleFormat.Srt], SubtitleStartIndex = 0 }));
        Assert.NotEqual(plain, (await PlanAsync(Scribe(path))).Plan!.JobName);
    }

    [Fact]
    public async Task Output_in_the_service_bucket_needs_only_an_upload_bucket_for_a_local_file_and_none_for_S3_media()
    {
        var local = Assert.IsType<StandardJobPlan>((await PlanAsync(Standard(_media.Wav("call.wav")) with { OutputBucket = null, UploadBucket = "tps-uploads" })).Plan);
        var remote = Assert.IsType<StandardJobPlan>((await PlanAsync(new StandardJobRequest { Media = MediaSource.FromUri("s3://calls-in/2026/call-1.wav") })).Plan);

        Assert.Null(StartRequests.ForStandard(local).OutputBucketName);
        Assert.StartsWith("s3://tps-uploads/call-", local.MediaUri, StringComparison.Ordinal);
        Assert.Null(remote.Upload);
        Assert.Equal("s3://calls-in/2026/call-1.wav", StartRequests.ForStandard(remote).Media.MediaFileUri);
    }

    private static MedicalScribeJobRequest Scribe(string path) =>
        new() { Media = MediaSource.FromPath(path), OutputBucket = OutputBucket, DataAccessRoleArn = Role };

    private static StandardJobRequest Standard(string path) =>
        new() { Media = MediaSource.FromPath(path), OutputBucket = OutputBucket };
}
