#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# How the cmdlets behave inside a live pipeline: Ctrl+C, a downstream Select-Object -First, the wait's progress bar
# and jobs streaming through Wait-TranscribeJob while others still run. Pipelines that must be stopped or watched
# from outside run in a [powershell] instance of their own, as a host would run them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-pipeline-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    $script:Short = New-TestWav -Path (Join-Path $script:Folder 'short.wav') -Seconds 2
    $script:Long = New-TestWav -Path (Join-Path $script:Folder 'long.wav') -Seconds 20

    function New-Child([string] $Script) {
        # A pipeline of its own, with the module imported, running against the same emulator (the AWS_* variables
        # are the process's).
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$(Get-TestModulePath)'").AddStatement().AddScript($Script)
        $ps
    }

    function Get-WaitBar($Records) {
        # The wait's own bar (the Start cmdlets' upload bar and the per-job lines are other activities).
        @($Records | Where-Object { $_.ParentActivityId -eq -1 -and $_.Activity -like 'Waiting for *' })
    }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Stopping a pipeline' {
    BeforeEach { Reset-Emulator }
    AfterEach { Set-EmulatorTiming Instant }

    It 'Ctrl+C stops <Name> that would run for an hour within a second' -TestCases @(
        @{ Name = 'Wait-TranscribeJob -Name'; Script = { param($job, $wav) "Wait-TranscribeJob -Name '$($job.JobName)' -Kind Medical -PollInterval 60" } }
        @{ Name = 'a Start | Wait pipeline'; Script = { param($job, $wav) "Start-MedicalConversationJob -LiteralPath '$wav' -OutputBucket clinic-transcripts | Wait-TranscribeJob -PollInterval 60" } }
        @{ Name = 'Start -Wait'; Script = { param($job, $wav) "Start-MedicalConversationJob -LiteralPath '$wav' -OutputBucket clinic-transcripts -Wait -PollInterval 60" } }
    ) {
        Set-EmulatorTiming Realistic -ProcessingSeconds 3600
        $job = Start-MedicalConversationJob -LiteralPath $script:Short.FullName -OutputBucket clinic-transcripts
        $ps = New-Child (& $Script $job $script:Long.FullName)
        try {
            $run = $ps.BeginInvoke()
            # Waiting for real: the bar is up (the module is imported and the first check made).
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ((Get-WaitBar $ps.Streams.Progress).Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            (Get-WaitBar $ps.Streams.Progress).Count | Should -BeGreaterThan 0

            $clock = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()

            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            # Stop() returns when the state is Stopped; the invocation's own completion is signalled from another
            # thread just after (on a loaded machine not yet at the next line), so give it the same second.
            $run.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(1)) | Should -BeTrue
        }
        finally { $ps.Dispose() }
    }

    It 'Select-Object -First 1 ends the wait and its polling as soon as one job came out' {
        $done = Start-MedicalConversationJob -LiteralPath $script:Short.FullName -OutputBucket clinic-transcripts -Wait
        Set-EmulatorTiming Realistic -ProcessingSeconds 3600
        $running = Start-MedicalConversationJob -LiteralPath $script:Long.FullName -OutputBucket clinic-transcripts

        $clock = [Diagnostics.Stopwatch]::StartNew()
        $first = $done, $running | Wait-TranscribeJob -PollInterval 1 | Select-Object -First 1
        $clock.Stop()
        $afterStop = (Get-EmulatorRequestCount)['GetMedicalTranscriptionJob']
        Start-Sleep -Seconds 3

        $first.JobName | Should -Be $done.JobName
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 30
        (Get-EmulatorRequestCount)['GetMedicalTranscriptionJob'] | Should -Be $afterStop
    }

    It 'Select-Object -First 1 stops reading a transcript at the first item' {
        $job = Start-MedicalConversationJob -LiteralPath $script:Long.FullName -OutputBucket clinic-transcripts -Wait
        $saved = $job | Save-TranscribeOutput -Destination $script:Folder -Force

        $first = Get-TranscriptItem -LiteralPath $saved.FullName | Select-Object -First 1

        @($first).Count | Should -Be 1
        $first.Index | Should -Be 0
    }
}

