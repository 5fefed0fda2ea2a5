#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Jobs by name and pattern (Get/Wait/Remove-TranscribeJob and the category cmdlets), List summaries, and what
# Remove-TranscribeJob deletes — as a user's pwsh meets them, against the emulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-jobs-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    $script:Wav = (New-TestWav -Path (Join-Path $script:Folder 'visit.wav') -Seconds 3).FullName
    $script:Names = 'visit1-a', 'visit1-b', 'visit10-c', 'visit2-a', 'call-9x'

    function New-NamedJobs {
        foreach ($name in $script:Names) {
            Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -JobName $name | Out-Null
        }
    }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe '-Name takes PowerShell wildcards in Get-, Wait- and Remove-TranscribeJob' {
    BeforeAll { Reset-Emulator; New-NamedJobs }

    It 'Get-TranscribeJob <Pattern> finds exactly the jobs pwsh''s -like matches' -TestCases @(
        @{ Pattern = 'visit1*' }, @{ Pattern = 'visit1-?' }, @{ Pattern = 'visit[12]-a' }, @{ Pattern = '*-a' },
        @{ Pattern = 'VISIT1-*' }, @{ Pattern = 'v?sit1?[a-b]' }, @{ Pattern = '*[0-9]x' }, @{ Pattern = 'nothing*' }
    ) {
        $expected = @($script:Names | Where-Object { $_ -like $Pattern } | Sort-Object)
        $found = @(Get-TranscribeJob -Name $Pattern -ErrorAction Stop | ForEach-Object JobName | Sort-Object)

        $found | Should -Be $expected
    }

    It 'narrows the List call with the pattern''s longest literal part and reads each match in full' {
        Reset-Emulator -KeepState
        $jobs = Get-TranscribeJob visit1* -Kind Medical

        $jobs.Count | Should -Be 3
        $jobs | ForEach-Object { $_.IsSummary | Should -BeFalse; $_.MediaUri | Should -Match '^s3://clinic-transcripts/'; $_.TranscriptUri | Should -Not -BeNullOrEmpty }
        $counts = Get-EmulatorRequestCount
        $counts['ListMedicalTranscriptionJobs'] | Should -Be 1
        $counts['GetMedicalTranscriptionJob'] | Should -Be 3
    }
}

Describe 'Wait- and Remove-TranscribeJob -Name with wildcards' {
    BeforeEach { Reset-Emulator; New-NamedJobs }

    It 'Wait-TranscribeJob -Name visit1-* waits for those jobs only' {
        $done = Wait-TranscribeJob -Name 'visit1-*' -PollInterval 1

        @($done.JobName | Sort-Object) | Should -Be @('visit1-a', 'visit1-b')
        $done.Status | Should -Be @('Completed', 'Completed')
    }

    It 'Remove-TranscribeJob -Name visit1-* removes the matches and leaves the rest' {
        Wait-TranscribeJob -Name '*' -PollInterval 1 | Out-Null
        Remove-TranscribeJob -Name 'visit1-*' -Confirm:$false

        @(Get-TranscribeJob -Kind Medical).JobName | Sort-Object | Should -Be @('call-9x', 'visit10-c', 'visit2-a')
    }

    It 'names piped as text bind -Name in all three' {
        ('visit2-a' | Get-TranscribeJob).JobName | Should -Be 'visit2-a'
        ('visit2-a' | Wait-TranscribeJob -PollInterval 1).JobName | Should -Be 'visit2-a'
        'visit2-a' | Remove-TranscribeJob -Confirm:$false
        { Get-TranscribeJob visit2-a -ErrorAction Stop } | Should -Throw -ErrorId 'TranscribeJobNotFound,*'
    }
}

