using System.Management.Automation;
using TranscribePS.Commands;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Scribe;
using TranscribePS.Emulator.Transcribe.Content;
using TranscribePS.Tests.Infrastructure;
using TranscribePS.Tests.Scribe;

namespace TranscribePS.Tests.Cmdlets;

/// <summary>Get-ClinicalNote over HealthScribe jobs in the emulator and over saved files.</summary>
public sealed class ClinicalNoteCmdletTests(EmulatorFixture fixture) : EmulatorTest(fixture), IDisposable
{
    private static readonly ConversationScript Visit = new(
    [
        new("CLINICIAN", "Good morning. What brings you in today?"),
        new("PATIENT", "I have had a cough and a fever for three days."),
        new("CLINICIAN", "Any shortness of breath or wheezing?"),
        new("PATIENT", "Some wheezing at night, and I am allergic to penicillin."),
        new("CLINICIAN", "Your blood pressure is fine. I will order a chest x-ray."),
        new("CLINICIAN", "Take the inhaler twice a day and come back in a week."),
        new("PATIENT", "Thank you, doctor."),
    ]);

    private readonly string _folder = Directory.CreateTempSubdirectory("tps-note-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_finished_HealthScribe_job_gives_one_object_per_section_with_the_cited_segments_text_times_and_role()
    {
        var job = await FinishedScribeJobAsync("visit-0412");

        using var cmdlet = new GetClinicalNoteCommand { InputObject = [job] }.UseEmulator(Server);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Job"));

        Assert.Empty(host.Errors);
        Assert.Empty(host.Warnings);
        var sections = host.ObjectsOf<ClinicalNoteSection>().ToList();
        Assert.Equal(["CHIEF_COMPLAINT", "HISTORY_OF_PRESENT_ILLNESS", "REVIEW_OF_SYSTEMS", "PAST_MEDICAL_HISTORY", "PHYSICAL_EXAMINATION", "ASSESSMENT", "PLAN"], sections.Select(s => s.Section));
        Assert.All(sections, s => Assert.Equal("visit-0412", s.JobName));
        var cited = sections.SelectMany(s => s.Sentences).SelectMany(s => s.Evidence).ToList();
        Assert.Equal(Visit.Turns.Count, cited.Count);
        Assert.All(cited, e => Assert.NotNull(e.StartTime));
        Assert.Equal(["CLINICIAN_0", "PATIENT_0"], cited.Select(e => e.Role).Distinct().Order());
        Assert.Contains(cited, e => e.Text == "I have had a cough and a fever for three days.");
        Assert.EndsWith("/" + CmdletTestSupport.Bucket + "/visit-0412/summary.json", sections[0].SourceName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insight_gives_the_clinical_entities_of_the_job_with_the_segment_they_were_said_in()
    {
        var job = await FinishedScribeJobAsync("visit-0413");

        using var cmdlet = new GetClinicalNoteCommand { InputObject = [job], InsightOn = true }.UseEmulator(Server);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Job"));

        Assert.Empty(host.Errors);
        var insights = host.ObjectsOf<ClinicalInsight>().ToList();
        Assert.Contains(insights, i => i is { Content: "penicillin", Category: "MEDICATION", Role: "PATIENT_0" });
        Assert.Contains(insights, i => i is { Content: "chest x-ray", Category: "TEST_TREATMENT_PROCEDURE", Role: "CLINICIAN_0" });
        Assert.All(insights, i => Assert.Contains(i.Content, i.SegmentText!, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(host.ObjectsOf<ClinicalNoteSection>());
    }

    [Fact]
    public async Task A_job_of_another_kind_gives_one_ClinicalNoteNotAvailable_error_and_the_other_jobs_go_on()
    {
        await CmdletTestSupport.StartMedicalAsync(Server, "dictation-1");
        var scribe = await FinishedScribeJobAsync("visit-0414");
        var jobs = new Core.Aws.TranscribeJobs(CmdletTestSupport.Client(Server));
        var medicalJob = await jobs.GetAsync(JobKind.Medical, "dictation-1", CancellationToken.None);

        using var cmdlet = new GetClinicalNoteCommand().UseEmulator(Server);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Job"), c => c.InputObject = [medicalJob], c => c.InputObject = [scribe]);

        var error = Assert.Single(host.Errors);
        Assert.Equal("ClinicalNoteNotAvailable", error.ErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.Category);
        Assert.Contains("Start-MedicalScribeJob", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(host.ObjectsOf<ClinicalNoteSection>());
    }

    [Fact]
    public async Task A_document_given_by_its_S3_URI_finds_the_transcript_the_service_wrote_beside_it()
    {
        var job = await FinishedScribeJobAsync("visit-0415");

        using var cmdlet = new GetClinicalNoteCommand { Uri = ["s3://" + CmdletTestSupport.Bucket + "/visit-0415/summary.json"] }.UseEmulator(Server);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Uri"));

        Assert.Empty(host.Errors);
        Assert.Empty(host.Warnings);
        var sections = host.ObjectsOf<ClinicalNoteSection>().ToList();
        Assert.All(sections, s => Assert.Equal(job.JobName, s.JobName));
        Assert.All(sections.SelectMany(s => s.Evidence), e => Assert.NotNull(e.Text));
    }

    [Fact]
    public void A_saved_document_finds_the_transcript_saved_beside_it_and_needs_no_AWS_settings()
    {
        File.Copy(ClinicalNoteReaderTests.AwsDocument, Path.Combine(_folder, "visit-7.clinical-document.json"));
        File.Copy(ClinicalNoteReaderTests.AwsTranscript, Path.Combine(_folder, "visit-7.json"));

        using var cmdlet = new GetClinicalNoteCommand { Path = [Path.Combine(_folder, "*.clinical-document.json")], EnvironmentReader = _ => null };
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Path"));

        Assert.Empty(host.Errors);
        Assert.Empty(host.Warnings);
        var chief = host.ObjectsOf<ClinicalNoteSection>().First();
        Assert.Equal("sampleJobName", chief.JobName);
        Assert.Equal("Okay.", chief.Evidence[0].Text);
    }

    [Fact]
    public void A_document_alone_warns_once_and_cites_segment_ids_only()
    {
        var document = Path.Combine(_folder, "note.json");
        File.Copy(ClinicalNoteReaderTests.AwsDocument, document);

        using var cmdlet = new GetClinicalNoteCommand { LiteralPath = [document], EnvironmentReader = _ => null };
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("LiteralPath"));

        var warning = Assert.Single(host.Warnings);
        Assert.Contains("No transcript was found beside", warning, StringComparison.Ordinal);
        var sections = host.ObjectsOf<ClinicalNoteSection>().ToList();
        Assert.Equal(6, sections.Count);
        Assert.All(sections.SelectMany(s => s.Evidence), e => Assert.Null(e.Text));
        Assert.Equal("note", sections[0].JobName);
    }

    [Fact]
    public void A_transcript_passed_without_Insight_is_one_NotATranscript_error_saying_what_to_pass()
    {
        using var cmdlet = new GetClinicalNoteCommand { LiteralPath = [ClinicalNoteReaderTests.AwsTranscript], EnvironmentReader = _ => null };
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("LiteralPath"));

        var error = Assert.Single(host.Errors);
        Assert.Equal("NotATranscript", error.ErrorId);
        Assert.Contains("-Insight", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Objects);
    }

    [Fact]
    public void Unredacted_is_refused_before_anything_is_read()
    {
        using var cmdlet = new GetClinicalNoteCommand { LiteralPath = [ClinicalNoteReaderTests.AwsDocument], UnredactedOn = true, EnvironmentReader = _ => null };

        var thrown = Assert.Throws<RecordedTerminatingError>(() => CmdletRunner.Run(cmdlet, new RecordingHost("LiteralPath")));

        Assert.Equal("UnredactedNotApplicable", thrown.Error.ErrorId);
    }

    private async Task<TranscriptionJob> FinishedScribeJobAsync(string name)
    {
        Server.Transcribe.ScriptJob(name, Visit);
        await CmdletTestSupport.StartScribeAsync(Server, name);
        using var wait = new WaitTranscribeJobCommand { Name = [name], Kind = "Scribe", PollInterval = TimeSpan.FromMilliseconds(50) }.UseEmulator(Server);
        return Assert.Single(CmdletRunner.Run(wait, new RecordingHost("Name")).ObjectsOf<TranscriptionJob>());
    }
}
