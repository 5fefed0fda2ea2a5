#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Interruptions from issue 8's fault suite: a session token that expires during a long wait, and a batch whose
# process is killed between upload and start or between start and emit. Each is checked against the invariant, counted
# in the emulator afterwards: one outcome per recording (a completed job, a failed job, or one error record naming
# it), and a rerun starts no job twice and uploads nothing that arrived whole.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Endpoint = (Start-TestEmulator).Endpoint
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-interrupt-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    $script:Count = 6
    # Different lengths: different content, so different upload keys and job names.
    foreach ($i in 1..$script:Count) { New-TestWav -Path (Join-Path $script:Folder ('visit-{0:000}.wav' -f $i)) -Seconds (1 + $i / 100) | Out-Null }

    # Temporary credentials as STS or SSO hands them out (the emulator accepts each only with its token, until it expires).
    $script:Old = @{ accessKeyId = 'ASIATPSOLDSESSIONKEY'; secretAccessKey = 'old/session/secret/k7MDENG'; sessionToken = 'OLD-TOKEN-FwoGZXIvYXdzEJr' }
    $script:New = @{ accessKeyId = 'ASIATPSNEWSESSIONKEY'; secretAccessKey = 'new/session/secret/bPxRfiCY'; sessionToken = 'NEW-TOKEN-IQoJb3JpZ2luX2Vj' }
    $script:CredentialsFile = Join-Path $script:Folder 'credentials'
    # One recording large enough to go up in parts (S3Transfer.MultipartThreshold is 16 MiB): 20 MiB of 16 kHz mono.
    $script:LargeFolder = Join-Path $script:Folder 'large'
    New-Item -ItemType Directory -Path $script:LargeFolder | Out-Null
    $script:Large = New-TestWav -Path (Join-Path $script:LargeFolder 'long-visit.wav') -Seconds 655

    function Get-EmulatorJob { @(Invoke-RestMethod -Uri "$script:Endpoint/_emulator/transcribe/jobs") }
    function Get-StartAttempt { @(Invoke-RestMethod -Uri "$script:Endpoint/_emulator/transcribe/start-attempts" | ForEach-Object { $_ }) }
    function Get-TemporaryCredential { @(Invoke-RestMethod -Uri "$script:Endpoint/_emulator/credentials" | ForEach-Object { $_ }) }
    function Add-EmulatorFault([hashtable] $Rule) {
        Invoke-RestMethod -Method Post -Uri "$script:Endpoint/_emulator/faults" -ContentType 'application/json' -Body ($Rule | ConvertTo-Json) | Out-Null
    }
    function Set-JobClock([double] $Seconds) {
        # Jobs start at once and complete $Seconds later, on the emulator's clock.
        $body = @{ Mode = 'Realistic'; QueueDelaySeconds = 0; BaseProcessingSeconds = $Seconds; ProcessingFactor = 0 } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri "$script:Endpoint/_emulator/transcribe/timing" -ContentType 'application/json' -Body $body | Out-Null
    }
    function Register-Session([hashtable] $Session) {
        Invoke-RestMethod -Method Put -Uri "$script:Endpoint/_emulator/credentials" -ContentType 'application/json' -Body ($Session | ConvertTo-Json) | Out-Null
    }
    function Set-SessionExpired([hashtable] $Session) {
        Invoke-RestMethod -Method Post -Uri "$script:Endpoint/_emulator/credentials/$($Session.accessKeyId)/expire" | Out-Null
    }
    function Write-Profile([hashtable] $Session) {
        # What 'aws sso login', a credential_process wrapper or a scheduled task leaves in the shared credentials file.
        Set-Content -LiteralPath $script:CredentialsFile -Value @(
            '[tps-session]'
            "aws_access_key_id = $($Session.accessKeyId)"
            "aws_secret_access_key = $($Session.secretAccessKey)"
            "aws_session_token = $($Session.sessionToken)"
        )
    }
    function Start-Batch {
        $jobs = @(Get-ChildItem -LiteralPath $script:Folder -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-batch -ErrorVariable failures)
        $failures | Should -BeNullOrEmpty
        $jobs.Count | Should -Be $script:Count
        $jobs
    }
    function Start-ChildBatch([string] $Command) {
        # The same module in a pwsh process of its own (the environment, so the emulator's settings, is inherited), to kill.
        $psi = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
        if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
            # pwsh run as a .NET tool: dotnet <pwsh.dll>.
            $psi.ArgumentList.Add([Environment]::GetCommandLineArgs()[0])
        }
        $script = "`$ErrorActionPreference = 'Stop'; Import-Module '$(Get-TestModulePath)'; `$Folder = '$script:Folder'; `$LargeFolder = '$script:LargeFolder'; $Command"
        foreach ($a in '-NoProfile', '-NonInteractive', '-Command', $script) { $psi.ArgumentList.Add($a) }
        $psi.UseShellExecute = $false
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $process = [Diagnostics.Process]::Start($psi)
        [pscustomobject]@{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Errors = $process.StandardError.ReadToEndAsync() }
    }
    function Stop-ChildWhen([pscustomobject] $Child, [scriptblock] $Condition, [int] $TimeoutSeconds = 60) {
        # Kills the child (and anything it started) the moment the emulator shows the state $Condition waits for.
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        try {
            while (-not (& $Condition (Get-EmulatorRequestCount))) {
                if ($Child.Process.HasExited) { throw "The child batch ended before it could be killed: $($Child.Errors.Result)" }
                if ([DateTime]::UtcNow -gt $deadline) { throw "The child batch did not reach the point to kill it within $TimeoutSeconds s: $(Get-EmulatorRequestCount | ConvertTo-Json -Compress)" }
                Start-Sleep -Milliseconds 100
            }
        }
        finally {
            if (-not $Child.Process.HasExited) { $Child.Process.Kill($true) }
            $Child.Process.WaitForExit(10000) | Out-Null
            $Child.Process.Dispose()
        }
    }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'A session token that expires during a long wait' {
    BeforeAll {
        $script:SavedVariables = @{}
        foreach ($name in 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN') {
            $script:SavedVariables[$name] = [Environment]::GetEnvironmentVariable($name)
        }
        function Use-Variables([hashtable] $Values) {
            foreach ($kv in $Values.GetEnumerator()) { [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value) }
        }
        function Restore-Variables { Use-Variables $script:SavedVariables }
        function Use-Source([string] $Source) {
            # Where Wait-TranscribeJob takes the session from; returns the parameters that say so. (A credentials file
            # is named with -ProfileLocation: the SDK reads AWS_SHARED_CREDENTIALS_FILE once per process.)
            switch ($Source) {
                '-ProfileName' { @{ ProfileName = 'tps-session'; ProfileLocation = $script:CredentialsFile } }
                'AWS_SESSION_TOKEN' {
                    Use-Variables @{ AWS_ACCESS_KEY_ID = $script:Old.accessKeyId; AWS_SECRET_ACCESS_KEY = $script:Old.secretAccessKey; AWS_SESSION_TOKEN = $script:Old.sessionToken }
                    @{}
                }
            }
        }
    }
    BeforeEach {
        Reset-Emulator
        Register-Session $script:Old
        Register-Session $script:New
        Write-Profile $script:Old
    }
    AfterEach {
        Restore-Variables
        Set-EmulatorTiming Instant
    }

    It 'the profile is rewritten with a fresh session before the old one expires: every job emitted, no error' {
        Set-JobClock 3
        $jobs = Start-Batch
        $Parameters = Use-Source '-ProfileName'

        # Wait-TranscribeJob reads the old session when it begins; once every job has joined the wait, the file gets
        # the new session and the old one expires, while the jobs still run.
        $done = @($jobs | ForEach-Object -Process { $_ } -End { Write-Profile $script:New; Set-SessionExpired $script:Old } |
                Wait-TranscribeJob @Parameters -Timeout 120 -PollInterval 1 -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        @($done.JobName | Sort-Object) | Should -Be @($jobs.JobName | Sort-Object)
        $done.Status | Sort-Object -Unique | Should -Be 'Completed'
        $sessions = @{}
        foreach ($c in Get-TemporaryCredential) { $sessions[$c.accessKeyId] = $c }
        $sessions[$script:Old.accessKeyId].expired | Should -BeTrue
        $sessions[$script:New.accessKeyId].calls | Should -BeGreaterThan 0
        (Get-EmulatorJob).Count | Should -Be $script:Count
    }

    It 'the session expires and nothing renews it (<Source>): one error per pending job, naming it, without the credentials' -TestCases @(
        @{ Source = 'AWS_SESSION_TOKEN' }
        @{ Source = '-ProfileName' }
    ) {
        Set-JobClock 3600
        $jobs = Start-Batch
        $Parameters = Use-Source $Source

        $done = @($jobs | ForEach-Object -Process { $_ } -End { Set-SessionExpired $script:Old } |
                Wait-TranscribeJob @Parameters -Timeout 120 -PollInterval 1 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $done | Should -BeNullOrEmpty
        $failures.Count | Should -Be $script:Count
        @($failures.TargetObject.JobName | Sort-Object) | Should -Be @($jobs.JobName | Sort-Object)
        $failures.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'TranscribeCredentialsExpired,TranscribePS.Commands.WaitTranscribeJobCommand'
        $failures.CategoryInfo.Category | Sort-Object -Unique | Should -Be 'AuthenticationError'
        foreach ($failure in $failures) {
            $name = $failure.TargetObject.JobName
            $failure.Exception.Message | Should -BeLike "*'$name'*expired*aws sso login*Wait-TranscribeJob -Name '$name'*"
            foreach ($secret in $script:Old.Values + $script:New.Values) { $failure.Exception.Message | Should -Not -BeLike "*$secret*" }
        }
        # The jobs run on in the service, each started once.
        (Get-EmulatorJob).Count | Should -Be $script:Count
    }
}

Describe 'A batch whose process is killed, then run again' {
    BeforeEach { Reset-Emulator }
    AfterEach { Set-EmulatorTiming Instant }

    It 'killed between upload and start: the rerun uploads nothing again and starts each recording once' {
        # Every Start hangs, so the child is killed with all its recordings uploaded and their Starts sent but unanswered.
        # (All recordings in one -LiteralPath: the cmdlet takes them at once, so none waits for an earlier one's Start.)
        Add-EmulatorFault @{ operation = 'StartMedicalTranscriptionJob'; action = 'Latency'; latencyMilliseconds = 120000 }
        $command = 'Start-MedicalConversationJob -LiteralPath (Get-ChildItem -LiteralPath $Folder -Filter *.wav).FullName -OutputBucket clinic-batch -ThrottleLimit 8'
        $child = Start-ChildBatch $command
        Stop-ChildWhen $child { param($counts) $counts['PutObject'] -eq $script:Count -and $counts['StartMedicalTranscriptionJob'] -eq $script:Count }
        (Get-EmulatorJob).Count | Should -Be 0
        $uploaded = @(Get-EmulatorObject | Where-Object { $_ -like '*.wav' })
        Invoke-RestMethod -Method Delete -Uri "$script:Endpoint/_emulator/faults" | Out-Null
        Reset-Emulator -KeepState

        # The same command again, in this session.
        $jobs = @(Start-MedicalConversationJob -LiteralPath (Get-ChildItem -LiteralPath $script:Folder -Filter *.wav).FullName -OutputBucket clinic-batch -ThrottleLimit 8 -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        @($jobs.JobName | Sort-Object -Unique).Count | Should -Be $script:Count
        $counts = Get-EmulatorRequestCount
        $counts['PutObject'] | Should -BeNullOrEmpty
        $counts['CreateMultipartUpload'] | Should -BeNullOrEmpty
        # What arrived before the kill is all the media there is (the rest are the jobs' transcripts).
        $uploaded.Count | Should -Be $script:Count
        $media = @(Get-EmulatorObject | Where-Object { $_ -like '*.wav' })
        @($media | Sort-Object) | Should -Be @($uploaded | Sort-Object)
        (Get-EmulatorJob).Count | Should -Be $script:Count
        $started = @(Get-StartAttempt | Where-Object Outcome -NE 'ConflictException')
        @($started.JobName | Sort-Object -Unique).Count | Should -Be $started.Count
        @($started.JobName | Sort-Object) | Should -Be @($jobs.JobName | Sort-Object)
    }

    It 'killed between start and emit: the rerun returns every job and starts none twice' {
        # The jobs run for an hour: the child, told to -Wait, has started them all and emitted none when it is killed.
        Set-JobClock 3600
        $child = Start-ChildBatch 'Get-ChildItem -LiteralPath $Folder -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-batch -ThrottleLimit 8 -Wait'
        Stop-ChildWhen $child { (Get-StartAttempt).Count -eq $script:Count }
        $startedBefore = @(Get-StartAttempt)
        Reset-Emulator -KeepState

        $jobs = @(Get-ChildItem -LiteralPath $script:Folder -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-batch -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        @($jobs.JobName | Sort-Object) | Should -Be @($startedBefore.JobName | Sort-Object)
        $counts = Get-EmulatorRequestCount
        $counts['StartMedicalTranscriptionJob'] | Should -BeNullOrEmpty
        $counts['PutObject'] | Should -BeNullOrEmpty
        (Get-EmulatorJob).Count | Should -Be $script:Count
        @(Get-StartAttempt).Count | Should -Be $script:Count
    }

    It 'killed during a multipart upload: the rerun uploads the recording whole and starts it once' {
        # The parts hang, so the child is killed with the multipart upload created and its parts unanswered.
        Add-EmulatorFault @{ operation = 'UploadPart'; action = 'Latency'; latencyMilliseconds = 120000 }
        $child = Start-ChildBatch 'Get-ChildItem -LiteralPath $LargeFolder -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-batch'
        Stop-ChildWhen $child { param($counts) $counts['CreateMultipartUpload'] -eq 1 -and $counts['UploadPart'] -ge 1 }
        @(Get-EmulatorObject | Where-Object { $_ -like '*.wav' }) | Should -BeNullOrEmpty
        Invoke-RestMethod -Method Delete -Uri "$script:Endpoint/_emulator/faults" | Out-Null
        Reset-Emulator -KeepState

        $jobs = @(Get-ChildItem -LiteralPath $script:LargeFolder -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-batch -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        $jobs.Count | Should -Be 1
        $counts = Get-EmulatorRequestCount
        $counts['CompleteMultipartUpload'] | Should -Be 1
        $counts['StartMedicalTranscriptionJob'] | Should -Be 1
        @(Get-EmulatorObject | Where-Object { $_ -like '*.wav' }).Count | Should -Be 1
        (Get-EmulatorJob).Count | Should -Be 1
        # The emulator measures the recording the job reads: a torn upload would fail it as too short or unreadable.
        ($jobs | Wait-TranscribeJob -Timeout 60 -PollInterval 1).Status | Should -Be 'Completed'
    }
}