Describe 'Items piped into Get-TranscriptTurn' {
    BeforeEach { Reset-Emulator }

    It 'make the same turns as reading the file, and a job and a path piped in still find their own sets' {
        $job = Start-MedicalConversationJob -LiteralPath $script:Long.FullName -OutputBucket clinic-transcripts -Wait
        $saved = $job | Save-TranscribeOutput -Destination $script:Folder -Force

        $piped = @(Get-TranscriptItem -LiteralPath $saved.FullName | Get-TranscriptTurn)
        $read = @(Get-TranscriptTurn -LiteralPath $saved.FullName)

        $piped.Count | Should -BeGreaterThan 1
        ($piped | ForEach-Object { "$($_.Speaker)|$($_.StartTime)|$($_.Text)" }) | Should -Be ($read | ForEach-Object { "$($_.Speaker)|$($_.StartTime)|$($_.Text)" })
        @($job | Get-TranscriptTurn).Count | Should -Be $read.Count
        @($saved.FullName | Get-TranscriptTurn).Count | Should -Be $read.Count
        @($saved | Get-TranscriptTurn).Count | Should -Be $read.Count
    }
}

Describe 'The wait progress bar' {
    BeforeEach {
        Reset-Emulator
        Set-EmulatorTiming Realistic -ProcessingSeconds 4
    }
    AfterEach { Set-EmulatorTiming Instant }

    It 'ticks every second with counts by status and the next check, one line per job, in a Start | Wait pipeline' {
        $ps = New-Child "Start-MedicalConversationJob -LiteralPath '$($script:Short.FullName)' -OutputBucket clinic-transcripts | Wait-TranscribeJob -PollInterval 2"
        try {
            $jobs = $ps.Invoke()
            $records = @($ps.Streams.Progress)
        }
        finally { $ps.Dispose() }

        @($jobs).Count | Should -Be 1
        $bar = Get-WaitBar $records
        $bar[0].Activity | Should -Be 'Waiting for 1 Transcribe job(s)'

        # While the one job ran and nothing changed, the elapsed time still moved on, second by second.
        $running = @($bar | Where-Object StatusDescription -like '0 queued, 1 in progress, 0 completed, 0 failed; *')
        $elapsed = @($running.StatusDescription | ForEach-Object { if ($_ -match '; (\d+:\d\d:\d\d) elapsed') { $Matches[1] } } | Select-Object -Unique)
        # A tick a loaded machine delays may skip a second, never more than one in a row, and time never goes back.
        $seconds = @($elapsed | ForEach-Object { [TimeSpan]::Parse($_).TotalSeconds })
        $seconds.Count | Should -BeGreaterOrEqual 3
        $seconds[0] | Should -BeLessOrEqual 1
        for ($i = 1; $i -lt $seconds.Count; $i++) { ($seconds[$i] - $seconds[$i - 1]) | Should -BeIn 1, 2 }
        $running.StatusDescription | Where-Object { $_ -match 'next check at \d\d:\d\d:\d\d \(in \d+ s\)$' } | Should -Not -BeNullOrEmpty

        # One line under the bar for the job, with its status; everything completed at the end.
        $line = @($records | Where-Object ParentActivityId -eq $bar[0].ActivityId)
        $line.Activity | Select-Object -Unique | Should -Be $jobs[0].JobName
        $line.StatusDescription | Should -Contain 'IN_PROGRESS'
        $line[-1].RecordType | Should -Be 'Completed'
        $bar[-1].RecordType | Should -Be 'Completed'
        $bar[-1].StatusDescription | Should -BeLike '0 queued, 0 in progress, 1 completed, 0 failed; *elapsed'
    }

    It 'counts more than five jobs by status, without a line per job' {
        $wavs = foreach ($i in 1..6) { New-TestWav -Path (Join-Path $script:Folder "many-$i.wav") -Seconds (1 + $i / 10) }
        $ps = New-Child "'$(($wavs.FullName) -join "','")' | Start-MedicalConversationJob -OutputBucket clinic-transcripts | Wait-TranscribeJob -PollInterval 1"
        try {
            $jobs = $ps.Invoke()
            $records = @($ps.Streams.Progress)
        }
        finally { $ps.Dispose() }

        @($jobs).Count | Should -Be 6
        $bar = Get-WaitBar $records
        $bar[-1].Activity | Should -Be 'Waiting for 6 Transcribe job(s)'
        $bar[-1].StatusDescription | Should -BeLike '0 queued, 0 in progress, 6 completed, 0 failed; *elapsed'
        $bar.StatusDescription | Where-Object { $_ -like '0 queued, 6 in progress, 0 completed, 0 failed; *' } | Should -Not -BeNullOrEmpty
        # Lines shown while five or fewer had joined are taken down when the sixth joins; none comes back.
        $sixth = [array]::IndexOf($records, ($records | Where-Object Activity -eq 'Waiting for 6 Transcribe job(s)' | Select-Object -First 1))
        $sixth | Should -BeGreaterThan 0
        $later = @($records[$sixth..($records.Count - 1)] | Where-Object ParentActivityId -eq $bar[0].ActivityId)
        $later.RecordType | Select-Object -Unique | Should -Be 'Completed'
    }

    It 'shows for Start -Wait too, and not at all under -ProgressAction SilentlyContinue' {
        $ps = New-Child "Start-MedicalConversationJob -LiteralPath '$($script:Short.FullName)' -OutputBucket clinic-transcripts -Wait -PollInterval 1"
        try {
            $null = $ps.Invoke()
            (Get-WaitBar $ps.Streams.Progress).Count | Should -BeGreaterThan 2
        }
        finally { $ps.Dispose() }

        Reset-Emulator
        Set-EmulatorTiming Realistic -ProcessingSeconds 3
        $quiet = New-Child "Start-MedicalConversationJob -LiteralPath '$($script:Short.FullName)' -OutputBucket clinic-transcripts -ProgressAction SilentlyContinue | Wait-TranscribeJob -PollInterval 1 -ProgressAction SilentlyContinue"
        try {
            $jobs = $quiet.Invoke()
            @($jobs).Count | Should -Be 1
            $quiet.Streams.Progress.Count | Should -Be 0
        }
        finally { $quiet.Dispose() }
    }
}

