#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Batches as a user's pwsh runs them: a folder piped into a Start cmdlet, recordings in flight side by side, the
# existence check and the upload check in bulk, reruns, and service faults — counted in the emulator afterwards.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Endpoint = (Start-TestEmulator).Endpoint
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-batch-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    $script:Count = 40
    # Silent WAVs of different lengths: different content, so different upload keys and job names.
    foreach ($i in 1..$script:Count) { New-TestWav -Path (Join-Path $script:Folder ('visit-{0:000}.wav' -f $i)) -Seconds (1 + $i / 100) | Out-Null }

    function Get-StartAttempt { @(Invoke-RestMethod -Uri "$script:Endpoint/_emulator/transcribe/start-attempts") }
    function Get-EmulatorJob { @(Invoke-RestMethod -Uri "$script:Endpoint/_emulator/transcribe/jobs") }
    function Add-EmulatorFault([hashtable] $Rule) {
        Invoke-RestMethod -Method Post -Uri "$script:Endpoint/_emulator/faults" -ContentType 'application/json' -Body ($Rule | ConvertTo-Json) | Out-Null
    }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'A folder piped into Start-MedicalConversationJob' {
    BeforeEach { Reset-Emulator }

    It 'starts one job per recording with one List for existence (a Get for the first four only) and no HeadObject' {
        $jobs = @(Get-ChildItem -LiteralPath $script:Folder -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-batch -ThrottleLimit 8 -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        @($jobs.JobName | Sort-Object -Unique).Count | Should -Be $script:Count
        (Get-StartAttempt).Count | Should -Be $script:Count
        $counts = Get-EmulatorRequestCount
        $counts['PutObject'] | Should -Be $script:Count
        $counts['ListMedicalTranscriptionJobs'] | Should -Be 1
        $counts['GetMedicalTranscriptionJob'] | Should -Be 4
        $counts['HeadObject'] | Should -BeNullOrEmpty
    }

    It 'a single recording costs one Get and no List' {
        $job = Start-MedicalConversationJob -LiteralPath (Join-Path $script:Folder 'visit-001.wav') -OutputBucket clinic-batch

        $job.JobName | Should -BeLike 'visit-001-*'
        $counts = Get-EmulatorRequestCount
        $counts['GetMedicalTranscriptionJob'] | Should -Be 1
        $counts['ListMedicalTranscriptionJobs'] | Should -BeNullOrEmpty
    }

    It 'run again, returns every job it started and neither starts nor uploads anything' {
        $first = @(Get-ChildItem -LiteralPath $script:Folder -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-batch)
        Reset-Emulator -KeepState

        $again = @(Get-ChildItem -LiteralPath $script:Folder -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-batch -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        @($again.JobName | Sort-Object) | Should -Be @($first.JobName | Sort-Object)
        (Get-StartAttempt).Count | Should -Be $script:Count
        $counts = Get-EmulatorRequestCount
        $counts['PutObject'] | Should -BeNullOrEmpty
        $counts['StartMedicalTranscriptionJob'] | Should -BeNullOrEmpty
        $counts['HeadObject'] | Should -BeNullOrEmpty
    }

    It 'one at a time with -ThrottleLimit 1 gives the same jobs' {
        $jobs = @(Get-ChildItem -LiteralPath $script:Folder -Filter *.wav | Select-Object -First 5 | Start-MedicalConversationJob -OutputBucket clinic-batch -ThrottleLimit 1)

        $jobs.Count | Should -Be 5
        (Get-EmulatorJob).Count | Should -Be 5
    }

    It 'refuses -ThrottleLimit <Limit> before anything is called' -TestCases @(@{ Limit = 0 }, @{ Limit = 65 }) {
        { Start-MedicalConversationJob -Path (Join-Path $script:Folder 'visit-001.wav') -OutputBucket clinic-batch -ThrottleLimit $Limit } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,TranscribePS.Commands.StartMedicalConversationJobCommand'
        (Get-EmulatorRequestCount).Count | Should -Be 0
    }

    It 'refuses -MaxConcurrentJobs 0 before anything is called' {
        { Start-MedicalConversationJob -Path (Join-Path $script:Folder 'visit-001.wav') -OutputBucket clinic-batch -MaxConcurrentJobs 0 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,TranscribePS.Commands.StartMedicalConversationJobCommand'
        (Get-EmulatorRequestCount).Count | Should -Be 0
    }
}

Describe 'More recordings than the account may run at once' {
    BeforeAll {
        $script:Quotas = (Invoke-RestMethod -Uri "$script:Endpoint/_emulator/transcribe/state").Quotas
        function Set-MedicalQuota([int] $Limit) {
            Invoke-RestMethod -Method Post -Uri "$script:Endpoint/_emulator/transcribe/quotas" -ContentType 'application/json' -Body (@{ Medical = $Limit } | ConvertTo-Json) | Out-Null
        }
        function Invoke-Child([string] $Script) {
            # A pipeline of its own, as a host runs it, so its progress records can be read afterwards.
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$(Get-TestModulePath)'").AddStatement().AddScript($Script)
            try {
                [pscustomobject]@{ Jobs = @($ps.Invoke()); Errors = @($ps.Streams.Error); Progress = @($ps.Streams.Progress) }
            }
            finally { $ps.Dispose() }
        }
    }
    BeforeEach {
        Reset-Emulator
        Set-MedicalQuota 5
        # Jobs that run a second once admitted, so slots free up while the batch goes on.
        Invoke-RestMethod -Method Post -Uri "$script:Endpoint/_emulator/transcribe/timing" -ContentType 'application/json' -Body (@{ Mode = 'Realistic'; QueueDelaySeconds = 0; BaseProcessingSeconds = 1; ProcessingFactor = 0 } | ConvertTo-Json) | Out-Null
    }
    AfterEach {
        Set-EmulatorTiming Instant
        Set-MedicalQuota $script:Quotas.Medical
    }

    It 'with the medical quota at 5, 20 recordings give 20 jobs and no error; the progress bar says it waits for a slot' {
        $run = Invoke-Child "Get-ChildItem -LiteralPath '$script:Folder' -Filter *.wav | Select-Object -First 20 | Start-MedicalConversationJob -OutputBucket clinic-batch"

        $run.Errors | Should -BeNullOrEmpty
        @($run.Jobs.JobName | Sort-Object -Unique).Count | Should -Be 20
        (Get-EmulatorJob).Count | Should -Be 20
        # The service said "too many jobs" and the batch waited instead of failing those recordings.
        (Get-StartAttempt).Outcome | Should -Contain 'LimitExceededException'
        $slot = @($run.Progress | Where-Object Activity -eq 'Waiting for a free job slot')
        # The window learnt the quota from the service's count when it refused (5, or 4 when a job ended in between).
        $slot.StatusDescription | Where-Object { $_ -match '^[45] of [45] medical jobs queued or in progress in the account; the next starts when one ends$' } | Should -Not -BeNullOrEmpty
        $slot.StatusDescription | Where-Object { $_ -match '^\d+ of \d+ medical' -and $_ -notmatch '^[0-5] of [45] ' } | Should -BeNullOrEmpty
        $slot[-1].RecordType | Should -Be 'Completed'
    }

    It 'with -MaxConcurrentJobs 5 the service seldom has to refuse a Start' {
        $run = Invoke-Child "Get-ChildItem -LiteralPath '$script:Folder' -Filter *.wav | Select-Object -First 12 | Start-MedicalConversationJob -OutputBucket clinic-batch -MaxConcurrentJobs 5"

        $run.Errors | Should -BeNullOrEmpty
        @($run.Jobs).Count | Should -Be 12
        (Get-EmulatorJob).Count | Should -Be 12
        # The window keeps Starts inside the quota; a refusal a race lets through is waited out (without the window
        # each of the 7 Starts past the quota would be refused).
        @((Get-StartAttempt).Outcome | Where-Object { $_ -eq 'LimitExceededException' }).Count | Should -BeLessThan 7
        @($run.Progress | Where-Object Activity -eq 'Waiting for a free job slot').Count | Should -BeGreaterThan 0
    }
}
