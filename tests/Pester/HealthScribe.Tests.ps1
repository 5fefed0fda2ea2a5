#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Role = 'arn:aws:iam::123456789012:role/HealthScribeAccess'
    $script:Fixtures = Join-Path $PSScriptRoot '../TranscribePS.Tests/Scribe/Fixtures'
    $script:Notes = Join-Path ([IO.Path]::GetTempPath()) "tps-notes-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Notes | Out-Null
    $script:Visits = New-Item -ItemType Directory -Path (Join-Path $script:Notes 'visits')
    $script:Visit = New-TestWav -Path (Join-Path $script:Visits 'visit.wav') -Seconds 30
    New-TestWav -Path (Join-Path $script:Visits 'follow-up.wav') -Seconds 25 | Out-Null
    $script:Telehealth = New-TestWav -Path (Join-Path $script:Notes 'telehealth-visit.wav') -Seconds 20 -Channels 2
    $script:Phone = New-TestWav -Path (Join-Path $script:Notes 'phone-visit.wav') -Seconds 10 -SampleRate 8000
    # AWS's documented example pair, saved as Save-TranscribeOutput names a HealthScribe job's two files.
    Copy-Item (Join-Path $script:Fixtures 'aws-example-clinical-document.json') (Join-Path $script:Notes 'sampleJobName.clinical-document.json')
    Copy-Item (Join-Path $script:Fixtures 'aws-example-transcript.json') (Join-Path $script:Notes 'sampleJobName.json')
}

