#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# What a person sees and exports: default views, Format-List, Export-Csv cells and ConvertTo-Json text, in real pwsh.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Emulator = Start-TestEmulator
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "tps-views-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Work | Out-Null

    function Show([Parameter(ValueFromPipeline)] $InputObject, [string] $As = 'Table') {
        # The text a console of 200 columns shows, without colour codes.
        begin { $items = [System.Collections.Generic.List[object]]::new() }
        process { $items.Add($InputObject) }
        end {
            $saved = $PSStyle.OutputRendering
            $PSStyle.OutputRendering = 'PlainText'
            try { $items | & "Format-$As" | Out-String -Width 200 } finally { $PSStyle.OutputRendering = $saved }
        }
    }

    function New-RiskCategory([string] $Name) {
        New-CallAnalyticsCategory -Name $Name -Tag @{ team = 'billing' } -Rule (
            New-CallAnalyticsRule -TranscriptContains 'cancel my account', 'close my account' -Participant Customer),
            (New-CallAnalyticsRule -Sentiment Negative -Participant Customer -LastPercent 25),
            (New-CallAnalyticsRule -InterruptionThreshold 5000 -FirstSeconds 30 -Participant Agent),
            (New-CallAnalyticsRule -NonTalkTimeThreshold 10000 -Negate -StartSeconds 10 -EndSeconds 70)
    }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Work -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Category rules read as rules (issue 7 §3.4)' {
    BeforeAll {
        Reset-Emulator
        New-RiskCategory -Name Risk | Out-Null
        $script:Category = Get-CallAnalyticsCategory -Name Risk
    }

    It 'Format-List of a category shows each rule as a sentence with its time window, no record syntax or type names' {
        # Format-List wraps a long value onto indented lines: read it as one line.
        $text = ($script:Category | Show -As List) -replace '\s+', ' '

        $text | Should -Match "Customer says 'cancel my account' or 'close my account'"
        $text | Should -Match 'Customer sentiment NEGATIVE in the last 25% of the call'
        $text | Should -Match 'Interruption by Agent of at least 5 s in the first 30 s'
        $text | Should -Match 'No silence of at least 10 s between 10 s and 70 s'
        $text | Should -Not -Match 'CallAnalyticsRule \{|List`1|TranscribePS\.Core'
    }

    It "the rules' default table shows filter, participant, negation, condition and window" {
        $lines = ($script:Category.Rules | Show) -split "`r?`n" | Where-Object { $_.Trim() }

        $lines[0] | Should -Match '^Filter\s+Participant\s+Negate\s+Condition\s+Window'
        $lines | Should -Contain ($lines | Where-Object { $_ -match "^Transcript\s+CUSTOMER\s+False\s+'cancel my account' or 'close my account'" })
        ($lines | Where-Object { $_ -match '^Sentiment' }) | Should -Match 'CUSTOMER\s+False\s+NEGATIVE\s+in the last 25% of the call'
        ($lines | Where-Object { $_ -match '^Interruption' }) | Should -Match 'AGENT\s+False\s+>= 5 s\s+in the first 30 s'
        ($lines | Where-Object { $_ -match '^NonTalkTime' }) | Should -Match 'True\s+>= 10 s\s+between 10 s and 70 s'
    }

    It 'a rule from New-CallAnalyticsRule shows its window too (-Sentiment Negative -LastPercent 25)' {
        New-CallAnalyticsRule -Sentiment Negative -LastPercent 25 | Show | Should -Match 'NEGATIVE\s+in the last 25% of the call'
    }

    It 'a nested filter has a view of its own and its time range reads as a phrase' {
        $script:Category.Rules[1].SentimentFilter | Show | Should -Match 'Sentiment\s+False\s+Customer sentiment NEGATIVE in the last 25% of the call'
        $script:Category.Rules[2].InterruptionFilter | Show -As List | Should -Match 'AbsoluteTimeRange\s*:\s*in the first 30 s'
    }

    It 'ConvertTo-Json writes the API strings, never enum numbers' {
        $json = $script:Category | ConvertTo-Json -Depth 10

        $json | Should -Match '"ParticipantRole": "CUSTOMER"'
        $json | Should -Match '"Sentiments": \[\s*"NEGATIVE"\s*\]'
        $json | Should -Match '"TranscriptFilterType": "EXACT"'
        $json | Should -Match '"InputType": "POST_CALL"'
        $json | Should -Not -Match '"(ParticipantRole|TranscriptFilterType|InputType)": \d'
    }
}

