#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Tab completion as a user's pwsh offers it (TabExpansion2): regions, job and category names from the service at the
# place the command line names (fast, cached, never throwing), -Status as jobs print it, -Kind only kinds that exist.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-completion-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    $script:Wav = (New-TestWav -Path (Join-Path $script:Folder 'visit.wav') -Seconds 2).FullName

    function Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Completing values the module knows' {
    It '-Kind offers exactly the kinds each of Get, Wait and Remove-TranscribeJob can use' {
        foreach ($command in 'Get-TranscribeJob', 'Wait-TranscribeJob', 'Remove-TranscribeJob') {
            (Complete "$command -Kind ").CompletionText | Sort-Object | Should -Be @('All', 'CallAnalytics', 'Medical', 'Scribe', 'Standard')
        }
        Reset-Emulator
        foreach ($kind in (Complete 'Get-TranscribeJob -Kind ').CompletionText) {
            { Get-TranscribeJob -Kind $kind -ErrorAction Stop } | Should -Not -Throw
        }
    }

    It '-Status offers the statuses as jobs print them, and binds the service''s spelling too' {
        Reset-Emulator
        Set-EmulatorTiming Realistic -ProcessingSeconds 3600
        try {
            $job = Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -JobName 'status-check'
            $printed = ($job | Get-TranscribeJob | Format-Table Status | Out-String) -split '\r?\n' | ForEach-Object Trim | Where-Object { $_ -and $_ -notmatch '^-+$|^Status$' }

            (Complete 'Get-TranscribeJob -Status ').CompletionText | Sort-Object | Should -Be @('Completed', 'Failed', 'InProgress', 'Queued')
            (Complete 'Get-TranscribeJob -Status in').CompletionText | Should -Be 'InProgress'
            $printed | Should -Be 'InProgress'
            foreach ($spelling in 'InProgress', 'inprogress', 'IN_PROGRESS', 'in_progress') {
                (Get-TranscribeJob -Kind Medical -Status $spelling).JobName | Should -Be 'status-check'
            }
            (Get-TranscribeJob -Kind Medical -Status COMPLETED) | Should -BeNullOrEmpty
            { Get-TranscribeJob -Status Done } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,TranscribePS.Commands.GetTranscribeJobCommand'
        }
        finally { Set-EmulatorTiming Instant }
    }

    It '-Region offers region codes with their names, on every AWS cmdlet' {
        $matches = Complete 'Get-TranscribeJob -Region eu-we'
        $matches.CompletionText | Should -Contain 'eu-west-1'
        $matches.CompletionText | ForEach-Object { $_ | Should -BeLike 'eu-we*' }
        ($matches | Where-Object CompletionText -eq 'eu-west-1').ToolTip | Should -Be 'eu-west-1 (Europe (Ireland))'
        (Complete 'Start-MedicalConversationJob -Region us-gov-').CompletionText | Should -Contain 'us-gov-west-1'
        (Complete 'Save-TranscribeOutput -Region ap-southeast-').CompletionText | Should -Contain 'ap-southeast-2'
        Complete 'Get-TranscribeJob -Region nowhere' | Should -BeNullOrEmpty
    }
}

Describe 'Completing job names from the service' {
    BeforeAll {
        Reset-Emulator
        foreach ($name in 'visit1-a', 'visit1-b', 'visit2-a') {
            Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -JobName $name | Out-Null
            Start-Sleep -Milliseconds 20
        }
        Start-TranscriptionJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -LanguageCode en-US -JobName 'visit3-standard' | Out-Null
    }

    It 'offers recent jobs newest first, narrowed by what is typed, in Get, Wait and Remove' {
        Reset-Emulator -KeepState
        $matches = Complete 'Get-TranscribeJob -Name visit'
        $matches.CompletionText | Should -Be @('visit3-standard', 'visit2-a', 'visit1-b', 'visit1-a')
        $matches[1].ToolTip | Should -BeLike 'visit2-a (Medical, *, created *)'

        (Complete 'Wait-TranscribeJob visit1').CompletionText | Should -Be @('visit1-b', 'visit1-a')
        (Complete 'Remove-TranscribeJob -Name VISIT2').CompletionText | Should -Be 'visit2-a'
        (Complete 'Get-TranscribeJob -Name *-a').CompletionText | Should -Be @('visit2-a', 'visit1-a')
    }

    It 'lists each kind once a minute, not at every Tab' {
        Complete 'Get-TranscribeJob -Name v' | Out-Null
        Reset-Emulator -KeepState

        foreach ($i in 1..5) { Complete 'Get-TranscribeJob -Name visit' | Out-Null }

        (Get-EmulatorRequestCount).Count | Should -Be 0
    }

    It 'follows -Kind and the place the command line names' {
        (Complete 'Get-TranscribeJob -Kind Standard -Name ').CompletionText | Should -Be 'visit3-standard'
        (Complete 'Wait-TranscribeJob -Kind Medical -Name visit3') | Should -BeNullOrEmpty

        $other = Start-OtherEmulator -Region 'eu-west-1'
        try {
            Complete "Get-TranscribeJob -Region eu-west-1 -EndpointUrl $($other.Endpoint) -Name " | Should -BeNullOrEmpty
        }
        finally { Stop-OtherEmulator $other }
    }

    It 'gives nothing, without an error, when the settings do not resolve' {
        $Error.Clear()
        Complete 'Get-TranscribeJob -ProfileName no-such-profile -Name ' | Should -BeNullOrEmpty
        Complete 'Get-TranscribeJob -Region useast1 -Name ' | Should -BeNullOrEmpty
        Complete 'Get-TranscribeJob -Kind NoSuchKind -Name ' | Should -BeNullOrEmpty
        $Error.Count | Should -Be 0
    }

    It 'gives up within its time limit when the endpoint does not answer' {
        # A listener that takes the connection and never answers: the SDK would wait far longer than a Tab should.
        $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $silent.Start()
        try {
            $endpoint = "http://127.0.0.1:$($silent.LocalEndpoint.Port)"
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $matches = Complete "Get-TranscribeJob -EndpointUrl $endpoint -Name "
            $clock.Stop()

            $matches | Should -BeNullOrEmpty
            # The limit is 1.5 s; bounded generously for a loaded machine, far below the SDK's own timeouts.
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 6
        }
        finally { $silent.Stop() }
    }
}

Describe 'Completing category names from the service' {
    It 'offers the categories by name in Get, Set and Remove-CallAnalyticsCategory' {
        Reset-Emulator
        foreach ($name in 'angry-caller', 'angry-agent', 'silence') {
            New-CallAnalyticsCategory -Name $name -Rule (New-CallAnalyticsRule -Sentiment Negative) | Out-Null
        }

        (Complete 'Get-CallAnalyticsCategory -Name ').CompletionText | Should -Be @('angry-agent', 'angry-caller', 'silence')
        (Complete 'Remove-CallAnalyticsCategory ang').CompletionText | Should -Be @('angry-agent', 'angry-caller')
        (Complete 'Set-CallAnalyticsCategory -Name sil').CompletionText | Should -Be 'silence'
    }
}
