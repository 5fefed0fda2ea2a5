namespace TranscribePS.Emulator.Tests.Transcribe;

public class ValidationTests
{
    private const string Media = "s3://media-in/visit.wav";

    private static Dictionary<string, object?> Medical(params (string Key, object? Value)[] changes)
    {
        var request = new Dictionary<string, object?>
        {
            ["MedicalTranscriptionJobName"] = "visit",
            ["LanguageCode"] = "en-US",
            ["Media"] = new { MediaFileUri = Media },
            ["OutputBucketName"] = TranscribeHarness.OutputBucket,
            ["Specialty"] = "PRIMARYCARE",
            ["Type"] = "CONVERSATION",
        };
        foreach (var (key, value) in changes)
        {
            request[key] = value;
        }

        return TranscribeHarness.Without(request);
    }

    private static Dictionary<string, object?> CallAnalytics(params (string Key, object? Value)[] changes)
    {
        var request = new Dictionary<string, object?>(TranscribeHarness.CallAnalyticsRequest("call", "s3://media-in/call.wav"));
        foreach (var (key, value) in changes)
        {
            request[key] = value;
        }

        return TranscribeHarness.Without(request);
    }

    [Theory]
    [InlineData("MedicalTranscriptionJobName", "medicalTranscriptionJobName")]
    [InlineData("LanguageCode", "languageCode")]
    [InlineData("Media", "media")]
    [InlineData("OutputBucketName", "outputBucketName")]
    [InlineData("Specialty", "specialty")]
    [InlineData("Type", "type")]
    public async Task Medical_start_without_a_required_member_is_refused_naming_it(string member, string path)
    {
        var error = await new TranscribeHarness().FailsAsync("StartMedicalTranscriptionJob", Medical((member, null)));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal($"1 validation error detected: Value null at '{path}' failed to satisfy constraint: Member must not be null", error.Message);
    }