Describe 'A saved category pipes back in by property name (issue 7 §3.18)' {
    BeforeEach { Reset-Emulator }

    It '$json | ConvertFrom-Json | New-CallAnalyticsCategory re-creates the category with the same rules and tags' {
        New-RiskCategory -Name Risk | Out-Null
        $json = Get-CallAnalyticsCategory -Name Risk | ConvertTo-Json -Depth 10
        Remove-CallAnalyticsCategory -Name Risk -Confirm:$false

        $made = $json | ConvertFrom-Json | New-CallAnalyticsCategory

        $made.Name | Should -Be 'Risk'
        $again = Get-CallAnalyticsCategory -Name Risk
        @($again.Rules | ForEach-Object ToString) | Should -Be @(
            "Customer says 'cancel my account' or 'close my account'",
            'Customer sentiment NEGATIVE in the last 25% of the call',
            'Interruption by Agent of at least 5 s in the first 30 s',
            'No silence of at least 10 s between 10 s and 70 s')
        $again.Tags['team'] | Should -Be 'billing'
        $again.InputType | Should -Be 'POST_CALL'
    }

    It 'Export-Csv then Import-Csv | New-CallAnalyticsCategory re-creates it (the Rules cell is the API JSON)' {
        New-RiskCategory -Name Risk | Out-Null
        $original = Get-CallAnalyticsCategory -Name Risk
        $csv = Join-Path $script:Work 'categories.csv'
        $original | Export-Csv -LiteralPath $csv
        Remove-CallAnalyticsCategory -Name Risk -Confirm:$false

        Import-Csv -LiteralPath $csv | New-CallAnalyticsCategory | Out-Null

        $again = Get-CallAnalyticsCategory -Name Risk
        $again.Rules.ToString() | Should -Be $original.Rules.ToString()
        $again.Tags['team'] | Should -Be 'billing'
        (Import-Csv -LiteralPath $csv).Rules | Should -Match '^\[\{"TranscriptFilter":\{"TranscriptFilterType":"EXACT","ParticipantRole":"CUSTOMER"'
    }

    It 'a category object pipes straight into New-CallAnalyticsCategory under a new name' {
        New-RiskCategory -Name Risk | Out-Null

        Get-CallAnalyticsCategory -Name Risk | New-CallAnalyticsCategory -Name RiskCopy | Out-Null

        (Get-CallAnalyticsCategory -Name RiskCopy).Rules.ToString() | Should -Be (Get-CallAnalyticsCategory -Name Risk).Rules.ToString()
    }

    It 'an object without InputType or Tags takes the defaults; bad tag text is refused by name' {
        [pscustomobject]@{ Name = 'Quiet'; Rules = '[{"NonTalkTimeFilter":{"Threshold":5000}}]'; InputType = ''; Tags = $null } |
            New-CallAnalyticsCategory | Out-Null
        (Get-CallAnalyticsCategory -Name Quiet).InputType | Should -Be 'POST_CALL'

        $err = $null
        [pscustomobject]@{ Name = 'Odd'; Rules = '[{"NonTalkTimeFilter":{"Threshold":5000}}]'; Tags = 'team' } |
            New-CallAnalyticsCategory -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        "$err" | Should -Match "Tags must be key=value pairs"
        { Get-CallAnalyticsCategory -Name Odd -ErrorAction Stop } | Should -Throw
    }
}

