#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Visits = Join-Path ([IO.Path]::GetTempPath()) "tps-visits-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Visits | Out-Null
    New-TestWav -Path (Join-Path $script:Visits 'visit-a.wav') -Seconds 20 | Out-Null
    New-TestWav -Path (Join-Path $script:Visits 'visit-b.wav') -Seconds 25 | Out-Null
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Visits -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Get-ChildItem | Start-MedicalConversationJob | Wait-TranscribeJob | Get-TranscriptTurn | Export-Csv' {
    BeforeEach { Reset-Emulator }

    It 'writes one CSV row per turn, speakers named' {
        $csv = Join-Path $script:Visits 'visits.csv'
        Get-ChildItem (Join-Path $script:Visits '*.wav') |
            Start-MedicalConversationJob -OutputBucket clinic-transcripts |
            Wait-TranscribeJob |
            Get-TranscriptTurn -SpeakerName @{ spk_0 = 'Clinician'; spk_1 = 'Patient' } |
            Export-Csv -LiteralPath $csv -NoTypeInformation

        $rows = Import-Csv -LiteralPath $csv
        $rows.Count | Should -BeGreaterThan 1
        @($rows.JobName | Sort-Object -Unique).Count | Should -Be 2
        @($rows.SpeakerName | Sort-Object -Unique) | Should -Be @('Clinician', 'Patient')
        $rows[0].Text | Should -Not -BeNullOrEmpty
    }

    It 'emits TranscribePS.TranscriptionJob objects that have finished' {
        $jobs = Get-ChildItem (Join-Path $script:Visits '*.wav') |
            Start-MedicalConversationJob -OutputBucket clinic-transcripts -Wait
        $jobs.Count | Should -Be 2
        $jobs[0].PSObject.TypeNames | Should -Contain 'TranscribePS.TranscriptionJob'
        $jobs.Status | Should -Be @('Completed', 'Completed')
        $jobs.Kind | Should -Be @('Medical', 'Medical')
    }

    It 'a rerun of the same line starts nothing new and uploads nothing' {
        $first = Get-ChildItem (Join-Path $script:Visits '*.wav') | Start-MedicalConversationJob -OutputBucket clinic-transcripts
        Reset-Emulator -KeepState
        $second = Get-ChildItem (Join-Path $script:Visits '*.wav') | Start-MedicalConversationJob -OutputBucket clinic-transcripts

        $counts = Get-EmulatorRequestCount
        $counts['StartMedicalTranscriptionJob'] | Should -BeNullOrEmpty
        $counts['PutObject'] | Should -BeNullOrEmpty
        $counts['CreateMultipartUpload'] | Should -BeNullOrEmpty
        ($second.JobName | Sort-Object) | Should -Be ($first.JobName | Sort-Object)
    }

    It '-WhatIf uploads nothing and calls nothing' {
        Get-ChildItem (Join-Path $script:Visits '*.wav') |
            Start-MedicalConversationJob -OutputBucket clinic-transcripts -WhatIf

        (Get-EmulatorRequestCount).Count | Should -Be 0
    }

    It 'a bad file among good ones is one error with its own ErrorId, and the others go on' {
        $bad = Join-Path $script:Visits 'phone-call.wav'
        New-TestWav -Path $bad -Seconds 2 -SampleRate 8000 | Out-Null
        try {
            $jobs = Get-ChildItem (Join-Path $script:Visits '*.wav') |
                Start-MedicalConversationJob -OutputBucket clinic-transcripts -ErrorVariable problems -ErrorAction SilentlyContinue

            @($jobs).Count | Should -Be 2
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'SampleRateTooLow,*'
            $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $problems[0].TargetObject | Should -Be $bad
        }
        finally { Remove-Item -LiteralPath $bad }
    }

    It 'a missing bucket name is refused before any call' {
        { Start-MedicalConversationJob -LiteralPath (Join-Path $script:Visits 'visit-a.wav') -OutputBucket 'Not_A_Bucket' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidBucketName,*'
        (Get-EmulatorRequestCount).Count | Should -Be 0
    }
}

