#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Issue 8's batch at scale, as a user types it: 1,000 recordings from Get-ChildItem through Start, Wait and Save
# against the emulator with AWS's default request quotas, a concurrent-job quota of 100 and a job clock scaled down
# so the run fits CI. Counted in the emulator afterwards: one job per recording, none started twice, every transcript
# saved, no error; run again, nothing is started or uploaded.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Endpoint = (Start-TestEmulator).Endpoint
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-scale-$([guid]::NewGuid().ToString('N'))"
    $script:Out = Join-Path $script:Folder 'transcripts'
    $script:Count = 1000
    $script:Quota = 100
    $null = New-Item -ItemType Directory -Path $script:Out
    # Silent 1 s WAVs, each 16 samples longer than the last: different content, so different upload keys and names.
    foreach ($i in 1..$script:Count) { New-TestWav -Path (Join-Path $script:Folder ('visit-{0:0000}.wav' -f $i)) -Seconds (1 + $i / 1000) | Out-Null }

    function Get-StartAttempt { @(Invoke-RestMethod -Uri "$script:Endpoint/_emulator/transcribe/start-attempts" | ForEach-Object { $_ }) }
    function Get-EmulatorJob { @(Invoke-RestMethod -Uri "$script:Endpoint/_emulator/transcribe/jobs" | ForEach-Object { $_ }) }
    function Set-MedicalQuota([int] $Limit) {
        Invoke-RestMethod -Method Post -Uri "$script:Endpoint/_emulator/transcribe/quotas" -ContentType 'application/json' -Body (@{ Medical = $Limit } | ConvertTo-Json) | Out-Null
    }

    Reset-Emulator
    $script:DefaultMedicalQuota = (Invoke-RestMethod -Uri "$script:Endpoint/_emulator/transcribe/state").Quotas.Medical
    Set-MedicalQuota $script:Quota
    # The realistic clock (QUEUED 2 s, then 5 s + 0.25 s per audio second) scaled down: QUEUED 1 s, then 3 s + 1 s per
    # audio second, about 5 s a job. 100 slots then pass ~20 jobs a second, fewer than Start's 25 TPS: the window on
    # the concurrent-job quota, not the request rate, is what paces this batch.
    Invoke-RestMethod -Method Post -Uri "$script:Endpoint/_emulator/transcribe/timing" -ContentType 'application/json' -Body (@{ Mode = 'Realistic'; QueueDelaySeconds = 1; BaseProcessingSeconds = 3; ProcessingFactor = 1 } | ConvertTo-Json) | Out-Null
}

AfterAll {
    Set-EmulatorTiming Instant
    Set-MedicalQuota $script:DefaultMedicalQuota
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe '1,000 recordings through Start, Wait and Save at a concurrent-job quota of 100' {
    BeforeAll {
        $ProgressPreference = 'SilentlyContinue'
        $script:Saved = @(Get-ChildItem -Path "$script:Folder/*.wav" |
                Start-MedicalConversationJob -OutputBucket clinic-batch -ErrorVariable startErrors |
                Wait-TranscribeJob -PollInterval 2 -ErrorVariable waitErrors |
                Save-TranscribeOutput -Destination $script:Out -ErrorVariable saveErrors)
        $script:Failures = @($startErrors) + @($waitErrors) + @($saveErrors)
        $script:Counts = Get-EmulatorRequestCount
        $script:Jobs = Get-EmulatorJob
        $script:Attempts = Get-StartAttempt
    }

    It 'runs without an error' {
        $script:Failures | Should -BeNullOrEmpty
    }

    It 'ends with 1,000 distinct completed jobs in the emulator' {
        $script:Jobs.Count | Should -Be $script:Count
        @($script:Jobs.Name | Sort-Object -Unique).Count | Should -Be $script:Count
        @($script:Jobs | Where-Object Status -NE 'COMPLETED') | Should -BeNullOrEmpty
    }

    It 'starts no job twice and waits out the quota instead of failing' {
        # Every admitted Start made a job, so 1,000 admissions are 1,000 jobs, none twice.
        $admitted = @($script:Attempts | Where-Object Outcome -NotMatch 'Exception$')
        $admitted.Count | Should -Be $script:Count
        @($admitted.JobName | Sort-Object -Unique).Count | Should -Be $script:Count
        # The batch met the quota: the service said "too many jobs" and the batch waited for a slot instead.
        @($script:Attempts | Where-Object Outcome -EQ 'LimitExceededException').Count | Should -BeGreaterThan 0
    }

    It 'uploads each recording once and saves each transcript' {
        $script:Counts['PutObject'] | Should -Be $script:Count
        $script:Saved.Count | Should -Be $script:Count
        @(Get-ChildItem -LiteralPath $script:Out -File -Recurse).Count | Should -Be $script:Count
    }

    It 'run again, starts nothing and uploads nothing and returns the same 1,000 jobs' {
        Reset-Emulator -KeepState

        $again = @(Get-ChildItem -Path "$script:Folder/*.wav" | Start-MedicalConversationJob -OutputBucket clinic-batch -ErrorVariable againErrors)

        $againErrors | Should -BeNullOrEmpty
        @($again.JobName | Sort-Object) | Should -Be @($script:Jobs.Name | Sort-Object)
        $counts = Get-EmulatorRequestCount
        $counts['StartMedicalTranscriptionJob'] | Should -BeNullOrEmpty
        $counts['PutObject'] | Should -BeNullOrEmpty
        $counts['HeadObject'] | Should -BeNullOrEmpty
        (Get-EmulatorJob).Count | Should -Be $script:Count
    }
}