Describe 'A name no job can have is refused locally, before any call' {
    BeforeEach { Reset-Emulator }

    It '<Command> -Name ''<Name>'' gives <ErrorId> and calls nothing' -TestCases @(
        @{ Command = 'Get-TranscribeJob'; Name = 'bad name!'; ErrorId = 'InvalidJobName' }
        @{ Command = 'Wait-TranscribeJob'; Name = 'bad name!'; ErrorId = 'InvalidJobName' }
        @{ Command = 'Remove-TranscribeJob'; Name = 'bad name!'; ErrorId = 'InvalidJobName' }
        @{ Command = 'Get-TranscribeJob'; Name = '..'; ErrorId = 'InvalidJobName' }
        @{ Command = 'Remove-TranscribeJob'; Name = 'b *'; ErrorId = 'InvalidJobName' }
        @{ Command = 'Wait-TranscribeJob'; Name = 'visit[1'; ErrorId = 'InvalidWildcardPattern' }
        @{ Command = 'Get-CallAnalyticsCategory'; Name = 'needs review'; ErrorId = 'CategoryNameInvalid' }
        @{ Command = 'Remove-CallAnalyticsCategory'; Name = 'needs review*'; ErrorId = 'CategoryNameInvalid' }
    ) {
        $confirm = if ($Command -like 'Remove-*') { @{ Confirm = $false } } else { @{} }
        & $Command -Name $Name @confirm -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].TargetObject | Should -Be $Name
        $problems[0].Exception.Message.Contains("'$Name'") | Should -BeTrue
        $problems[0].Exception.Message | Should -Not -Match 'BadRequest|ValidationException|\(Parameter'
        (Get-EmulatorRequestCount).Count | Should -Be 0
    }

    It 'the rule is stated in the message' {
        $failure = { Get-TranscribeJob -Name 'bad name!' -ErrorAction Stop } | Should -Throw -PassThru
        $failure.Exception.Message | Should -BeLike "*1 to 200 letters, digits, '.', '_' or '-'*"
    }

    It 'a job that does not exist names the region it was looked for in' {
        $failure = { Get-TranscribeJob -Name 'no-such-job' -ErrorAction Stop } | Should -Throw -ErrorId 'TranscribeJobNotFound,*' -PassThru
        $failure.Exception.Message | Should -BeLike "*exists in $env:AWS_REGION.*"
    }
}

Describe 'Category names take wildcards too' {
    BeforeEach {
        Reset-Emulator
        $rule = New-CallAnalyticsRule -TranscriptContains 'cancel'
        foreach ($name in 'test-one', 'test-two', 'keep-me') { New-CallAnalyticsCategory -Name $name -Rule $rule | Out-Null }
    }

    It 'Remove-CallAnalyticsCategory test-* removes the matches only' {
        Remove-CallAnalyticsCategory -Name 'test-*' -Confirm:$false

        (Get-CallAnalyticsCategory).Name | Should -Be @('keep-me')
    }

    It 'Remove-CallAnalyticsCategory test-* -WhatIf lists nothing and deletes nothing' {
        Reset-Emulator -KeepState
        Remove-CallAnalyticsCategory -Name 'test-*' -WhatIf

        (Get-EmulatorRequestCount).Count | Should -Be 0
    }
}

Describe 'List summaries (Get-TranscribeJob without -Name)' {
    BeforeAll { Reset-Emulator; New-NamedJobs; Wait-TranscribeJob -Name '*' -PollInterval 1 | Out-Null }

    It 'are marked IsSummary and carry no media or output locations' {
        $summaries = Get-TranscribeJob -Kind Medical
        $summaries.Count | Should -Be 5
        $summaries | ForEach-Object { $_.IsSummary | Should -BeTrue; $_.MediaUri | Should -BeNullOrEmpty }
    }

    It 'piped to Get-TranscribeJob come back whole' {
        $full = Get-TranscribeJob -Kind Medical | Get-TranscribeJob
        $full | ForEach-Object { $_.IsSummary | Should -BeFalse; $_.TranscriptUri | Should -Not -BeNullOrEmpty }
    }

    It 'work piped to Wait-TranscribeJob, Get-TranscriptItem and Save-TranscribeOutput' {
        $summary = Get-TranscribeJob -Kind Medical | Where-Object JobName -eq 'visit2-a'
        ($summary | Wait-TranscribeJob -PollInterval 1).TranscriptUri | Should -Not -BeNullOrEmpty
        @($summary | Get-TranscriptItem).Count | Should -BeGreaterThan 0
        $saved = $summary | Save-TranscribeOutput -Destination $script:Folder -Force
        $saved.Name | Should -Be 'visit2-a.json'
    }

    It 'piped to Remove-TranscribeJob -IncludeOutput have their outputs deleted too' {
        $summary = Get-TranscribeJob -Kind Medical | Where-Object JobName -eq 'visit10-c'
        $transcript = ($summary | Get-TranscribeJob).TranscriptUri

        $summary | Remove-TranscribeJob -IncludeOutput -Confirm:$false

        Get-EmulatorObject | Where-Object { $_ -like '*visit10-c*' } | Should -BeNullOrEmpty
        $transcript | Should -Not -BeNullOrEmpty
    }
}

