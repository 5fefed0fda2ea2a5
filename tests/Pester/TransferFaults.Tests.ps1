#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# The transfer faults of the fault suite (issue 8 "Faults"): a connection dropped in the middle of a multipart upload
# and of a transcript download, an answer slower than the client's timeout, an output JSON truncated, malformed or
# gone. Each is scripted through the emulator (CutRequest, CutResponse, Stall; objects replaced or removed behind the
# module's back) and checked against the invariant — one outcome per recording or job (a job, its items or file, or
# one error record naming it), counted in the emulator afterwards.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Endpoint = (Start-TestEmulator).Endpoint
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-transfer-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null

    # Invoke-RestMethod writes a JSON array as one object: ForEach-Object unrolls it, so these pipe one entry at a time.
    function Get-EmulatorJob { Invoke-RestMethod -Uri "$script:Endpoint/_emulator/transcribe/jobs" | ForEach-Object { $_ } }
    function Get-StartAttempt { Invoke-RestMethod -Uri "$script:Endpoint/_emulator/transcribe/start-attempts" | ForEach-Object { $_ } }
    function Add-EmulatorFault([hashtable] $Rule) {
        Invoke-RestMethod -Method Post -Uri "$script:Endpoint/_emulator/faults" -ContentType 'application/json' -Body ($Rule | ConvertTo-Json) | Out-Null
    }
    function Clear-EmulatorFault { Invoke-RestMethod -Method Delete -Uri "$script:Endpoint/_emulator/faults" | Out-Null }
    # bucket/key of an s3:// URI or of a path-style https S3 URL, as the admin routes take it.
    function Get-ObjectPath([string] $Uri) { if ($Uri -like 's3://*') { $Uri.Substring(5) } else { ([uri]$Uri).AbsolutePath.TrimStart('/') } }
    $script:Http = [System.Net.Http.HttpClient]::new()
    # The comma keeps the array whole: a function's output is otherwise unrolled byte by byte.
    function Get-ObjectBytes([string] $Uri) { , $script:Http.GetByteArrayAsync("$script:Endpoint/_emulator/objects/$(Get-ObjectPath $Uri)").GetAwaiter().GetResult() }
    function Set-ObjectText([string] $Uri, [string] $Text) {
        Invoke-RestMethod -Method Put -Uri "$script:Endpoint/_emulator/objects/$(Get-ObjectPath $Uri)" -Body ([Text.Encoding]::UTF8.GetBytes($Text)) | Out-Null
    }
    function Remove-Object([string] $Uri) { Invoke-RestMethod -Method Delete -Uri "$script:Endpoint/_emulator/objects/$(Get-ObjectPath $Uri)" | Out-Null }
    function Get-Sha256([byte[]] $Bytes) { [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($Bytes)) }
    function New-Recordings([string] $Name, [int] $Count, [double] $Seconds = 2, [int] $Channels = 1) {
        $folder = Join-Path $script:Folder $Name
        New-Item -ItemType Directory -Path $folder | Out-Null
        foreach ($i in 1..$Count) { New-TestWav -Path (Join-Path $folder ('{0}-{1:00}.wav' -f $Name, $i)) -Seconds ($Seconds + $i / 100) -Channels $Channels | Out-Null }
        $folder
    }
    function Start-FinishedJobs([string] $Name, [int] $Count) {
        # Jobs that "hear" a few turns, so each transcript has items enough to compare.
        Set-EmulatorTiming Realistic
        try {
            $jobs = @(Get-ChildItem -LiteralPath (New-Recordings $Name $Count) -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-transcripts)
            foreach ($job in $jobs) {
                Set-EmulatorScript -JobName $job.JobName -Turns @(
                    @{ Speaker = 'CLINICIAN'; Text = 'How have you been sleeping since the last visit?' }
                    @{ Speaker = 'PATIENT'; Text = 'Better, about seven hours most nights.' })
            }
        }
        finally { Set-EmulatorTiming Instant }
        $done = @($jobs | Wait-TranscribeJob)
        $done.Count | Should -Be $Count
        $done
    }
    function Get-ItemText($Items) { @($Items | ForEach-Object { "$($_.JobName)|$($_.Index)|$($_.Content)" }) }
}

