#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# The fault suite (issue 8 "Faults"), as a user's pwsh meets the faults: each scripted through the emulator's fault
# rules, each checked against the invariant — one outcome per recording (a completed job, a failed job, or one error
# record naming it), counted in the emulator afterwards. Submission faults (5xx and throttling on Start, List,
# PutObject) are in Batch.Tests.ps1 and xunit BatchSubmissionTests; the wait's are here.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Endpoint = (Start-TestEmulator).Endpoint
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-faults-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    $script:Count = 20
    # Different lengths: different content, so different upload keys and job names.
    foreach ($i in 1..$script:Count) { New-TestWav -Path (Join-Path $script:Folder ('visit-{0:000}.wav' -f $i)) -Seconds (1 + $i / 100) | Out-Null }

    function Get-EmulatorJob { @(Invoke-RestMethod -Uri "$script:Endpoint/_emulator/transcribe/jobs") }
    function Add-EmulatorFault([hashtable] $Rule) {
        Invoke-RestMethod -Method Post -Uri "$script:Endpoint/_emulator/faults" -ContentType 'application/json' -Body ($Rule | ConvertTo-Json) | Out-Null
    }
    function Set-JobClock([double] $Seconds) {
        # Jobs start at once and complete $Seconds later, on the emulator's clock.
        $body = @{ Mode = 'Realistic'; QueueDelaySeconds = 0; BaseProcessingSeconds = $Seconds; ProcessingFactor = 0 } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri "$script:Endpoint/_emulator/transcribe/timing" -ContentType 'application/json' -Body $body | Out-Null
    }
    function Start-Batch {
        $jobs = @(Get-ChildItem -LiteralPath $script:Folder -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-batch -ErrorVariable failures)
        $failures | Should -BeNullOrEmpty
        $jobs.Count | Should -Be $script:Count
        $jobs
    }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Wait-TranscribeJob under service faults' {
    BeforeEach { Reset-Emulator }
    AfterEach { Set-EmulatorTiming Instant }

    It 'a burst of 40 failing GetMedicalTranscriptionJob calls (500) during the wait: all 20 jobs emitted, no error' {
        Set-JobClock 3
        $jobs = Start-Batch
        Add-EmulatorFault @{ operation = 'GetMedicalTranscriptionJob'; action = 'Error'; statusCode = 500; errorCode = 'InternalFailureException'; firstCall = 1; lastCall = 40 }
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $done = @($jobs | Wait-TranscribeJob -Timeout 300 -PollInterval 1 -ErrorVariable failures)

        $clock.Stop()
        $failures | Should -BeNullOrEmpty
        @($done.JobName | Sort-Object -Unique) | Should -Be @($jobs.JobName | Sort-Object)
        $done.Status | Sort-Object -Unique | Should -Be 'Completed'
        # The burst was met (every faulted call counted), and the wait outlived it.
        (Invoke-RestMethod -Uri "$script:Endpoint/_emulator/requests").GetMedicalTranscriptionJob | Should -BeGreaterThan 40
        # One outcome per recording in the service too: 20 jobs, none started twice.
        (Get-EmulatorJob).Count | Should -Be $script:Count
        # Jobs that finish in 3 s are seen soon after the burst, not after minutes of giving up and retrying.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 60
    }

    It 'AccessDenied during the wait: one error per pending job, under the service''s ErrorId, naming the job' {
        Set-JobClock 3600
        $jobs = Start-Batch
        foreach ($operation in 'GetMedicalTranscriptionJob', 'ListMedicalTranscriptionJobs') {
            Add-EmulatorFault @{ operation = $operation; action = 'Error'; statusCode = 400; errorCode = 'AccessDeniedException'; message = 'User is not authorized to perform: transcribe:' + $operation }
        }

        $done = @($jobs | Wait-TranscribeJob -Timeout 300 -PollInterval 1 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $done | Should -BeNullOrEmpty
        $failures.Count | Should -Be $script:Count
        @($failures.TargetObject.JobName | Sort-Object -Unique) | Should -Be @($jobs.JobName | Sort-Object)
        $failures.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'TranscribeAccessDenied,TranscribePS.Commands.WaitTranscribeJobCommand'
        $failures.CategoryInfo.Category | Sort-Object -Unique | Should -Be 'PermissionDenied'
        foreach ($failure in $failures) {
            $failure.Exception.Message | Should -BeLike "*'$($failure.TargetObject.JobName)'*not authorized*Wait-TranscribeJob -Name '$($failure.TargetObject.JobName)'*"
        }
    }
}
