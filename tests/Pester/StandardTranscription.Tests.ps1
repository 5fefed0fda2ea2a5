#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Start-TranscriptionJob as a user drives it: a folder of mono 8 kHz phone calls, subtitles, channels, and the
# job cmdlets with -Kind Standard.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-standard-$([guid]::NewGuid().ToString('N'))"
    $script:Calls = New-Item -ItemType Directory -Path (Join-Path $script:Folder 'calls')
    New-TestWav -Path (Join-Path $script:Calls 'call-1.wav') -Seconds 20 -SampleRate 8000 | Out-Null
    New-TestWav -Path (Join-Path $script:Calls 'call-2.wav') -Seconds 25 -SampleRate 8000 | Out-Null
    $script:Stereo = New-TestWav -Path (Join-Path $script:Folder 'stereo-call.wav') -Seconds 20 -SampleRate 8000 -Channels 2
    $script:Lecture = New-TestWav -Path (Join-Path $script:Folder 'lecture.wav') -Seconds 20
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Get-ChildItem *.wav | Start-TranscriptionJob -OutputBucket b -Wait | Get-TranscriptTurn -SpeakerName' {
    BeforeEach { Reset-Emulator }

    It 'turns a folder of mono 8 kHz calls into named turns, one job per call' {
        Push-Location $script:Calls
        try {
            $turns = Get-ChildItem *.wav | Start-TranscriptionJob -OutputBucket b-calls -Wait |
                Get-TranscriptTurn -SpeakerName @{ spk_0 = 'Agent'; spk_1 = 'Customer' }
        }
        finally { Pop-Location }

        @($turns.JobName | Sort-Object -Unique).Count | Should -Be 2
        @($turns.SpeakerName | Sort-Object -Unique) | Should -Be @('Agent', 'Customer')
        $turns[0].PSObject.TypeNames | Should -Contain 'TranscribePS.TranscriptTurn'
        (Get-EmulatorRequestCount)['StartTranscriptionJob'] | Should -Be 2
    }

    It 'emits finished TranscribePS.TranscriptionJob objects of kind Standard in en-US' {
        $jobs = Get-ChildItem -LiteralPath $script:Calls.FullName | Start-TranscriptionJob -OutputBucket b-calls -Wait

        $jobs.Count | Should -Be 2
        $jobs[0].PSObject.TypeNames | Should -Contain 'TranscribePS.TranscriptionJob'
        $jobs.Kind | Should -Be @('Standard', 'Standard')
        $jobs.Status | Should -Be @('Completed', 'Completed')
        $jobs.LanguageCode | Should -Be @('en-US', 'en-US')
    }

    It '-WhatIf uploads nothing and calls nothing' {
        Get-ChildItem -LiteralPath $script:Calls.FullName | Start-TranscriptionJob -OutputBucket b-calls -WhatIf

        (Get-EmulatorRequestCount).Count | Should -Be 0
    }

    It 'a rerun of the same line starts nothing new and uploads nothing' {
        $first = Get-ChildItem -LiteralPath $script:Calls.FullName | Start-TranscriptionJob -OutputBucket b-calls
        Reset-Emulator -KeepState
        $output = Get-ChildItem -LiteralPath $script:Calls.FullName | Start-TranscriptionJob -OutputBucket b-calls -Verbose 4>&1
        $second = $output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $reused = $output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Reused*' }

        $counts = Get-EmulatorRequestCount
        $counts['StartTranscriptionJob'] | Should -BeNullOrEmpty
        $counts['PutObject'] | Should -BeNullOrEmpty
        @($reused).Count | Should -Be 2
        ($second.JobName | Sort-Object) | Should -Be ($first.JobName | Sort-Object)
    }
}

Describe 'Output kept in the service''s own bucket (no -OutputBucket)' {
    BeforeEach { Reset-Emulator }

    It 'uploads to -UploadBucket, and the transcript is read, saved and removed through the service''s pre-signed URL' {
        $job = Get-ChildItem -LiteralPath $script:Calls.FullName -Filter call-1.wav | Start-TranscriptionJob -UploadBucket b-uploads -Wait
        $destination = Join-Path $script:Folder "saved-$([guid]::NewGuid().ToString('N'))"

        $job.Status | Should -Be 'Completed'
        $job.MediaUri | Should -BeLike 's3://b-uploads/*'
        $job.TranscriptUri | Should -BeLike '*/aws-transcribe-*X-Amz-Signature=*'
        $turns = $job | Get-TranscriptTurn
        @($turns).Count | Should -BeGreaterThan 1
        $turns[0].JobName | Should -Be $job.JobName
        $saved = $job | Save-TranscribeOutput -Destination $destination
        @($saved).Count | Should -Be 1
        (Get-Content -LiteralPath @($saved)[0].FullName -Raw | ConvertFrom-Json).jobName | Should -Be $job.JobName
        $job | Remove-TranscribeJob -Confirm:$false
        { Get-TranscribeJob -Name $job.JobName -Kind Standard -ErrorAction Stop } | Should -Throw
    }
}