AfterAll {
    $script:Http.Dispose()
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'A connection dropped in the middle of a multipart upload' {
    BeforeAll {
        Reset-Emulator
        # Just over S3Transfer.MultipartThreshold (16 MiB): three parts of up to 8 MiB.
        $script:Upload = New-Recordings 'upload' 3
        $script:Big = New-TestWav -Path (Join-Path $script:Upload 'long-visit.wav') -Seconds 530
        $script:Big.Length | Should -BeGreaterThan (16MB)
        # The second part is cut after 1 MiB of its body: the client fails while still sending it.
        Add-EmulatorFault @{ operation = 'UploadPart'; action = 'CutRequest'; afterBytes = 1MB; firstCall = 2; lastCall = 2 }
        $script:Jobs = @(Get-ChildItem -LiteralPath $script:Upload -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-batch -ErrorVariable failures)
        $script:Failures = $failures
        $script:Counts = Get-EmulatorRequestCount
    }

    It 'the part is sent again, and each recording has exactly one job' {
        $script:Failures | Should -BeNullOrEmpty
        @($script:Jobs.JobName | Sort-Object -Unique).Count | Should -Be 4
        @(Get-EmulatorJob).Count | Should -Be 4
        @(Get-StartAttempt).Count | Should -Be 4
        # Three parts and the one sent again; one multipart upload, completed.
        $script:Counts['UploadPart'] | Should -Be 4
        $script:Counts['CreateMultipartUpload'] | Should -Be 1
        $script:Counts['CompleteMultipartUpload'] | Should -Be 1
    }

    It 'the object in S3 is whole, and so are the other recordings of the batch' {
        foreach ($job in $script:Jobs) {
            $bytes = Get-ObjectBytes $job.MediaUri
            $bytes.Length | Should -Be (Get-Item -LiteralPath $job.LocalPath).Length
            Get-Sha256 $bytes | Should -Be (Get-FileHash -LiteralPath $job.LocalPath -Algorithm SHA256).Hash
        }
    }

    It 'run again, starts no job and uploads nothing' {
        Reset-Emulator -KeepState

        $again = @(Get-ChildItem -LiteralPath $script:Upload -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-batch -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        @($again.JobName | Sort-Object) | Should -Be @($script:Jobs.JobName | Sort-Object)
        $counts = Get-EmulatorRequestCount
        foreach ($operation in 'PutObject', 'UploadPart', 'CreateMultipartUpload', 'StartMedicalTranscriptionJob') { $counts[$operation] | Should -BeNullOrEmpty }
        @(Get-EmulatorJob).Count | Should -Be 4
    }
}

Describe 'A connection dropped in the middle of a transcript download' {
    BeforeAll {
        Reset-Emulator
        $script:Done = Start-FinishedJobs 'download' 3
        $script:Clean = Get-ItemText ($script:Done | Get-TranscriptItem)
        $script:Clean.Count | Should -BeGreaterThan 6
    }
    BeforeEach {
        Clear-EmulatorFault
        Reset-Emulator -KeepState
        $script:Saved = Join-Path $script:Folder "saved-$([guid]::NewGuid().ToString('N'))"
        New-Item -ItemType Directory -Path $script:Saved | Out-Null
    }
    AfterAll { Clear-EmulatorFault }

    It 'Save-TranscribeOutput resumes a body cut off twice and saves every file whole' {
        Add-EmulatorFault @{ operation = 'GetObject'; action = 'CutResponse'; afterBytes = 100; firstCall = 1; lastCall = 2 }

        $files = @($script:Done | Save-TranscribeOutput -Destination $script:Saved -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        $files.Count | Should -Be 3
        foreach ($job in $script:Done) {
            $file = Join-Path $script:Saved "$($job.JobName).json"
            Get-Sha256 ([IO.File]::ReadAllBytes($file)) | Should -Be (Get-Sha256 (Get-ObjectBytes $job.TranscriptUri))
        }
        (Get-EmulatorRequestCount)['GetObject'] | Should -Be 5
        @(Get-ChildItem -LiteralPath $script:Saved -Force).Count | Should -Be 3
    }

    It 'Save-TranscribeOutput gives one error naming the job whose download keeps breaking off, leaves no file for it, and saves the others' {
        # One job at a time (-ThrottleLimit 1), so the first job's four attempts are the four calls cut.
        Add-EmulatorFault @{ operation = 'GetObject'; action = 'CutResponse'; afterBytes = 100; firstCall = 1; lastCall = 4 }

        $files = @($script:Done | Save-TranscribeOutput -Destination $script:Saved -ThrottleLimit 1 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 1
        $failed = $failures[0]
        $failed.FullyQualifiedErrorId | Should -Be 'S3ServiceFault,TranscribePS.Commands.SaveTranscribeOutputCommand'
        $failed.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failed.TargetObject.JobName | Should -Be $script:Done[0].JobName
        $failed.Exception.Message | Should -BeLike "Reading the output of Transcribe job '$($script:Done[0].JobName)' failed.*broke off part-way 4 times*run the command again*"
        @($files.Name | Sort-Object) | Should -Be @($script:Done[1..2] | ForEach-Object { "$($_.JobName).json" } | Sort-Object)
        # Nothing partial on disk, under the final name or a temporary one.
        @(Get-ChildItem -LiteralPath $script:Saved -Force).Count | Should -Be 2
    }

    It 'Get-TranscriptItem reads a body cut off once again, and every job''s items come out whole' {
        Add-EmulatorFault @{ operation = 'GetObject'; action = 'CutResponse'; afterBytes = 100; firstCall = 1; lastCall = 1 }

        $items = @($script:Done | Get-TranscriptItem -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        Get-ItemText $items | Should -Be $script:Clean
        (Get-EmulatorRequestCount)['GetObject'] | Should -Be 4
    }

    It 'Get-TranscriptItem gives one error for the job whose read keeps breaking off, none of its items, and the others'' items' {
        Add-EmulatorFault @{ operation = 'GetObject'; action = 'CutResponse'; afterBytes = 100; firstCall = 1; lastCall = 4 }

        $items = @($script:Done | Get-TranscriptItem -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'S3ServiceFault,TranscribePS.Commands.GetTranscriptItemCommand'
        $failures[0].TargetObject.JobName | Should -Be $script:Done[0].JobName
        $failures[0].Exception.Message | Should -BeLike "*job '$($script:Done[0].JobName)'*"
        $items.JobName | Should -Not -Contain $script:Done[0].JobName
        Get-ItemText $items | Should -Be @($script:Clean | Where-Object { $_ -notlike "$($script:Done[0].JobName)|*" })
    }
}

Describe 'An output JSON truncated, malformed or gone in S3' {
    BeforeAll {
        Reset-Emulator
        $script:Damaged = Start-FinishedJobs 'damaged' 4
        $script:Clean = Get-ItemText ($script:Damaged | Get-TranscriptItem)
        $script:Truncated, $script:Malformed, $script:Gone, $script:Whole = $script:Damaged
        $text = [Text.Encoding]::UTF8.GetString((Get-ObjectBytes $script:Truncated.TranscriptUri))
        Set-ObjectText $script:Truncated.TranscriptUri $text.Substring(0, [int]($text.Length * 0.6))
        Set-ObjectText $script:Malformed.TranscriptUri '<html><body><h1>503 Service Unavailable</h1></body></html>'
        Remove-Object $script:Gone.TranscriptUri
        # One error per damaged job: its ErrorId and category, the job as target, a message naming the job.
        $script:Expected = @(
            @{ Job = $script:Truncated; ErrorId = 'NotATranscript'; Category = 'InvalidData'; Says = '*cannot be read as a whole transcript*ends too early*restore it*Remove-TranscribeJob*' }
            @{ Job = $script:Malformed; ErrorId = 'NotATranscript'; Category = 'InvalidData'; Says = '*cannot be read as a whole transcript*not JSON*restore it*Remove-TranscribeJob*' }
            @{ Job = $script:Gone; ErrorId = 'S3ObjectNotFound'; Category = 'ObjectNotFound'; Says = '*is gone*Restore the object*Remove-TranscribeJob*' })
    }

    It '<Command> gives one error per damaged job naming it, and the whole job''s items still come out' -TestCases @(
        @{ Command = 'Get-TranscriptItem' }
        @{ Command = 'Get-TranscriptTurn' }
    ) {
        $out = @($script:Damaged | & $Command -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 3
        foreach ($expected in $script:Expected) {
            $failure = @($failures | Where-Object { $_.TargetObject.JobName -eq $expected.Job.JobName })
            $failure.Count | Should -Be 1
            $failure[0].FullyQualifiedErrorId | Should -BeLike "$($expected.ErrorId),TranscribePS.Commands.*"
            $failure[0].CategoryInfo.Category | Should -Be $expected.Category
            $failure[0].Exception.Message | Should -BeLike "The output of Transcribe job '$($expected.Job.JobName)'$($expected.Says)"
        }
        @($out.JobName | Sort-Object -Unique) | Should -Be @($script:Whole.JobName)
        if ($Command -eq 'Get-TranscriptItem') {
            Get-ItemText $out | Should -Be @($script:Clean | Where-Object { $_ -like "$($script:Whole.JobName)|*" })
        }
    }

    It 'Save-TranscribeOutput saves what S3 holds and gives one error, naming the job, for the output that is gone' {
        $saved = Join-Path $script:Folder "saved-$([guid]::NewGuid().ToString('N'))"
        New-Item -ItemType Directory -Path $saved | Out-Null

        $files = @($script:Damaged | Save-TranscribeOutput -Destination $saved -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'S3ObjectNotFound,TranscribePS.Commands.SaveTranscribeOutputCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject.JobName | Should -Be $script:Gone.JobName
        $failures[0].Exception.Message | Should -BeLike "The output of Transcribe job '$($script:Gone.JobName)' is gone*"
        $files.Count | Should -Be 3
        foreach ($job in $script:Truncated, $script:Malformed, $script:Whole) {
            Get-Sha256 ([IO.File]::ReadAllBytes((Join-Path $saved "$($job.JobName).json"))) | Should -Be (Get-Sha256 (Get-ObjectBytes $job.TranscriptUri))
        }
        @(Get-ChildItem -LiteralPath $saved -Force).Count | Should -Be 3
    }

    It 'Get-CallAnalyticsInsight gives one error per damaged call analytics job naming it, and the whole job''s insight' {
        Reset-Emulator
        $calls = @(Get-ChildItem -LiteralPath (New-Recordings 'calls' 3 -Seconds 4 -Channels 2) -Filter *.wav |
            Start-CallAnalyticsJob -OutputBucket cc-analytics -DataAccessRoleArn 'arn:aws:iam::123456789012:role/TranscribeDataAccess' |
            Wait-TranscribeJob)
        $calls.Count | Should -Be 3
        $truncated, $gone, $whole = $calls
        $text = [Text.Encoding]::UTF8.GetString((Get-ObjectBytes $truncated.TranscriptUri))
        Set-ObjectText $truncated.TranscriptUri $text.Substring(0, [int]($text.Length / 2))
        Remove-Object $gone.TranscriptUri

        $insights = @($calls | Get-CallAnalyticsInsight -ErrorVariable failures -ErrorAction SilentlyContinue 3>$null)

        @($insights.JobName) | Should -Be @($whole.JobName)
        $failures.Count | Should -Be 2
        $byJob = @{}
        foreach ($failure in $failures) { $byJob[$failure.TargetObject.JobName] = $failure }
        $byJob[$truncated.JobName].FullyQualifiedErrorId | Should -Be 'NotATranscript,TranscribePS.Commands.GetCallAnalyticsInsightCommand'
        $byJob[$truncated.JobName].Exception.Message | Should -BeLike "The output of Transcribe job '$($truncated.JobName)'*cannot be read as a whole transcript*"
        $byJob[$gone.JobName].FullyQualifiedErrorId | Should -Be 'S3ObjectNotFound,TranscribePS.Commands.GetCallAnalyticsInsightCommand'
        $byJob[$gone.JobName].Exception.Message | Should -BeLike "The output of Transcribe job '$($gone.JobName)' is gone*Remove-TranscribeJob -Name '$($gone.JobName)' -Kind CallAnalytics*"
    }
}

Describe 'An answer slower than the client timeout' {
    BeforeEach { Reset-Emulator; Set-EmulatorTiming Realistic }
    AfterEach { Clear-EmulatorFault; Set-EmulatorTiming Instant }

    It 'a Start that stalls past the 20 s timeout: the other nine start meanwhile, and the stalled one ends with exactly one job' {
        $folder = New-Recordings 'stall' 10
        # The service makes the job at once but answers only after 25 s; the client gives up at 20 s and retries.
        Add-EmulatorFault @{ operation = 'StartMedicalTranscriptionJob'; action = 'Stall'; latencyMilliseconds = 25000; firstCall = 1; lastCall = 1 }
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $emitted = @(Get-ChildItem -LiteralPath $folder -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-batch -ErrorVariable failures |
            ForEach-Object { [pscustomobject]@{ JobName = $_.JobName; Seconds = $clock.Elapsed.TotalSeconds } })

        $failures | Should -BeNullOrEmpty
        @($emitted.JobName | Sort-Object -Unique).Count | Should -Be 10
        $attempts = @(Get-StartAttempt)
        $stalled = @($attempts | Where-Object Outcome -eq 'ConflictException')
        $stalled.Count | Should -Be 1
        # The batch went on while the first Start stalled: nine jobs came out long before its 20 s ran out.
        @($emitted | Where-Object JobName -ne $stalled[0].JobName | Where-Object Seconds -lt 15).Count | Should -Be 9
        ($emitted | Where-Object JobName -eq $stalled[0].JobName).Seconds | Should -BeGreaterThan 19
        # Retried once; the retry met the job its own first call made, and took it: one job per recording.
        $attempts.Count | Should -Be 11
        @(Get-EmulatorJob).Count | Should -Be 10
    }

    It 'a Start whose answer is cut off after the job was made: retried, and still one job' {
        $folder = New-Recordings 'cut-answer' 3
        Add-EmulatorFault @{ operation = 'StartMedicalTranscriptionJob'; action = 'CutResponse'; afterBytes = 20; firstCall = 2; lastCall = 2 }

        $jobs = @(Get-ChildItem -LiteralPath $folder -Filter *.wav | Start-MedicalConversationJob -OutputBucket clinic-batch -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        @($jobs.JobName | Sort-Object -Unique).Count | Should -Be 3
        @(Get-EmulatorJob).Count | Should -Be 3
        # The lost answer's job was met by the retry (ConflictException) and taken as the recording's job.
        @(Get-StartAttempt | Where-Object Outcome -eq 'ConflictException').Count | Should -Be 1
        @(Get-StartAttempt).Count | Should -Be 4
    }
}