Describe 'The help examples that save and recreate categories run as written' {
    It 'Get-CallAnalyticsCategory''s backup example, then New-CallAnalyticsCategory''s JSON and CSV examples' {
        Reset-Emulator
        New-RiskCategory -Name Risk | Out-Null
        New-CallAnalyticsCategory -Name Quiet -Rule (New-CallAnalyticsRule -NonTalkTimeThreshold 15000) | Out-Null
        $before = Get-CallAnalyticsCategory | Sort-Object Name | ForEach-Object { "$($_.Name) $($_.Rules)" }
        $examples = @((Get-Help Get-CallAnalyticsCategory -Examples).Examples.Example) + @((Get-Help New-CallAnalyticsCategory -Examples).Examples.Example)
        $backup = ($examples | Where-Object Title -Match 'Back up').Code
        $fromJson = ($examples | Where-Object Title -Match 'kept in JSON').Code
        $fromCsv = ($examples | Where-Object Title -Match 'spreadsheet').Code
        $fromCsv | Should -Be 'Import-Csv .\categories.csv | New-CallAnalyticsCategory'

        Push-Location $script:Work
        try {
            & ([scriptblock]::Create($backup))
            Get-CallAnalyticsCategory | Export-Csv .\categories.csv
            foreach ($example in $fromJson, $fromCsv) {
                Remove-CallAnalyticsCategory -Name Risk, Quiet -Confirm:$false
                $made = & ([scriptblock]::Create($example))
                @($made).Count | Should -Be 2
                Get-CallAnalyticsCategory | Sort-Object Name | ForEach-Object { "$($_.Name) $($_.Rules)" } | Should -Be $before
            }
        }
        finally { Pop-Location }
    }
}

