using System.Collections;
using System.Management.Automation;
using TranscribePS.Commands;
using TranscribePS.Core.Analytics;
using TranscribePS.Core.Transcripts;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

public sealed class TranscriptCmdletTests : IDisposable
{
    private const string Transcript = """
        {"jobName":"visit-0412","accountId":"123456789012","status":"COMPLETED","results":{
          "transcripts":[{"transcript":"Hello, doctor. Hi."}],
          "items":[
            {"start_time":"0.10","end_time":"0.50","alternatives":[{"confidence":"0.99","content":"Hello"}],"type":"pronunciation","speaker_label":"spk_0"},
            {"alternatives":[{"confidence":"0.0","content":","}],"type":"punctuation","speaker_label":"spk_0"},
            {"start_time":"0.60","end_time":"1.00","alternatives":[{"confidence":"0.90","content":"doctor"}],"type":"pronunciation","speaker_label":"spk_0"},
            {"alternatives":[{"confidence":"0.0","content":"."}],"type":"punctuation","speaker_label":"spk_0"},
            {"start_time":"1.20","end_time":"1.40","alternatives":[{"confidence":"0.80","content":"Hi"}],"type":"pronunciation","speaker_label":"spk_1"},
            {"alternatives":[{"confidence":"0.0","content":"."}],"type":"punctuation","speaker_label":"spk_1"}]}}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("tps-cmdlets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Items_come_from_every_matching_file_and_a_file_that_is_no_transcript_gives_one_error_naming_it()
    {
        File.WriteAllText(Path.Combine(_folder, "a.json"), Transcript);
        File.WriteAllText(Path.Combine(_folder, "b.json"), """{"hello":"world"}""");
        File.WriteAllText(Path.Combine(_folder, "c.json"), Transcript.Replace("visit-0412", "visit-0413", StringComparison.Ordinal));

        using var cmdlet = new GetTranscriptItemCommand
        {
            Path = [Path.Combine(_folder, "*.json")],
            SpeakerName = new Hashtable { ["SPK_0"] = "Clinician", ["spk_1"] = "Patient" },
        };
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Path"));

        var error = Assert.Single(host.Errors);
        Assert.Equal("NotATranscript", error.ErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.Category);
        Assert.Equal(Path.Combine(_folder, "b.json"), error.Target);
        var items = host.ObjectsOf<TranscriptItem>().ToArray();
        Assert.Equal(12, items.Length);
        Assert.Equal(["visit-0412", "visit-0413"], items.Select(i => i.JobName).Distinct());
        Assert.Equal(["Clinician", "Clinician", "Clinician", "Clinician", "Patient", "Patient"], items.Take(6).Select(i => i.SpeakerName));
    }

    [Fact]
    public void Local_files_need_no_AWS_settings_and_Type_filters_items()
    {
        var file = Path.Combine(_folder, "visit [1].json");
        File.WriteAllText(file, Transcript);

        using var cmdlet = new GetTranscriptItemCommand { LiteralPath = [file], Type = TranscriptItemType.Pronunciation, EnvironmentReader = _ => null };
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("LiteralPath"));

        Assert.Empty(host.Errors);
        Assert.Equal(["Hello", "doctor", "Hi"], host.ObjectsOf<TranscriptItem>().Select(i => i.Content));
    }

    [Fact]
    public void A_missing_path_gives_a_PathNotFound_error_and_the_other_paths_go_on()
    {
        File.WriteAllText(Path.Combine(_folder, "a.json"), Transcript);

        using var cmdlet = new GetTranscriptTurnCommand { Path = [Path.Combine(_folder, "missing.json"), Path.Combine(_folder, "a.json")] };
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Path"));

        Assert.Equal("PathNotFound", Assert.Single(host.Errors).ErrorId);
        Assert.Equal(["Hello, doctor.", "Hi."], host.ObjectsOf<TranscriptTurn>().Select(t => t.Text));
    }

    [Fact]
    public void A_missing_literal_path_gives_a_PathNotFound_error_naming_it()
    {
        var missing = Path.Combine(_folder, "gone [1].json");

        using var cmdlet = new GetTranscriptItemCommand { LiteralPath = [missing] };
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("LiteralPath"));

        var error = Assert.Single(host.Errors);
        Assert.Equal("PathNotFound", error.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal(missing, error.Target);
        Assert.Empty(host.Objects);
    }

    [Fact]
    public void Turns_are_built_from_piped_items_as_they_arrive_and_renamed_by_SpeakerName()
    {
        File.WriteAllText(Path.Combine(_folder, "a.json"), Transcript);
        using var read = new GetTranscriptItemCommand { Path = [Path.Combine(_folder, "a.json")] };
        var items = CmdletRunner.Run(read, new RecordingHost("Path")).ObjectsOf<TranscriptItem>().ToArray();

        using var cmdlet = new GetTranscriptTurnCommand { SpeakerName = new Hashtable { ["spk_1"] = "Patient" } };
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Item"), items.Select(item => (Action<GetTranscriptTurnCommand>)(c => c.Item = [item])).ToArray());

        var turns = host.ObjectsOf<TranscriptTurn>().ToArray();
        Assert.Equal(["Hello, doctor.", "Hi."], turns.Select(t => t.Text));
        Assert.Equal(["spk_0", "Patient"], turns.Select(t => t.SpeakerName));
    }

    [SamplesFact]
    public void Insight_of_the_real_call_analytics_sample()
    {
        var sample = RepoPaths.Sample("call-analytics_redacted__aws-samples_example-call.json");

        using var cmdlet = new GetCallAnalyticsInsightCommand { LiteralPath = [sample] };
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("LiteralPath"));

        Assert.Empty(host.Errors);
        var insight = Assert.Single(host.ObjectsOf<CallAnalyticsInsight>());
        Assert.Equal(sample, insight.SourceName);
        Assert.True(insight.Duration > 0);
    }
}