AfterAll {
    Stop-TestEmulator
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

Describe 'Start-MedicalScribeJob ... -Wait | Get-ClinicalNote | Format-Table' {
    BeforeEach { Reset-Emulator }

    It 'shows the note of a visit as a table, one row per section' {
        $table = Start-MedicalScribeJob -LiteralPath $script:Visit.FullName -OutputBucket clinic-phi -DataAccessRoleArn $script:Role -Wait |
            Get-ClinicalNote | Format-Table | Out-String -Width 200

        $table | Should -Match 'JobName\s+Section\s+Cites\s+Text'
        foreach ($section in 'CHIEF_COMPLAINT', 'HISTORY_OF_PRESENT_ILLNESS', 'ASSESSMENT', 'PLAN') { $table | Should -Match "visit-\w+\s+$section\s+\d+" }
    }

    It 'emits finished jobs of kind Scribe that name both output files' {
        $jobs = Get-ChildItem -LiteralPath $script:Visits.FullName | Start-MedicalScribeJob -OutputBucket clinic-phi -DataAccessRoleArn $script:Role -NoteTemplate DAP -Wait

        $jobs.Count | Should -Be 2
        $jobs.Kind | Should -Be @('Scribe', 'Scribe')
        $jobs.Status | Should -Be @('Completed', 'Completed')
        $jobs[0].ClinicalDocumentUri | Should -BeLike '*/summary.json'
        $jobs[0].TranscriptUri | Should -BeLike '*/transcript.json'
        ($jobs | Get-ClinicalNote).Section | Sort-Object -Unique | Should -Be @('ASSESSMENT', 'DATA', 'PLAN')
    }

    It '-WhatIf uploads nothing and calls nothing' {
        Get-ChildItem -LiteralPath $script:Visits.FullName | Start-MedicalScribeJob -OutputBucket clinic-phi -DataAccessRoleArn $script:Role -WhatIf

        (Get-EmulatorRequestCount).Count | Should -Be 0
    }

    It 'a rerun of the same line starts nothing new and uploads nothing' {
        $first = Get-ChildItem -LiteralPath $script:Visits.FullName | Start-MedicalScribeJob -OutputBucket clinic-phi -DataAccessRoleArn $script:Role
        Reset-Emulator -KeepState
        $second = Get-ChildItem -LiteralPath $script:Visits.FullName | Start-MedicalScribeJob -OutputBucket clinic-phi -DataAccessRoleArn $script:Role

        $counts = Get-EmulatorRequestCount
        $counts['StartMedicalScribeJob'] | Should -BeNullOrEmpty
        $counts['PutObject'] | Should -BeNullOrEmpty
        ($second.JobName | Sort-Object) | Should -Be ($first.JobName | Sort-Object)
    }

    It 'a clinician channel alone puts the patient on the other channel, and the turns carry the roles' {
        $turns = Start-MedicalScribeJob -LiteralPath $script:Telehealth.FullName -ClinicianChannel 1 -OutputBucket clinic-phi -DataAccessRoleArn $script:Role -Wait |
            Get-TranscriptTurn -SpeakerName @{ CLINICIAN_0 = 'Clinician'; PATIENT_0 = 'Patient' }

        @($turns.SpeakerName | Sort-Object -Unique) | Should -Be @('Clinician', 'Patient')
        (Get-EmulatorRequestCount)['StartMedicalScribeJob'] | Should -Be 1
    }
}

Describe 'Start-MedicalScribeJob refuses before any upload what HealthScribe would refuse' {
    BeforeEach { Reset-Emulator }

    It 'an 8 kHz recording among visits is one SampleRateTooLow error naming Start-TranscriptionJob; the visit starts' {
        $jobs = Start-MedicalScribeJob -LiteralPath $script:Phone.FullName, $script:Visit.FullName -OutputBucket clinic-phi -DataAccessRoleArn $script:Role -ErrorVariable problems -ErrorAction SilentlyContinue

        @($jobs).Count | Should -Be 1
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'SampleRateTooLow,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].TargetObject | Should -Be $script:Phone.FullName
        $problems[0].Exception.Message | Should -BeLike '*Start-TranscriptionJob*'
    }

    It '<Case> is refused with <ErrorId> and nothing is called' -ForEach @(
        @{ Case = 'a role name instead of its ARN'; Arguments = @{ DataAccessRoleArn = 'HealthScribeAccess' }; ErrorId = 'InvalidRoleArn' }
        @{ Case = 'channels on a mono visit'; Arguments = @{ PatientChannel = 0 }; ErrorId = 'NotStereo' }
    ) {
        $splat = @{ DataAccessRoleArn = $script:Role }
        foreach ($name in $Arguments.Keys) { $splat[$name] = $Arguments[$name] }
        $null = Start-MedicalScribeJob -LiteralPath $script:Visit.FullName -OutputBucket clinic-phi @splat -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        (Get-EmulatorRequestCount).Count | Should -Be 0
    }

    It '-MaxSpeakers with a channel stops the cmdlet with SpeakersAndChannels before any call' {
        { Start-MedicalScribeJob -LiteralPath $script:Telehealth.FullName -MaxSpeakers 3 -ClinicianChannel 0 -OutputBucket clinic-phi -DataAccessRoleArn $script:Role -ErrorAction Stop } |
            Should -Throw -ErrorId 'SpeakersAndChannels,*'
        (Get-EmulatorRequestCount).Count | Should -Be 0
    }

    It 'refuses a note template that does not exist while binding' {
        { Start-MedicalScribeJob -LiteralPath $script:Visit.FullName -NoteTemplate SOAP -OutputBucket clinic-phi -DataAccessRoleArn $script:Role } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe '-Kind Scribe in the job cmdlets' {
    BeforeAll { Reset-Emulator }

    It 'Get-, Wait-, Save-TranscribeOutput and Remove-TranscribeJob -IncludeOutput handle HealthScribe jobs' {
        $saved = Join-Path $script:Notes 'saved'
        New-Item -ItemType Directory -Path $saved -Force | Out-Null
        $job = Start-MedicalScribeJob -LiteralPath $script:Visit.FullName -OutputBucket clinic-phi -DataAccessRoleArn $script:Role

        (Wait-TranscribeJob -Name $job.JobName -Kind Scribe).Status | Should -Be 'Completed'
        $listed = Get-TranscribeJob -Kind Scribe -Status COMPLETED
        $listed.JobName | Should -Contain $job.JobName
        $files = $listed | Where-Object JobName -eq $job.JobName | Save-TranscribeOutput -Destination $saved
        ($files.Name | Sort-Object) | Should -Be @("$($job.JobName).clinical-document.json", "$($job.JobName).json")
        (Get-ClinicalNote -LiteralPath (Join-Path $saved "$($job.JobName).clinical-document.json") -WarningVariable warnings).Count | Should -Be 7
        $warnings | Should -BeNullOrEmpty

        Remove-TranscribeJob -Name $job.JobName -Kind Scribe -IncludeOutput -Confirm:$false
        { Get-TranscribeJob -Name $job.JobName -Kind Scribe -ErrorAction Stop } | Should -Throw
        { $job | Get-ClinicalNote -ErrorAction Stop } | Should -Throw
    }
}