Describe 'Writes from background work come out in order' {
    BeforeEach {
        Reset-Emulator
        Set-EmulatorTiming Realistic -ProcessingSeconds 1
    }
    AfterEach { Set-EmulatorTiming Instant }

    It 'each job Wait-TranscribeJob emits comes right after its own "completed" line, in finishing order' {
        $jobs = $script:Long, $script:Short | Start-MedicalConversationJob -OutputBucket clinic-transcripts
        $long = $jobs | Where-Object MediaUri -like '*/long-*'
        $short = $jobs | Where-Object MediaUri -like '*/short-*'

        $stream = @($jobs | Wait-TranscribeJob -PollInterval 1 -Verbose 4>&1)

        $emitted = @(for ($i = 0; $i -lt $stream.Count; $i++) {
            if ($stream[$i] -isnot [System.Management.Automation.VerboseRecord]) {
                $stream[$i - 1].Message | Should -Be "Transcribe job '$($stream[$i].JobName)' completed."
                $stream[$i].JobName
            }
        })
        $emitted | Should -Be @($short.JobName, $long.JobName)
    }
}

Describe 'Jobs stream through Wait-TranscribeJob' {
    BeforeEach {
        Reset-Emulator
        # Processing takes 1 s plus a quarter of the audio: the short recording is done after 1.5 s, the long one after 6 s.
        Set-EmulatorTiming Realistic -ProcessingSeconds 1
    }
    AfterEach { Set-EmulatorTiming Instant }

    It 'the first transcript is read while input still arrives and before the last job finishes' {
        $stamps = [ordered]@{}
        $short = $script:Short
        $long = $script:Long
        & { $short; Start-Sleep -Seconds 3; $long } |
            Start-MedicalConversationJob -OutputBucket clinic-transcripts |
            ForEach-Object -Process { $_ } -End { $stamps.InputEnded = [DateTime]::UtcNow } |
            Wait-TranscribeJob -PollInterval 1 |
            ForEach-Object { $stamps["job:$($_.JobName -replace '-.*$')"] = [DateTime]::UtcNow; $_ } |
            Get-TranscriptItem |
            ForEach-Object { if (-not $stamps.Contains('FirstItem')) { $stamps.FirstItem = [DateTime]::UtcNow } }

        $stamps.Keys | Should -Contain 'FirstItem'
        $stamps.Keys | Should -Contain 'job:long'
        $stamps.FirstItem | Should -BeLessThan $stamps.InputEnded
        $stamps.FirstItem | Should -BeLessThan $stamps['job:long']
    }
}
