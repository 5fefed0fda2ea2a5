#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Jobs, items and categories as Export-Csv and plain ConvertTo-Json write them (issue 7 §3.13), in a culture whose
# date format is not ISO (de-DE), and the filters people write on them still working; jobs carry their local file.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "tps-exports-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Work | Out-Null
    $script:Iso = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?(Z|[+-]\d\d:\d\d)$'

    function Invoke-InCulture([string] $Name, [scriptblock] $Script) {
        $saved = [cultureinfo]::CurrentCulture
        [cultureinfo]::CurrentCulture = $Name
        try { & $Script } finally { [cultureinfo]::CurrentCulture = $saved }
    }

    Reset-Emulator
    $first = New-TestWav -Path (Join-Path $script:Work 'export-first.wav') -Seconds 3
    $second = New-TestWav -Path (Join-Path $script:Work 'export-second.wav') -Seconds 3
    $script:Started = @($first | Start-MedicalConversationJob -OutputBucket clinic-transcripts)
    Start-Sleep -Milliseconds 20
    $script:Started += $second | Start-MedicalConversationJob -OutputBucket clinic-transcripts
    $script:Jobs = @($script:Started | Wait-TranscribeJob -Timeout 60)
    $script:Listed = @(Get-TranscribeJob -Kind Medical)
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Work -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Export-Csv of jobs in a de-DE session' {
    BeforeAll {
        $file = Join-Path $script:Work 'jobs.csv'
        Invoke-InCulture 'de-DE' { $script:Jobs | Export-Csv -LiteralPath $file -NoTypeInformation }
        $script:Header = (Get-Content -LiteralPath $file -TotalCount 1) -replace '"', '' -split ','
        $script:Rows = @(Import-Csv -LiteralPath $file)
    }

    It 'writes every time as invariant ISO 8601, the same text ConvertTo-Json writes' {
        $json = $script:Jobs[0] | ConvertTo-Json -Compress
        foreach ($name in 'CreationTime', 'StartTime', 'CompletionTime') {
            $script:Rows[0].$name | Should -Match $script:Iso
            $json -match "`"$name`":`"([^`"]+)`"" | Should -BeTrue
            $script:Rows[0].$name | Should -Be $Matches[1]
            [DateTimeOffset]::Parse($script:Rows[0].$name, [cultureinfo]::InvariantCulture) | Should -Be $script:Jobs[0].$name
        }
    }

    It 'writes kind and status as names' {
        $script:Rows.Kind | Sort-Object -Unique | Should -Be 'Medical'
        $script:Rows.Status | Sort-Object -Unique | Should -Be 'Completed'
    }

    It 'keeps the columns in the order the job declares its properties' {
        $script:Header[0..2] | Should -Be 'JobName', 'Kind', 'Status'
        $script:Header[-1] | Should -Be 'Tags'
        $script:Header | Should -Be @($script:Jobs[0].PSObject.Properties.Name)
    }

    It 'writes a category''s times as ISO 8601 too' {
        $category = New-CallAnalyticsCategory -Name ExportedTimes -Rule (New-CallAnalyticsRule -TranscriptContains 'refund')
        $row = Invoke-InCulture 'de-DE' { $category | ConvertTo-Csv | ConvertFrom-Csv }
        $row.CreateTime | Should -Match $script:Iso
        $row.LastUpdateTime | Should -Match $script:Iso
    }
}

Describe 'Plain ConvertTo-Json (no -EnumsAsStrings)' {
    It 'writes a job''s kind and status as names' {
        $text = $script:Jobs[0] | ConvertTo-Json -Compress
        $text | Should -Match '"Kind":"Medical"'
        $text | Should -Match '"Status":"Completed"'
    }

    It 'writes an item''s type as a name' {
        $items = @($script:Jobs[0] | Get-TranscriptItem)
        $text = $items | ConvertTo-Json -Compress
        $text | Should -Match '"Type":"Pronunciation"'
        $text | Should -Not -Match '"Type":\d'
    }

    It 'writes each property once, in declared order, the times as ISO 8601' {
        $text = $script:Jobs[0] | ConvertTo-Json -Compress
        $text -match '"CreationTime":"(\d{4}-[^"]+)"' | Should -BeTrue
        $Matches[1] | Should -Match $script:Iso
        @(($text | ConvertFrom-Json).PSObject.Properties.Name) | Should -Be @($script:Jobs[0].PSObject.Properties.Name)
    }
}

Describe 'Filters, sorting and grouping on the exported properties' {
    It 'Where-Object CreationTime -gt (Get-Date).AddDays(-1) compares times, not text' {
        Invoke-InCulture 'de-DE' {
            @($script:Listed | Where-Object CreationTime -gt (Get-Date).AddDays(-1)).Count | Should -Be 2
            @($script:Listed | Where-Object CreationTime -lt (Get-Date).AddDays(-1)).Count | Should -Be 0
            @($script:Listed | Where-Object CreationTime -gt '2000-01-01').Count | Should -Be 2
        }
    }

    It 'keeps the time a DateTimeOffset with its members' {
        $script:Jobs[0].CreationTime | Should -BeOfType [DateTimeOffset]
        $script:Jobs[0].CreationTime.LocalDateTime | Should -BeOfType [DateTime]
    }

    It 'Where-Object Status -eq Completed, Sort-Object and Group-Object work as on the enum' {
        @($script:Listed | Where-Object Status -eq Completed).Count | Should -Be 2
        @($script:Listed | Where-Object Status -ne 'Completed').Count | Should -Be 0
        $sorted = @($script:Listed | Sort-Object CreationTime -Descending)
        $sorted[0].CreationTime | Should -BeGreaterOrEqual $sorted[1].CreationTime
        $sorted.JobName | Should -Be @($script:Listed | Sort-Object { $_.CreationTime.UtcTicks } -Descending).JobName
        $groups = @($script:Listed | Group-Object Status)
        $groups.Count | Should -Be 1
        $groups[0].Name | Should -Be 'Completed'
        $groups[0].Group.Count | Should -Be 2
    }
}

Describe 'Jobs carry the local file they came from' {
    It 'Start-* sets LocalPath to the recording''s full path' {
        $script:Started.LocalPath | Should -Be @(
            (Join-Path $script:Work 'export-first.wav'), (Join-Path $script:Work 'export-second.wav'))
    }

    It 'Wait-TranscribeJob keeps it on the job it reads again' {
        $script:Jobs.LocalPath | Should -Be $script:Started.LocalPath
        $script:Jobs.Status | Sort-Object -Unique | Should -Be 'Completed'
    }

    It 'is empty for jobs read from the service and for S3 recordings' {
        $script:Listed.LocalPath | Where-Object { $_ } | Should -BeNullOrEmpty
        $fromS3 = Start-MedicalConversationJob -MediaUri $script:Jobs[0].MediaUri -OutputBucket clinic-transcripts -JobName export-from-s3
        $fromS3.LocalPath | Should -BeNullOrEmpty
    }

    It 'is a column of Export-Csv and a member of ConvertTo-Json' {
        ($script:Jobs[0] | ConvertTo-Csv | ConvertFrom-Csv).LocalPath | Should -Be $script:Started[0].LocalPath
        ($script:Jobs[0] | ConvertTo-Json | ConvertFrom-Json).LocalPath | Should -Be $script:Started[0].LocalPath
    }
}

Describe 'The help example that exports jobs' {
    It 'runs as written and writes ISO 8601 times and names' {
        $example = (Get-Help Get-TranscribeJob -Examples).Examples.Example | Where-Object Title -Match 'spreadsheet'
        $example.Code | Should -Match 'Export-Csv'
        Push-Location $script:Work
        try {
            Invoke-InCulture 'de-DE' { & ([scriptblock]::Create($example.Code)) }
            $rows = @(Import-Csv -LiteralPath (Join-Path $script:Work 'jobs.csv'))
        }
        finally { Pop-Location }
        $rows.Count | Should -BeGreaterOrEqual 2
        $rows.Status | Sort-Object -Unique | Should -Be 'Completed'
        $rows.CreationTime | ForEach-Object { $_ | Should -Match $script:Iso }
    }
}