Describe 'Get-TranscriptItem' {
    It 'reads a finished job as word objects with times and speakers, also under the plural alias' {
        $job = Start-MedicalConversationJob -LiteralPath (Join-Path $script:Visits 'visit-a.wav') -OutputBucket clinic-transcripts -IdentifyPhi -Wait
        $items = $job | Get-TranscriptItems

        $items.Count | Should -BeGreaterThan 3
        $words = $items | Where-Object Type -eq 'Pronunciation'
        $words[0].StartTime | Should -BeOfType [double]
        $words[0].Speaker | Should -Match '^spk_\d$'
        ($items | Group-Object Speaker).Count | Should -Be 2
    }

    It 'reads local files and names the file that is not a transcript' {
        $job = Get-TranscribeJob -Kind Medical | Select-Object -First 1
        $saved = $job | Save-TranscribeOutput -Destination $script:Visits
        $notTranscript = Join-Path $script:Visits 'notes.json'
        '{"hello":"world"}' | Set-Content -LiteralPath $notTranscript

        $items = Get-TranscriptItem -Path $saved.FullName, $notTranscript -ErrorVariable problems -ErrorAction SilentlyContinue

        $items.Count | Should -BeGreaterThan 0
        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -BeLike '*notes.json*'
    }
}

Describe 'Remove-TranscribeJob' {
    It '-IncludeOutput deletes the job and its output objects' {
        $job = Start-MedicalConversationJob -LiteralPath (Join-Path $script:Visits 'visit-b.wav') -OutputBucket clinic-transcripts -Wait
        $job | Remove-TranscribeJob -IncludeOutput -Confirm:$false

        { Get-TranscribeJob -Name $job.JobName -Kind Medical -ErrorAction Stop } | Should -Throw
        { $job | Get-TranscriptItem -ErrorAction Stop } | Should -Throw
    }
}

Describe 'Binding as pwsh does it: bracketed names, empty patterns, positions, status case, wait settings' {
    BeforeEach { Reset-Emulator }

    It 'Get-Item output of a recording named with [ ] starts that recording, not its look-alike' {
        $folder = Join-Path $script:Visits "brackets-$([guid]::NewGuid().ToString('N'))"
        New-Item -ItemType Directory -Path $folder | Out-Null
        $lookAlike = New-TestWav -Path (Join-Path $folder 'visit1.wav') -Seconds 3
        $bracketed = New-TestWav -Path (Join-Path $folder 'visit[1].wav') -Seconds 7

        $direct = Start-MedicalConversationJob -LiteralPath $bracketed.FullName -OutputBucket clinic-transcripts
        $piped = Get-Item -LiteralPath $bracketed.FullName | Start-MedicalConversationJob -OutputBucket clinic-transcripts -ErrorAction Stop
        $byFullName = Start-MedicalConversationJob -Path $bracketed.FullName -OutputBucket clinic-transcripts -ErrorAction Stop
        $other = Start-MedicalConversationJob -LiteralPath $lookAlike.FullName -OutputBucket clinic-transcripts

        $piped.JobName | Should -Be $direct.JobName
        $byFullName.JobName | Should -Be $direct.JobName
        $other.JobName | Should -Not -Be $direct.JobName
    }

    It 'a wildcard that matches nothing is one PathNotFound error naming it' {
        $pattern = Join-Path $script:Visits '*.mp3'
        $jobs = Start-MedicalConversationJob -Path $pattern -OutputBucket clinic-transcripts -ErrorVariable problems -ErrorAction SilentlyContinue

        $jobs | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound,*'
        $problems[0].TargetObject | Should -Be $pattern
    }

    It 'takes -Status in any case, names piped as text, and a job given by position' {
        $job = Start-MedicalConversationJob -LiteralPath (Join-Path $script:Visits 'visit-a.wav') -OutputBucket clinic-transcripts -Wait

        (Get-TranscribeJob -Kind Medical -Status completed).JobName | Should -Contain $job.JobName
        ($job.JobName | Get-TranscribeJob).JobName | Should -Be $job.JobName
        (Get-TranscribeJob $job).JobName | Should -Be $job.JobName
        (Wait-TranscribeJob $job).JobName | Should -Be $job.JobName
    }

    It 'refuses -PollInterval without -Wait before any upload' {
        $failure = $null
        try {
            Get-ChildItem (Join-Path $script:Visits 'visit-*.wav') | Start-MedicalConversationJob -OutputBucket clinic-transcripts -PollInterval 5
        }
        catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'WaitSettingsWithoutWait,*'
        (Get-EmulatorRequestCount)['PutObject'] | Should -BeNullOrEmpty
    }
}
