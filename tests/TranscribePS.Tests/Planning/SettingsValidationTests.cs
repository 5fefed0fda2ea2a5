using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using static TranscribePS.Tests.Planning.PlanningTestData;

namespace TranscribePS.Tests.Planning;

public sealed class SettingsValidationTests : IDisposable
{
    private readonly PlanningMedia _media = new();
    private readonly string _wav;
    private readonly string _stereo;

    public SettingsValidationTests()
    {
        _wav = _media.Wav("visit.wav");
        _stereo = _media.Wav("call.wav", channels: 2);
    }

    public void Dispose() => _media.Dispose();

    [Theory]
    [InlineData("ab")]
    [InlineData("My-Bucket")]
    [InlineData("-leading-hyphen")]
    [InlineData("trailing-dot.")]
    [InlineData("two..dots")]
    [InlineData("192.168.10.20")]
    [InlineData("xn--punycode")]
    [InlineData("sthree-bucket")]
    [InlineData("amzn-s3-demo-bucket")]
    [InlineData("my-bucket-s3alias")]
    [InlineData("my-bucket--ol-s3")]
    [InlineData("my-bucket.mrap")]
    [InlineData("under_score")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Invalid_output_bucket_is_InvalidBucketName(string bucket)
    {
        var problem = SingleProblem(await PlanAsync(MedicalRequest(_wav) with { OutputBucket = bucket }));

        Assert.Equal("InvalidBucketName", problem.ErrorId);
        Assert.Equal(bucket, problem.Target);
        Assert.Contains("-OutputBucket", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("my.bucket-1")]
    [InlineData("192.168.10.20x")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Valid_bucket_names_pass(string bucket) =>
        Assert.Null(JobRules.CheckBucketName(bucket, "OutputBucket"));

    [Fact]
    public async Task Invalid_upload_bucket_names_its_own_parameter()
    {
        var problem = SingleProblem(await PlanAsync(MedicalRequest(_wav) with { UploadBucket = "Uploads" }));

        Assert.Equal("InvalidBucketName", problem.ErrorId);
        Assert.Contains("-UploadBucket", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_bucket_in_a_media_uri_targets_the_uri()
    {
        var request = new MedicalConversationJobRequest { Media = MediaSource.FromUri("s3://Bad_Bucket/a.wav"), OutputBucket = OutputBucket };

        var problem = SingleProblem(JobPlanner.Plan(request, null));

        Assert.Equal("InvalidBucketName", problem.ErrorId);
        Assert.Equal("s3://Bad_Bucket/a.wav", problem.Target);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("has space")]
    [InlineData("Müller")]
    [InlineData("slash/name")]
    public async Task Invalid_explicit_job_name_is_InvalidJobName(string name)
    {
        var problem = SingleProblem(await PlanAsync(MedicalRequest(_wav) with { JobName = name }));

        Assert.Equal("InvalidJobName", problem.ErrorId);
        Assert.Equal(name, problem.Target);
    }

    [Fact]
    public async Task Job_name_of_201_characters_is_InvalidJobName_and_200_is_fine()
    {
        var tooLong = await PlanAsync(MedicalRequest(_wav) with { JobName = new string('j', 201) });
        var longest = await PlanAsync(MedicalRequest(_wav) with { JobName = new string('j', 200) });

        Assert.Equal("InvalidJobName", SingleProblem(tooLong).ErrorId);
        Assert.Equal(new string('j', 200), longest.Plan!.JobName);
    }

    [Theory]
    [InlineData("/absolute/")]
    [InlineData("double//slash/")]
    [InlineData("has space/")]
    [InlineData("percent%20/")]
    public async Task Invalid_key_prefixes_are_InvalidKeyPrefix(string prefix)
    {
        var output = SingleProblem(await PlanAsync(MedicalRequest(_wav) with { OutputKeyPrefix = prefix }));
        var upload = SingleProblem(await PlanAsync(MedicalRequest(_wav) with { UploadKeyPrefix = prefix }));

        Assert.Equal("InvalidKeyPrefix", output.ErrorId);
        Assert.Contains("-OutputKeyPrefix", output.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidKeyPrefix", upload.ErrorId);
        Assert.Contains("-UploadKeyPrefix", upload.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_prefix_over_800_characters_is_InvalidKeyPrefix()
    {
        var problem = SingleProblem(await PlanAsync(MedicalRequest(_wav) with { OutputKeyPrefix = new string('k', 801) }));

        Assert.Equal("InvalidKeyPrefix", problem.ErrorId);
    }

    [Theory]
    [InlineData("arn:aws:iam::12345:role/Short")]
    [InlineData("arn:aws:iam::123456789012:user/NotARole")]
    [InlineData("role/Transcribe")]
    [InlineData("arn:aws:iam::123456789012:role/")]
    [InlineData("arn:aws:s3:::bucket-name-long-enough")]
    public async Task Invalid_role_arn_is_InvalidRoleArn(string arn)
    {
        var problem = SingleProblem(await PlanAsync(CallRequest(_stereo) with { DataAccessRoleArn = arn }));

        Assert.Equal("InvalidRoleArn", problem.ErrorId);
        Assert.Equal(arn, problem.Target);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/TranscribeDataAccess")]
    [InlineData("arn:aws:iam::123456789012:role/service-role/Transcribe+Access@team")]
    [InlineData("arn:aws-us-gov:iam::123456789012:role/x")]
    [InlineData("arn:aws-cn:iam::123456789012:role/x")]
    public void Valid_role_arns_pass(string arn) => Assert.Null(JobRules.CheckRoleArn(arn));

    [Theory]
    [InlineData("not a key")]
    [InlineData("alias/")]
    [InlineData("1234abcd-12ab-34cd-56ef")]
    [InlineData("arn:aws:kms:us-east-1:123456789012:key/not-a-uuid")]
    [InlineData("arn:aws:kms:us-east-1:1234:alias/short-account")]
    public async Task Invalid_kms_key_is_InvalidKmsKeyId(string keyId)
    {
        var problem = SingleProblem(await PlanAsync(MedicalRequest(_wav) with { KmsKeyId = keyId }));

        Assert.Equal("InvalidKmsKeyId", problem.ErrorId);
    }

    [Theory]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("mrk-1234abcd12ab34cd56ef1234567890ab")]
    [InlineData("alias/transcripts")]
    [InlineData("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws:kms:eu-west-1:123456789012:alias/team/transcripts")]
    public void Valid_kms_key_forms_pass(string keyId) => Assert.Null(JobRules.CheckKmsKeyId(keyId));

    [Fact]
    public async Task Reserved_empty_and_long_tag_keys_and_long_values_are_InvalidTag()
    {
        var tags = new Dictionary<string, string>
        {
            ["aws:owner"] = "me",
            [""] = "empty key",
            [new string('k', 129)] = "long key",
            ["note"] = new string('v', 257),
            ["fine"] = string.Empty,
        };

        var result = await PlanAsync(MedicalRequest(_wav) with { Tags = tags });

        Assert.Equal(4, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Equal("InvalidTag", p.ErrorId));
        Assert.Contains(result.Problems, p => p.Target == "aws:owner");
        Assert.Contains(result.Problems, p => p.Target == "note" && p.Message.Contains("256", StringComparison.Ordinal));
    }

    [Fact]
    public async Task More_than_200_tags_is_TooManyTags()
    {
        var tags = Enumerable.Range(0, 201).ToDictionary(i => "k" + i, i => "v");

        var problem = SingleProblem(await PlanAsync(MedicalRequest(_wav) with { Tags = tags }));

        Assert.Equal("TooManyTags", problem.ErrorId);
        Assert.Equal(PlanProblemCategory.LimitsExceeded, problem.Category);
    }

    [Fact]
    public async Task Invalid_vocabulary_and_filter_names_have_their_own_ids()
    {
        var vocabulary = SingleProblem(await PlanAsync(CallRequest(_stereo) with { VocabularyName = "bad name" }));
        var filter = SingleProblem(await PlanAsync(CallRequest(_stereo) with { VocabularyFilterName = new string('f', 201) }));

        Assert.Equal("InvalidVocabularyName", vocabulary.ErrorId);
        Assert.Equal("InvalidVocabularyFilterName", filter.ErrorId);
    }

    [Fact]
    public async Task Filter_method_without_a_filter_is_refused()
    {
        var problem = SingleProblem(await PlanAsync(CallRequest(_stereo) with { VocabularyFilterMethod = VocabularyFilterMethod.Mask }));

        Assert.Equal("VocabularyFilterMethodWithoutFilter", problem.ErrorId);
    }

    [Fact]
    public async Task MaxSpeakers_with_ChannelIdentification_is_SpeakersAndChannels()
    {
        var problem = SingleProblem(await PlanAsync(MedicalRequest(_stereo) with { MaxSpeakers = 3, ChannelIdentification = true }));

        Assert.Equal("SpeakersAndChannels", problem.ErrorId);
    }

    [Fact]
    public async Task ChannelIdentification_on_a_mono_visit_is_NotStereo_and_points_at_MaxSpeakers()
    {
        var problem = SingleProblem(await PlanAsync(MedicalRequest(_wav) with { ChannelIdentification = true }));

        Assert.Equal("NotStereo", problem.ErrorId);
        Assert.Contains("Use -MaxSpeakers instead", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(-2)]
    public async Task MaxSpeakers_outside_2_to_30_is_MaxSpeakersOutOfRange(int speakers)
    {
        var problem = SingleProblem(await PlanAsync(MedicalRequest(_wav) with { MaxSpeakers = speakers }));

        Assert.Equal("MaxSpeakersOutOfRange", problem.ErrorId);
    }

    [Fact]
    public async Task Same_agent_and_customer_channel_is_refused()
    {
        var problem = SingleProblem(await PlanAsync(CallRequest(_stereo) with { AgentChannel = 1, CustomerChannel = 1 }));

        Assert.Equal("SameAgentCustomerChannel", problem.ErrorId);
    }

    [Theory]
    [InlineData(1, null, 1, 0)]
    [InlineData(0, null, 0, 1)]
    [InlineData(null, 0, 1, 0)]
    [InlineData(null, 1, 0, 1)]
    [InlineData(null, null, 0, 1)]
    public async Task A_channel_given_for_one_role_puts_the_other_role_on_the_other_channel(int? agent, int? customer, int agentPlanned, int customerPlanned)
    {
        var planned = await PlanAsync(CallRequest(_stereo) with { AgentChannel = agent, CustomerChannel = customer });

        var plan = Assert.IsType<CallAnalyticsJobPlan>(planned.Plan);
        Assert.Equal((agentPlanned, customerPlanned), (plan.AgentChannel, plan.CustomerChannel));
    }

    [Fact]
    public async Task Agent_channel_alone_names_the_job_as_both_channels_given_do()
    {
        var alone = await PlanAsync(CallRequest(_stereo) with { AgentChannel = 1 });
        var both = await PlanAsync(CallRequest(_stereo) with { AgentChannel = 1, CustomerChannel = 0 });

        Assert.Equal(both.Plan!.JobName, alone.Plan!.JobName);
    }

    [Fact]
    public async Task Channel_other_than_0_or_1_is_InvalidChannel()
    {
        var problem = SingleProblem(await PlanAsync(CallRequest(_stereo) with { CustomerChannel = 2 }));

        Assert.Equal("InvalidChannel", problem.ErrorId);
        Assert.Contains("-CustomerChannel", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_pii_entity_type_is_InvalidPiiEntityType_and_lists_the_valid_ones()
    {
        var problem = SingleProblem(await PlanAsync(CallRequest(_stereo) with { RedactPii = true, PiiEntityTypes = ["NAME", "SOCIAL"] }));

        Assert.Equal("InvalidPiiEntityType", problem.ErrorId);
        Assert.Equal("SOCIAL", problem.Target);
        Assert.Contains("CREDIT_DEBIT_NUMBER", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PiiEntityType")]
    [InlineData("RedactionOutput")]
    [InlineData("RedactAudio")]
    public async Task Redaction_options_without_RedactPii_are_refused(string parameter)
    {
        var request = parameter switch
        {
            "PiiEntityType" => CallRequest(_stereo) with { PiiEntityTypes = ["NAME"] },
            "RedactionOutput" => CallRequest(_stereo) with { RedactionOutput = RedactionOutput.RedactedAndUnredacted },
            _ => CallRequest(_stereo) with { RedactAudio = true },
        };

        var problem = SingleProblem(await PlanAsync(request));

        Assert.Equal("RedactionOptionWithoutRedactPii", problem.ErrorId);
        Assert.Contains("-" + parameter, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_language_option_is_InvalidLanguageOption()
    {
        var problem = SingleProblem(await PlanAsync(CallRequest(_stereo) with { LanguageOptions = ["en-US", "en-XX"] }));

        Assert.Equal("InvalidLanguageOption", problem.ErrorId);
        Assert.Equal("en-XX", problem.Target);
    }

    [Fact]
    public async Task Output_bucket_and_output_location_together_conflict()
    {
        var problem = SingleProblem(await PlanAsync(CallRequest(_stereo) with { OutputLocation = "s3://tps-output/calls/" }));

        Assert.Equal("OutputLocationConflict", problem.ErrorId);
    }

    [Theory]
    [InlineData("https://example.com/out/")]
    [InlineData("tps-output/calls")]
    [InlineData("s3://")]
    public async Task Output_location_that_is_not_s3_is_InvalidOutputLocation(string location)
    {
        var problem = SingleProblem(await PlanAsync(CallRequest(_stereo) with { OutputBucket = null, OutputLocation = location }));

        Assert.Equal("InvalidOutputLocation", problem.ErrorId);
    }

    [Fact]
    public async Task Output_key_prefix_without_a_bucket_is_refused()
    {
        var request = CallRequest(_stereo) with { OutputBucket = null, OutputKeyPrefix = "calls/", UploadBucket = "tps-uploads" };

        var problem = SingleProblem(await PlanAsync(request));

        Assert.Equal("OutputKeyPrefixWithoutBucket", problem.ErrorId);
    }

    [Theory]
    [InlineData("s3://tps-media/")]
    [InlineData("s3://tps-media")]
    [InlineData("https://example.com/a.wav")]
    [InlineData("https://tps-media.s3.amazonaws.com/a.wav?X-Amz-Signature=abc&X-Amz-Credential=x")]
    [InlineData("D:\\calls\\a.wav")]
    public void Media_uri_that_names_no_s3_object_is_InvalidMediaUri(string uri)
    {
        var request = new CallAnalyticsJobRequest { Media = MediaSource.FromUri(uri) };

        var problem = SingleProblem(JobPlanner.Plan(request, null));

        Assert.Equal("InvalidMediaUri", problem.ErrorId);
        Assert.Equal(uri, problem.Target);
    }

    [Fact]
    public async Task Local_call_without_any_bucket_is_UploadBucketMissing()
    {
        var problem = SingleProblem(await PlanAsync(CallRequest(_stereo) with { OutputBucket = null }));

        Assert.Equal("UploadBucketMissing", problem.ErrorId);
        Assert.Equal(_stereo, problem.Target);
        Assert.Contains("-UploadBucket", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_plan_lists_every_problem()
    {
        var request = new MedicalConversationJobRequest { Media = MediaSource.FromUri("s3://x"), OutputBucket = "B" };

        var result = JobPlanner.Plan(request, null);

        Assert.Null(result.Plan);
        Assert.Equal(["InvalidBucketName", "InvalidMediaUri"], result.Problems.Select(p => p.ErrorId).Order());
        Assert.Contains("'B'", new PlanProblemException(result.Problems).Message, StringComparison.Ordinal);
    }
}