Describe 'Remove-TranscribeJob -IncludeOutput -IncludeMedia' {
    BeforeEach { Reset-Emulator }

    It 'deletes the outputs and the recording this module uploaded, then the job' {
        $job = Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -Wait
        $before = Get-EmulatorObject
        $before | Should -Contain $job.MediaUri

        $job | Remove-TranscribeJob -IncludeOutput -IncludeMedia -Confirm:$false -Verbose 4>&1 | Out-Null

        Get-EmulatorObject | Should -BeNullOrEmpty
        { Get-TranscribeJob -Name $job.JobName -ErrorAction Stop } | Should -Throw -ErrorId 'TranscribeJobNotFound,*'
    }

    It 'keeps a recording it did not upload and says so in -Verbose' {
        $theirs = Add-EmulatorObject -Bucket clinic-recordings -Key 'ward7/visit.wav' -LiteralPath $script:Wav
        $job = Start-MedicalConversationJob -MediaUri $theirs -OutputBucket clinic-transcripts -Wait

        $verbose = $job | Remove-TranscribeJob -IncludeOutput -IncludeMedia -Confirm:$false -Verbose 4>&1 | Out-String

        Get-EmulatorObject | Should -Be @($theirs)
        $verbose | Should -BeLike "*Kept $theirs*not uploaded by TranscribePS*"
    }

    It 'the confirmation a user answers in pwsh lists every object, and No deletes nothing' {
        $job = Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -Wait
        $objects = @(Get-EmulatorObject)
        $objects.Count | Should -Be 2

        # A console pwsh of its own (same emulator through the environment), answering the prompt on its input.
        $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        $command = "Import-Module '$(Get-TestModulePath)'; Remove-TranscribeJob -Name '$($job.JobName)' -IncludeOutput -IncludeMedia; 'finished'"
        foreach ($a in 'pwsh', '-NoProfile', '-Command', $command) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardInput = $true
        $psi.RedirectStandardOutput = $true
        $psi.UseShellExecute = $false
        $child = [System.Diagnostics.Process]::Start($psi)
        $child.StandardInput.WriteLine('N')
        $child.StandardInput.Close()
        $shown = $child.StandardOutput.ReadToEnd() -replace '\s+', ' '
        $child.WaitForExit(60000) | Should -BeTrue

        $shown | Should -BeLike "*Delete the job; delete 2 object(s) in S3: *Medical job '$($job.JobName)'*"
        foreach ($object in $objects) { $shown | Should -BeLike "*$object*" }
        $shown | Should -BeLike '*finished*'
        @(Get-EmulatorObject).Count | Should -Be 2
        { Get-TranscribeJob -Name $job.JobName -ErrorAction Stop } | Should -Not -Throw
    }

    It '-WhatIf lists every object it would delete and calls nothing' {
        $job = Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -Wait
        Reset-Emulator -KeepState

        $text = Invoke-WithTranscript { $job | Remove-TranscribeJob -IncludeOutput -IncludeMedia -WhatIf }

        $text | Should -BeLike "*$((Get-EmulatorObject | Where-Object { $_ -like '*.json' }))*"
        $text | Should -BeLike "*$($job.MediaUri) if TranscribePS uploaded it*"
        (Get-EmulatorRequestCount).Count | Should -Be 0
        Get-EmulatorObject | Should -Contain $job.MediaUri
    }
}

Describe 'Wait-TranscribeJob sees a finish within one -PollInterval (issue 8)' {
    BeforeAll { Reset-Emulator }
    AfterAll { Set-EmulatorTiming Instant }

    It 'a job that runs 30 s is emitted at most one interval (2 s, jitter included) after the service finished it' {
        # Gaps that grew while nothing finished (2, 3, 4.5, 6.75, 10 s …) saw this finish 3–20 s late.
        Set-EmulatorTiming Realistic -ProcessingSeconds 30
        $job = Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -JobName 'long-visit'

        $done = $job | Wait-TranscribeJob -PollInterval 2 -Timeout 120 |
            ForEach-Object { [pscustomobject]@{ Job = $_; SeenAt = [DateTimeOffset]::UtcNow } }

        $done.Job.Status | Should -Be 'Completed'
        $delay = ($done.SeenAt - $done.Job.CompletionTime).TotalSeconds
        $delay | Should -BeGreaterOrEqual 0
        $delay | Should -BeLessThan 3
    }
}
