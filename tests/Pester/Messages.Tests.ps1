#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# What the module says, read as a user reads it: a failed job met again on rerun, -WhatIf/-Verbose texts that state
# only what is known, wait settings refused in plain words, S3 failures named as S3's.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-messages-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    $script:Wav = (New-TestWav -Path (Join-Path $script:Folder 'visit.wav') -Seconds 3).FullName
    # Phone audio at 8 kHz: a local file is refused before upload, so it is given from S3, where the service fails it.
    $script:PhoneWav = (New-TestWav -Path (Join-Path $script:Folder 'phone.wav') -Seconds 3 -SampleRate 8000).FullName
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'A FAILED job met again on rerun' {
    BeforeEach { Reset-Emulator }

    It 'is reused with a warning that names -Force and says what it does' {
        $media = Add-EmulatorObject -Bucket clinic-recordings -Key 'phone.wav' -LiteralPath $script:PhoneWav
        $first = Start-MedicalConversationJob -MediaUri $media -OutputBucket clinic-transcripts -Wait -ErrorVariable failed -ErrorAction SilentlyContinue
        $first | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TranscribeJobFailed,*'
        $failed[0].Exception.Message | Should -BeLike '*-Force*'

        $again = Start-MedicalConversationJob -MediaUri $media -OutputBucket clinic-transcripts -WarningVariable warned 3>$null

        $again.Status | Should -Be 'Failed'
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -BeLike "Transcribe job '$($again.JobName)' failed: *"
        $warned[0].Message | Should -BeLike '*run the same command again with -Force*-Force deletes it and starts a new one under the same name.'
        foreach ($text in $warned[0].Message, $failed[0].Exception.Message) { $text | Should -Not -Match '(?<![.''])\.\.(?![.''])' }
    }

    It 'is deleted and started again with -Force' {
        $media = Add-EmulatorObject -Bucket clinic-recordings -Key 'phone.wav' -LiteralPath $script:PhoneWav
        $failedJob = Start-MedicalConversationJob -MediaUri $media -OutputBucket clinic-transcripts
        $failedJob | Wait-TranscribeJob -PollInterval 1 -ErrorAction SilentlyContinue

        $verbose = Start-MedicalConversationJob -MediaUri $media -OutputBucket clinic-transcripts -Force -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        ($verbose.Message -join "`n") | Should -BeLike "*Replaced job '$($failedJob.JobName)'*deleted (-Force) and started again.*"
    }
}

Describe '-WhatIf and -Verbose say only what is known' {
    BeforeEach { Reset-Emulator }

    It '-WhatIf makes no call and its text does not promise an upload or a new job' {
        $text = Invoke-WithTranscript { Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -WhatIf }

        (Get-EmulatorRequestCount).Count | Should -Be 0
        $text | Should -BeLike '*What if: *uploading it to s3://clinic-transcripts/visit-*.wav (skipped when that object already holds it; a job of that name already started for this recording is reused instead)*'
        $text | Should -Not -BeLike '*(upload to s3*'
    }

    It 'a rerun''s -Verbose says the job was reused and nothing was uploaded' {
        Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts | Out-Null
        Reset-Emulator -KeepState

        $verbose = (Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"

        $verbose | Should -BeLike "*Reused job 'visit-*' for $($script:Wav): it was started earlier for the same recording and settings.*"
        $verbose | Should -Not -BeLike '*(uploaded)*'
        (Get-EmulatorRequestCount)['PutObject'] | Should -BeNullOrEmpty
    }

    It '-Timeout 0 is refused in plain words, naming the parameter once' {
        $failure = { Wait-TranscribeJob -Name 'any-job' -Timeout 0 -ErrorAction Stop } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidWaitOptions,*'
        $failure.Exception.Message | Should -BeLike '-Timeout 00:00:00 cannot work: give a positive time span*'
        $failure.Exception.Message | Should -Not -BeLike "*(Parameter*"
        (Get-EmulatorRequestCount).Count | Should -Be 0
    }
}

Describe 'S3 failures are S3''s' {
    It 'a missing object is S3ObjectNotFound, not a Transcribe error' {
        $failure = { Get-TranscriptItem -Uri 's3://clinic-transcripts/medical/nothing.json' -ErrorAction Stop } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'S3ObjectNotFound,*'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.Exception.Message | Should -BeLike 'S3 GetObject failed:*'
        $failure.Exception.GetType().Name | Should -Be 'S3Exception'
    }
}

Describe 'Outside text read as one sentence (issue 9, item 7)' {
    BeforeEach { Reset-Emulator }

    It 'a transcript cut short at byte 742 says so in the file''s terms: no "742.." and no reader position' {
        $item = '{"start_time":"0.1","end_time":"0.2","alternatives":[{"confidence":"0.9","content":"ok"}],"type":"pronunciation"},'
        $cut = Join-Path $script:Folder 'cut.json'
        Set-Content -LiteralPath $cut -Value ('{"jobName":"j","results":{"items":[' + ($item * 8)).Substring(0, 742) -NoNewline

        Get-TranscriptItem -LiteralPath $cut -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null

        "$($problems[0])" | Should -Be "'$cut' is not a well-formed transcript near byte 739: the file ends too early. The file may be truncated or edited; download it again from the job's output location."
    }

    It 'a call analytics file cut short is not well-formed, not "of the wrong type"' {
        $cut = Join-Path $script:Folder 'call-cut.json'
        Set-Content -LiteralPath $cut -Value '{"JobName":"c","Transcript":[{"Content":"hi","BeginOffsetMillis":1,"EndOffsetMillis":742,"Partici' -NoNewline

        Get-CallAnalyticsInsight -LiteralPath $cut -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null

        # Read a turn at a time (issue 9 item 6): the turn that is cut short starts at byte 29, as a standard transcript says it.
        "$($problems[0])" | Should -Be "'$cut' is not a well-formed transcript near byte 29: the file ends too early. The file may be truncated or edited; download it again from the job's output location."
    }

    It 'throttling that outlasts the retries reads "Rate exceeded. Requests were still throttled ..."' {
        $job = Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts
        $rule = @{ operation = 'GetMedicalTranscriptionJob'; action = 'Throttle'; firstCall = 1 } | ConvertTo-Json
        Invoke-RestMethod -Method Post "$env:AWS_ENDPOINT_URL/_emulator/faults" -ContentType application/json -Body $rule | Out-Null

        Get-TranscribeJob -Name $job.JobName -Kind Medical -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'TranscribeThrottled,*'
        "$($problems[0])" | Should -Be 'GetMedicalTranscriptionJob failed: Rate exceeded. Requests were still throttled after retrying; lower the request rate or try again later.'
    }
}
