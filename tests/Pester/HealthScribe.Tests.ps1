#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Fixtures = Join-Path $PSScriptRoot '../TranscribePS.Tests/Scribe/Fixtures'
    $script:Notes = Join-Path ([IO.Path]::GetTempPath()) "tps-notes-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Notes | Out-Null
    # AWS's documented example pair, saved as Save-TranscribeOutput names a HealthScribe job's two files.
    Copy-Item (Join-Path $script:Fixtures 'aws-example-clinical-document.json') (Join-Path $script:Notes 'sampleJobName.clinical-document.json')
    Copy-Item (Join-Path $script:Fixtures 'aws-example-transcript.json') (Join-Path $script:Notes 'sampleJobName.json')
}

AfterAll {
    Remove-Item -LiteralPath $script:Notes -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Get-ClinicalNote on saved HealthScribe output (AWS''s documented example)' {
    It 'emits one TranscribePS.ClinicalNoteSection per section, evidence resolved from the transcript saved beside it' {
        $sections = Get-ChildItem (Join-Path $script:Notes '*.clinical-document.json') | Get-ClinicalNote -WarningVariable warnings

        $warnings | Should -BeNullOrEmpty
        $sections.Section | Should -Be @('CHIEF_COMPLAINT', 'HISTORY_OF_PRESENT_ILLNESS', 'REVIEW_OF_SYSTEMS', 'PAST_MEDICAL_HISTORY', 'ASSESSMENT', 'PLAN')
        $sections[0].PSObject.TypeNames | Should -Contain 'TranscribePS.ClinicalNoteSection'
        $sections[0].Evidence[0].Text | Should -Be 'Okay.'
        $sections[0].Evidence[0].Role | Should -Be 'CLINICIAN_0'
        $sections[1].Sentences.Count | Should -Be 4
    }

    It 'shows as a table of job, section, citations and text' {
        $table = Get-ClinicalNote -Path (Join-Path $script:Notes '*.clinical-document.json') | Format-Table | Out-String -Width 200

        $table | Should -Match 'JobName\s+Section\s+Cites\s+Text'
        $table | Should -Match 'HISTORY_OF_PRESENT_ILLNESS\s+14\s+The patient is seen today'
    }

    It 'exports readable CSV cells for the sentences and the cited segments' {
        $csv = Join-Path $script:Notes 'note.csv'
        Get-ClinicalNote -LiteralPath (Join-Path $script:Notes 'sampleJobName.clinical-document.json') | Export-Csv -LiteralPath $csv -NoTypeInformation

        $rows = Import-Csv -LiteralPath $csv
        $rows.Count | Should -Be 6
        $rows[1].Sentences | Should -BeLike 'The patient is seen today for a follow-up of weight loss.; They report*'
        $rows[0].Evidence | Should -BeLike 'CLINICIAN_0 `[0.16-0.60`]: Okay.; CLINICIAN_0 `[0.61-1.54`]: Good afternoon.*'
        $rows[0].JobName | Should -Be 'sampleJobName'
    }

    It '-Insight emits TranscribePS.ClinicalInsight objects from the transcript' {
        $insights = Get-ClinicalNote -Insight -LiteralPath (Join-Path $script:Notes 'sampleJobName.json')

        $insights.Content | Should -Be @('pain', 'mammogram', 'pap smear', 'phentermine', 'weight', 'heart')
        $insights[0].PSObject.TypeNames | Should -Contain 'TranscribePS.ClinicalInsight'
        ($insights | Format-Table | Out-String -Width 200) | Should -Match 'MEDICATION\s+GENERIC_NAME\s+phentermine'
    }

    It 'a transcript given without -Insight is one NotATranscript error saying what to pass, and no warning' {
        $out = Get-ClinicalNote -LiteralPath (Join-Path $script:Notes 'sampleJobName.json') -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warnings

        $out | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'NotATranscript,*'
        $problems[0].Exception.Message | Should -BeLike '*-Insight*'
    }
}

Describe 'Get-TranscriptTurn on a HealthScribe transcript' {
    It 'names the participant roles as speakers and maps them with -SpeakerName' {
        $turns = Get-TranscriptTurn -LiteralPath (Join-Path $script:Notes 'sampleJobName.json') -SpeakerName @{ CLINICIAN_0 = 'Dr. Kim' }

        $turns.Count | Should -Be 1
        $turns[0].Speaker | Should -Be 'CLINICIAN_0'
        $turns[0].SpeakerName | Should -Be 'Dr. Kim'
        $turns[0].Text | Should -Be 'Okay. Good afternoon. You lost one lb'
    }
}