Describe 'Transcripts from several jobs, and what Save-TranscribeOutput gives' {
    BeforeAll {
        Reset-Emulator
        $visits = New-Item -ItemType Directory -Path (Join-Path $script:Work 'visits')
        New-TestWav -Path (Join-Path $visits 'visit-a.wav') -Seconds 20 | Out-Null
        New-TestWav -Path (Join-Path $visits 'visit-b.wav') -Seconds 25 | Out-Null
        $script:Jobs = Get-ChildItem (Join-Path $visits '*.wav') | Start-MedicalConversationJob -OutputBucket clinic-transcripts -Wait
        $script:Saved = New-Item -ItemType Directory -Path (Join-Path $script:Work 'saved')
        $calls = New-Item -ItemType Directory -Path (Join-Path $script:Work 'calls')
        New-TestWav -Path (Join-Path $calls 'call-1.wav') -Seconds 6 -Channels 2 | Out-Null
        New-TestWav -Path (Join-Path $calls 'call-2.wav') -Seconds 8 -Channels 2 | Out-Null
        $script:Calls = Get-ChildItem (Join-Path $calls '*.wav') |
            Start-CallAnalyticsJob -OutputBucket cc-analytics -DataAccessRoleArn 'arn:aws:iam::123456789012:role/TranscribeDataAccess' -Wait
        # m:ss.ff, minutes running past 59.
        $script:Clock = '\d+:[0-5]\d\.\d\d'
    }

    Context 'Turns and items of several jobs in one table (issue 7 §3.5)' {
        It 'turns of two jobs show under their job, times as m:ss.ff' {
            $text = $script:Jobs | Get-TranscriptTurn | Show

            foreach ($job in $script:Jobs) { $text | Should -Match "Job: $([regex]::Escape($job.JobName))" }
            $text | Should -Match 'Start\s+End\s+Speaker\s+Text'
            $text | Should -Match "(?m)^\s*$script:Clock\s+$script:Clock\s+spk_\d"
            $text | Should -Not -Match 'Sentiment'
        }

        It 'items of two jobs show under their job too, with m:ss.ff start times' {
            $text = $script:Jobs | Get-TranscriptItem | Show

            foreach ($job in $script:Jobs) { $text | Should -Match "Job: $([regex]::Escape($job.JobName))" }
            $text | Should -Match "(?m)^\s*$script:Clock\s+spk_\d\s+\d\.\d\d\s+\S"
        }

        It 'call analytics turns show their sentiment by default' {
            $text = $script:Calls | Get-TranscriptTurn | Show

            foreach ($job in $script:Calls) { $text | Should -Match "Job: $([regex]::Escape($job.JobName))" }
            $text | Should -Match 'Start\s+End\s+Speaker\s+Sentiment\s+Text'
            $text | Should -Match "(?m)^\s*$script:Clock\s+$script:Clock\s+(Agent|Customer)\s+(POSITIVE|NEGATIVE|NEUTRAL|MIXED)\s+\S"
        }
    }

    Context 'Exports (issue 7 §3.13)' {
        It 'Export-Csv of turns writes confidences rounded to at most four decimals, and times in seconds' {
            $csv = Join-Path $script:Work 'turns.csv'
            $script:Jobs | Get-TranscriptTurn | Export-Csv -LiteralPath $csv

            $rows = Import-Csv -LiteralPath $csv
            $rows.Count | Should -BeGreaterThan 1
            $rows.Confidence | Where-Object { $_ } | ForEach-Object { $_ | Should -Match '^(0|1)(\.\d{1,4})?$' }
            $rows.StartTime | ForEach-Object { $_ | Should -Match '^\d+(\.\d{1,3})?$' }
        }

        It 'a call insight exports its durations as seconds: plain numbers in CSV and JSON, m:ss in its view' {
            $insight = $script:Calls[0] | Get-CallAnalyticsInsight
            $csv = Join-Path $script:Work 'insight.csv'
            $insight | Export-Csv -LiteralPath $csv
            $row = Import-Csv -LiteralPath $csv
            $json = $insight | ConvertTo-Json -Depth 5 | ConvertFrom-Json

            $insight.Duration | Should -BeOfType [double]
            $row.Duration | Should -Match '^\d+(\.\d{1,3})?$'
            $row.AgentTalkTime | Should -Match '^\d+(\.\d{1,3})?$'
            $json.Duration | Should -Be $insight.Duration
            $json.AgentTalkTime | Should -Be $insight.AgentTalkTime
            $insight | Show | Should -Match ("\s{0}:{1:00}\s" -f [int][math]::Floor($insight.Duration / 60), [int][math]::Floor($insight.Duration % 60))
        }
    }

    Context '-SpeakerName that names nobody (issue 7 §3.14)' {
        It 'a table written the other way round warns once, naming the labels and the table to write' {
            $turns = $script:Jobs | Get-TranscriptTurn -SpeakerName @{ Clinician = 'spk_0'; Patient = 'spk_1' } -WarningVariable warned -WarningAction SilentlyContinue

            @($warned).Count | Should -Be 1
            "$warned" | Should -Match "^-SpeakerName names no speaker in '.+': its keys \(.*Clinician.*\) match none of the labels there \(spk_0, spk_1\), but its values do, so the table looks reversed\. Put the label first: @\{ spk_. = '(Clinician|Patient)' \}\.$"
            $turns.SpeakerName | Should -Not -Contain 'Clinician'
        }

        It 'Get-TranscriptItem and items piped into Get-TranscriptTurn warn too; a key that matches warns nothing' {
            $null = $script:Jobs[0] | Get-TranscriptItem -SpeakerName @{ Doctor = 'Kim' } -WarningVariable fromItems -WarningAction SilentlyContinue
            "$fromItems" | Should -Match "its keys \(Doctor\) match none of the labels there \(spk_0, spk_1\), so every speaker keeps its label\. The keys are the labels and the values the names, as in @\{ spk_0 = 'Kim' \}\."

            $null = $script:Jobs[0] | Get-TranscriptItem | Get-TranscriptTurn -SpeakerName @{ Clinician = 'spk_0' } -WarningVariable fromPipe -WarningAction SilentlyContinue
            "$fromPipe" | Should -Match 'looks reversed'

            $named = $script:Jobs | Get-TranscriptTurn -SpeakerName @{ SPK_0 = 'Clinician'; spk_7 = 'Nobody' } -WarningVariable none -WarningAction SilentlyContinue
            @($none).Count | Should -Be 0
            $named.SpeakerName | Should -Contain 'Clinician'
        }
    }

    Context 'Save-TranscribeOutput (issue 7 §3.6)' {
        It 'emits the files as Get-Item does, so the default view shows mode, owner, size and their directory' {
            $files = $script:Jobs | Save-TranscribeOutput -Destination $script:Saved.FullName

            @($files).Count | Should -Be 2
            $files[0].PSParentPath | Should -BeLike '*FileSystem::*saved'
            $text = $files | Show
            $text | Should -Match "Directory: $([regex]::Escape($script:Saved.FullName))"
            foreach ($file in $files) {
                $row = ($text -split '\r?\n') | Where-Object { $_ -match [regex]::Escape($file.Name) }
                $row | Should -Match "^(-r\S+|-a\S*)\s+.*\b$($file.Length)\s+$([regex]::Escape($file.Name))$"
            }
        }
    }
}