Describe 'Start-TranscriptionJob refuses before any upload what the service would refuse' {
    BeforeEach { Reset-Emulator }

    It '<Case> stops the cmdlet with <ErrorId>' -ForEach @(
        @{ Case = '-LanguageCode with -IdentifyLanguage'; Arguments = @{ LanguageCode = 'en-US'; IdentifyLanguage = $true }; ErrorId = 'LanguageCodeAndIdentification' }
        @{ Case = '-IdentifyLanguage with -IdentifyMultipleLanguages'; Arguments = @{ IdentifyLanguage = $true; IdentifyMultipleLanguages = $true }; ErrorId = 'IdentifyLanguageConflict' }
        @{ Case = '-MaxSpeakers with -ChannelIdentification'; Arguments = @{ MaxSpeakers = 3; ChannelIdentification = $true }; ErrorId = 'SpeakersAndChannels' }
        @{ Case = '-SubtitleStartIndex without -Subtitle'; Arguments = @{ SubtitleStartIndex = 1 }; ErrorId = 'SubtitleStartIndexWithoutSubtitle' }
    ) {
        { Get-ChildItem -LiteralPath $script:Calls.FullName | Start-TranscriptionJob -OutputBucket b-calls @Arguments -ErrorAction Stop } |
            Should -Throw -ErrorId "$ErrorId,*"
        (Get-EmulatorRequestCount).Count | Should -Be 0
    }

    It '<Case> is one error per recording with <ErrorId>, what is wrong as the target, and no call' -ForEach @(
        @{ Case = 'redaction in Japanese'; Arguments = @{ LanguageCode = 'ja-JP'; RedactPii = $true }; ErrorId = 'RedactionLanguageUnsupported'; Target = 'ja-JP' }
        @{ Case = 'redaction with language identification'; Arguments = @{ IdentifyLanguage = $true; RedactPii = $true }; ErrorId = 'RedactionWithLanguageIdentification'; Target = 'RedactPii' }
        @{ Case = 'one language option'; Arguments = @{ IdentifyLanguage = $true; LanguageOption = 'en-US' }; ErrorId = 'TooFewLanguageOptions'; Target = 'en-US' }
        @{ Case = 'channel identification of a mono call'; Arguments = @{ ChannelIdentification = $true }; ErrorId = 'NotStereo'; Target = 'call-1.wav' }
    ) {
        $jobs = Get-ChildItem -LiteralPath $script:Calls.FullName | Start-TranscriptionJob -OutputBucket b-calls @Arguments -ErrorVariable problems -ErrorAction SilentlyContinue

        $jobs | Should -BeNullOrEmpty
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $problems[0].CategoryInfo.Category | Should -BeIn @('InvalidArgument', 'InvalidData')
        Split-Path $problems[0].TargetObject -Leaf | Should -Be $Target
        (Get-EmulatorRequestCount).Count | Should -Be 0
    }

    It 'a mono call given to Start-CallAnalyticsJob is NotStereo and names Start-TranscriptionJob' {
        $null = Start-CallAnalyticsJob -LiteralPath (Join-Path $script:Calls 'call-1.wav') -OutputBucket b-calls -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'NotStereo,*'
        $problems[0].Exception.Message | Should -BeLike '*Start-TranscriptionJob*'
    }
}

Describe 'Subtitles, channels and -Kind Standard' {
    BeforeAll { Reset-Emulator }

    It 'writes subtitles beside the transcript; Save-TranscribeOutput downloads them and Remove -IncludeOutput deletes them' {
        $saved = Join-Path $script:Folder 'saved'
        New-Item -ItemType Directory -Path $saved -Force | Out-Null
        $job = Start-TranscriptionJob -LiteralPath $script:Lecture.FullName -OutputBucket b-media -Subtitle Srt, Vtt -SubtitleStartIndex 1 -Wait

        $job.SubtitleUris.Count | Should -Be 2
        $files = Get-TranscribeJob -Kind Standard -Name $job.JobName | Save-TranscribeOutput -Destination $saved
        ($files.Name | Sort-Object) | Should -Be @("$($job.JobName).json", "$($job.JobName).srt", "$($job.JobName).vtt")
        (Get-Content -LiteralPath (Join-Path $saved "$($job.JobName).srt") -TotalCount 1) | Should -Be '1'
        (Get-Content -LiteralPath (Join-Path $saved "$($job.JobName).vtt") -TotalCount 1) | Should -Be 'WEBVTT'

        Remove-TranscribeJob -Name $job.JobName -Kind Standard -IncludeOutput -Confirm:$false
        { Get-TranscribeJob -Name $job.JobName -Kind Standard -ErrorAction Stop } | Should -Throw
        { $job | Get-TranscriptItem -ErrorAction Stop } | Should -Throw
    }

    It 'a stereo call with -ChannelIdentification reads back with -SpeakerName for ch_0 and ch_1' {
        $turns = Start-TranscriptionJob -LiteralPath $script:Stereo.FullName -OutputBucket b-calls -ChannelIdentification -Wait |
            Get-TranscriptTurn -SpeakerName @{ ch_0 = 'Agent'; ch_1 = 'Customer' }

        @($turns.SpeakerName | Sort-Object -Unique) | Should -Be @('Agent', 'Customer')
        @($turns.Channel | Sort-Object -Unique) | Should -Be @('ch_0', 'ch_1')
    }

    It 'Wait-TranscribeJob -Kind Standard and Get-TranscribeJob -Kind Standard find the jobs by name' {
        $job = Start-TranscriptionJob -LiteralPath (Join-Path $script:Calls 'call-1.wav') -OutputBucket b-calls

        (Wait-TranscribeJob -Name $job.JobName -Kind Standard).Status | Should -Be 'Completed'
        (Get-TranscribeJob -Kind Standard -Status COMPLETED).JobName | Should -Contain $job.JobName
        (Get-TranscribeJob -Kind Scribe -Name $job.JobName -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }
}
