using System.Text.Json;
using System.Text.Json.Nodes;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Submission;

namespace TranscribePS.Tests.Planning;

public sealed class StartRequestsTests
{
    private const string MediaUri = "s3://tps-output/visit-abcdef012345.wav";

    [Fact]
    public void Medical_plan_becomes_a_primary_care_conversation_with_speaker_labels()
    {
        var plan = new MedicalJobPlan
        {
            JobName = "visit-1",
            Source = MediaSource.FromPath("/r/visit.wav"),
            MediaUri = MediaUri,
            MediaFormat = "wav",
            OutputBucket = "tps-output",
            OutputKey = "transcripts/",
            MaxSpeakerLabels = 2,
            IdentifyPhi = true,
            KmsKeyId = "alias/transcripts",
        };

        var json = Wire(StartRequests.ForMedical(plan));

        Assert.Equal("visit-1", (string?)json["MedicalTranscriptionJobName"]);
        Assert.Equal("en-US", (string?)json["LanguageCode"]);
        Assert.Equal("PRIMARYCARE", (string?)json["Specialty"]);
        Assert.Equal("CONVERSATION", (string?)json["Type"]);
        Assert.Equal("wav", (string?)json["MediaFormat"]);
        Assert.Equal(MediaUri, (string?)json["Media"]!["MediaFileUri"]);
        Assert.Equal("tps-output", (string?)json["OutputBucketName"]);
        Assert.Equal("transcripts/", (string?)json["OutputKey"]);
        Assert.Equal("alias/transcripts", (string?)json["OutputEncryptionKMSKeyId"]);
        Assert.Equal("PHI", (string?)json["ContentIdentificationType"]);
        Assert.True((bool?)json["Settings"]!["ShowSpeakerLabels"]);
        Assert.Equal(2, (int?)json["Settings"]!["MaxSpeakerLabels"]);
        Assert.Null(json["Settings"]!["ChannelIdentification"]);
        Assert.Null(json["MediaSampleRateHertz"]);
        Assert.Null(json["Tags"]);
    }

    [Fact]
    public void Medical_channel_identification_sends_no_speaker_settings()
    {
        var plan = new MedicalJobPlan
        {
            JobName = "visit-1",
            Source = MediaSource.FromUri(MediaUri),
            MediaUri = MediaUri,
            OutputBucket = "tps-output",
            ChannelIdentification = true,
            Tags = new Dictionary<string, string> { ["team"] = "clinic" },
        };

        var json = Wire(StartRequests.ForMedical(plan));

        Assert.True((bool?)json["Settings"]!["ChannelIdentification"]);
        Assert.Null(json["Settings"]!["ShowSpeakerLabels"]);
        Assert.Null(json["Settings"]!["MaxSpeakerLabels"]);
        Assert.Null(json["MediaFormat"]);
        Assert.Null(json["ContentIdentificationType"]);
        Assert.Equal("""[{"Key":"team","Value":"clinic"}]""", json["Tags"]!.ToJsonString());
    }

    [Fact]
    public void Call_analytics_plan_maps_channels_redaction_summary_and_filters()
    {
        var plan = new CallAnalyticsJobPlan
        {
            JobName = "call-1",
            Source = MediaSource.FromUri(MediaUri),
            MediaUri = MediaUri,
            OutputLocation = "s3://tps-output/calls/",
            DataAccessRoleArn = "arn:aws:iam::123456789012:role/Transcribe",
            AgentChannel = 1,
            CustomerChannel = 0,
            LanguageOptions = ["en-US", "es-US"],
            Redaction = new PiiRedaction(RedactionOutput.RedactedAndUnredacted, ["NAME", "SSN"]),
            RedactAudio = true,
            Summarize = true,
            VocabularyFilterName = "profanity",
            VocabularyFilterMethod = VocabularyFilterMethod.Mask,
            Tags = new Dictionary<string, string> { ["z"] = "1", ["a"] = "2" },
        };

        var json = Wire(StartRequests.ForCallAnalytics(plan));

        Assert.Equal("call-1", (string?)json["CallAnalyticsJobName"]);
        Assert.Equal(MediaUri, (string?)json["Media"]!["MediaFileUri"]);
        Assert.Equal("s3://tps-output/calls/", (string?)json["Media"]!["RedactedMediaFileUri"]);
        Assert.Equal("s3://tps-output/calls/", (string?)json["OutputLocation"]);
        Assert.Equal("arn:aws:iam::123456789012:role/Transcribe", (string?)json["DataAccessRoleArn"]);
        Assert.Equal("""[{"ChannelId":1,"ParticipantRole":"AGENT"},{"ChannelId":0,"ParticipantRole":"CUSTOMER"}]""", json["ChannelDefinitions"]!.ToJsonString());
        var settings = json["Settings"]!;
        Assert.Equal("""["en-US","es-US"]""", settings["LanguageOptions"]!.ToJsonString());
        Assert.Equal("""{"RedactionType":"PII","RedactionOutput":"redacted_and_unredacted","PiiEntityTypes":["NAME","SSN"]}""", settings["ContentRedaction"]!.ToJsonString());
        Assert.True((bool?)settings["Summarization"]!["GenerateAbstractiveSummary"]);
        Assert.Equal("profanity", (string?)settings["VocabularyFilterName"]);
        Assert.Equal("mask", (string?)settings["VocabularyFilterMethod"]);
        Assert.Equal("""[{"Key":"a","Value":"2"},{"Key":"z","Value":"1"}]""", json["Tags"]!.ToJsonString());
    }

    [Fact]
    public void Plain_call_sends_default_channels_and_no_settings_or_output()
    {
        var plan = new CallAnalyticsJobPlan { JobName = "call-1", Source = MediaSource.FromUri(MediaUri), MediaUri = MediaUri };

        var json = Wire(StartRequests.ForCallAnalytics(plan));

        Assert.Equal("""[{"ChannelId":0,"ParticipantRole":"AGENT"},{"ChannelId":1,"ParticipantRole":"CUSTOMER"}]""", json["ChannelDefinitions"]!.ToJsonString());
        Assert.Null(json["Settings"]);
        Assert.Null(json["OutputLocation"]);
        Assert.Null(json["Media"]!["RedactedMediaFileUri"]);
    }

    private static JsonObject Wire<T>(T request) =>
        JsonNode.Parse(JsonSerializer.Serialize(request, WireJson.Options))!.AsObject();
}
