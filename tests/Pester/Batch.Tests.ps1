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
}