    [Theory]
    [InlineData("has space", "Member must satisfy regular expression pattern: ^[0-9a-zA-Z._-]+")]
    [InlineData("slash/name", "Member must satisfy regular expression pattern: ^[0-9a-zA-Z._-]+")]
    [InlineData("", "Member must have length greater than or equal to 1")]
    public async Task Job_names_outside_the_pattern_or_length_are_refused(string name, string constraint)
    {
        var error = await new TranscribeHarness().FailsAsync("StartMedicalTranscriptionJob", Medical(("MedicalTranscriptionJobName", name)));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains($"Value '{name}' at 'medicalTranscriptionJobName' failed to satisfy constraint: {constraint}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_name_of_201_characters_is_refused_and_200_is_accepted()
    {
        var emulator = new TranscribeHarness();
        var error = await emulator.FailsAsync("StartMedicalTranscriptionJob", Medical(("MedicalTranscriptionJobName", new string('a', 201))));
        Assert.Contains("Member must have length less than or equal to 200", error.Message, StringComparison.Ordinal);

        emulator.PutWav("visit.wav", 5);
        var started = await emulator.CallAsync("StartMedicalTranscriptionJob", Medical(("MedicalTranscriptionJobName", new string('a', 200))));
        Assert.Equal(200, started["MedicalTranscriptionJob"]!["MedicalTranscriptionJobName"]!.GetValue<string>().Length);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Dot_names_are_refused(string name)
    {
        var error = await new TranscribeHarness().FailsAsync("StartCallAnalyticsJob", CallAnalytics(("CallAnalyticsJobName", name)));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains("can't be \".\" or \"..\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_problems_are_reported_together_as_the_service_does()
    {
        var error = await new TranscribeHarness().FailsAsync("StartMedicalTranscriptionJob", Medical(("Specialty", "CARDIOLOGY"), ("Type", null)));

        Assert.StartsWith("2 validation errors detected: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Value 'CARDIOLOGY' at 'specialty' failed to satisfy constraint: Member must satisfy enum value set: [PRIMARYCARE]", error.Message, StringComparison.Ordinal);
        Assert.Contains("Value null at 'type'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "isn't supported for medical transcription")]
    [InlineData("xx-XX", "Member must satisfy enum value set")]
    public async Task Medical_language_must_be_us_english(string language, string expected)
    {
        var error = await new TranscribeHarness().FailsAsync("StartMedicalTranscriptionJob", Medical(("LanguageCode", language)));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Medical_sample_rate_below_16_kHz_is_refused_by_the_model_range()
    {
        var error = await new TranscribeHarness().FailsAsync("StartMedicalTranscriptionJob", Medical(("MediaSampleRateHertz", 8000)));

        Assert.Contains("Value '8000' at 'mediaSampleRateHertz' failed to satisfy constraint: Member must have value greater than or equal to 16000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speaker_labels_without_a_maximum_are_refused()
    {
        var error = await new TranscribeHarness().FailsAsync("StartMedicalTranscriptionJob", Medical(("Settings", new { ShowSpeakerLabels = true })));

        Assert.Contains("you must also set MaxSpeakerLabels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speaker_maximum_without_speaker_labels_is_refused()
    {
        var error = await new TranscribeHarness().FailsAsync("StartMedicalTranscriptionJob", Medical(("Settings", new { MaxSpeakerLabels = 2 })));

        Assert.Contains("MaxSpeakerLabels can only be set when ShowSpeakerLabels is true", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "greater than or equal to 2")]
    [InlineData(31, "less than or equal to 30")]
    public async Task Speaker_maximum_outside_2_to_30_is_refused(int maximum, string constraint)
    {
        var error = await new TranscribeHarness().FailsAsync("StartMedicalTranscriptionJob", Medical(("Settings", new { ShowSpeakerLabels = true, MaxSpeakerLabels = maximum })));

        Assert.Contains($"at 'settings.maxSpeakerLabels' failed to satisfy constraint: Member must have value {constraint}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speaker_labels_and_channel_identification_together_are_refused()
    {
        var error = await new TranscribeHarness().FailsAsync("StartMedicalTranscriptionJob", Medical(("Settings", new { ShowSpeakerLabels = true, MaxSpeakerLabels = 2, ChannelIdentification = true })));

        Assert.Contains("can't use speaker partitioning (ShowSpeakerLabels) and channel identification", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_analytics_needs_exactly_two_channel_definitions()
    {
        var error = await new TranscribeHarness().FailsAsync("StartCallAnalyticsJob", CallAnalytics(("ChannelDefinitions", new object[] { new { ChannelId = 0, ParticipantRole = "AGENT" } })));

        Assert.Contains("at 'channelDefinitions' failed to satisfy constraint: Member must have length greater than or equal to 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "AGENT", 0, "CUSTOMER")]
    [InlineData(0, "AGENT", 1, "AGENT")]
    public async Task Call_analytics_channel_definitions_need_both_channels_and_both_roles(int firstId, string firstRole, int secondId, string secondRole)
    {
        var definitions = new object[] { new { ChannelId = firstId, ParticipantRole = firstRole }, new { ChannelId = secondId, ParticipantRole = secondRole } };
        var error = await new TranscribeHarness().FailsAsync("StartCallAnalyticsJob", CallAnalytics(("ChannelDefinitions", definitions)));

        Assert.Contains("ChannelDefinitions must have two entries: ChannelId 0 and 1, one with ParticipantRole AGENT and one with CUSTOMER", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_analytics_output_location_must_be_an_s3_uri()
    {
        var error = await new TranscribeHarness().FailsAsync("StartCallAnalyticsJob", CallAnalytics(("OutputLocation", "https://s3.us-east-1.amazonaws.com/transcripts-out/calls/")));

        Assert.Contains("OutputLocation must be an S3 URI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_analytics_content_redaction_needs_its_output_member()
    {
        var error = await new TranscribeHarness().FailsAsync("StartCallAnalyticsJob", CallAnalytics(("Settings", new { ContentRedaction = new { RedactionType = "PII" } })));

        Assert.Contains("Value null at 'settings.contentRedaction.redactionOutput'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_analytics_pii_types_cannot_mix_all_with_named_types()
    {
        var redaction = new { ContentRedaction = new { RedactionType = "PII", RedactionOutput = "redacted", PiiEntityTypes = new[] { "ALL", "NAME" } } };
        var error = await new TranscribeHarness().FailsAsync("StartCallAnalyticsJob", CallAnalytics(("Settings", redaction)));

        Assert.Contains("can't combine ALL with other types", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_analytics_role_arn_must_look_like_an_iam_role()
    {
        var error = await new TranscribeHarness().FailsAsync("StartCallAnalyticsJob", CallAnalytics(("DataAccessRoleArn", "arn:aws:s3:::not-a-role-at-all")));

        Assert.Contains("at 'dataAccessRoleArn' failed to satisfy constraint: Member must satisfy regular expression pattern", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Media_that_is_not_an_s3_object_is_refused_at_start()
    {
        var error = await new TranscribeHarness().FailsAsync("StartMedicalTranscriptionJob", Medical(("Media", new { MediaFileUri = "https://example.com/visit.wav" })));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains("doesn't point to an S3 object", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "greater than or equal to 1")]
    [InlineData(101, "less than or equal to 100")]
    public async Task List_max_results_outside_1_to_100_is_refused(int maxResults, string constraint)
    {
        var error = await new TranscribeHarness().FailsAsync("ListCallAnalyticsJobs", new { MaxResults = maxResults });

        Assert.Contains($"at 'maxResults' failed to satisfy constraint: Member must have value {constraint}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_status_must_be_a_job_status()
    {
        var error = await new TranscribeHarness().FailsAsync("ListMedicalTranscriptionJobs", new { Status = "DONE" });

        Assert.Contains("Member must satisfy enum value set: [QUEUED, IN_PROGRESS, FAILED, COMPLETED]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_token_the_service_did_not_issue_is_refused()
    {
        var error = await new TranscribeHarness().FailsAsync("ListMedicalTranscriptionJobs", new { NextToken = "bm90IGEgdG9rZW4=" });

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains("NextToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_of_the_wrong_json_type_is_a_serialization_error()
    {
        var error = await new TranscribeHarness().FailsAsync("ListMedicalTranscriptionJobs", new { MaxResults = "ten" });

        Assert.Equal("SerializationException", error.ErrorType);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task Unknown_operation_is_refused()
    {
        var error = await new TranscribeHarness().FailsAsync("StartVocabularyJob", new { });

        Assert.Equal("UnknownOperationException", error.ErrorType);
    }

    [Fact]
    public async Task Standard_job_needs_exactly_one_way_to_choose_its_language()
    {
        var emulator = new TranscribeHarness();
        var none = await emulator.FailsAsync("StartTranscriptionJob", new { TranscriptionJobName = "std", Media = new { MediaFileUri = Media } });
        var both = await emulator.FailsAsync("StartTranscriptionJob", new { TranscriptionJobName = "std", LanguageCode = "en-US", IdentifyLanguage = true, Media = new { MediaFileUri = Media } });

        Assert.Contains("exactly one of LanguageCode, IdentifyLanguage or IdentifyMultipleLanguages", none.Message, StringComparison.Ordinal);
        Assert.Contains("exactly one of LanguageCode, IdentifyLanguage or IdentifyMultipleLanguages", both.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scribe_job_needs_exactly_one_of_speaker_labels_or_channel_identification()
    {
        var error = await new TranscribeHarness().FailsAsync("StartMedicalScribeJob", new
        {
            MedicalScribeJobName = "scribe",
            Media = new { MediaFileUri = Media },
            OutputBucketName = TranscribeHarness.OutputBucket,
            DataAccessRoleArn = TranscribeHarness.RoleArn,
            Settings = new { },
        });

        Assert.Contains("exactly one of ShowSpeakerLabels or ChannelIdentification", error.Message, StringComparison.Ordinal);
    }
}
