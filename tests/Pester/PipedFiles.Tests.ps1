#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Files piped from Get-ChildItem / Get-Item into every cmdlet that takes paths. A FileInfo carries both FullName
# and PSPath; it must bind one parameter set (-LiteralPath through PSPath, as on Get-Content), never both.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-piped-$([guid]::NewGuid().ToString('N'))"
    $script:Analytics = New-Item -ItemType Directory -Path (Join-Path $script:Folder 'analytics')
    $script:Visits = New-Item -ItemType Directory -Path (Join-Path $script:Folder 'visits')
    $script:Calls = New-Item -ItemType Directory -Path (Join-Path $script:Folder 'calls')
    New-TestWav -Path (Join-Path $script:Visits 'visit-a.wav') -Seconds 6 | Out-Null
    New-TestWav -Path (Join-Path $script:Visits 'visit[2].wav') -Seconds 7 | Out-Null
    New-TestWav -Path (Join-Path $script:Calls 'call-1.wav') -Seconds 6 -Channels 2 | Out-Null
    New-TestWav -Path (Join-Path $script:Calls 'call-2.wav') -Seconds 7 -Channels 2 | Out-Null
    $script:Role = 'arn:aws:iam::123456789012:role/TranscribeDataAccess'

    # Two call analytics transcripts saved as local files, as the help's example finds them.
    Get-ChildItem -LiteralPath $script:Calls.FullName |
        Start-CallAnalyticsJob -OutputBucket cc-analytics -DataAccessRoleArn $script:Role -Wait |
        Save-TranscribeOutput -Destination $script:Analytics.FullName | Out-Null
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Piped files bind in every cmdlet that takes paths' {
    It 'Get-ChildItem ./analytics/*.json | Get-CallAnalyticsInsight reads every file (the help example)' {
        Push-Location $script:Folder
        try { $insights = Get-ChildItem ./analytics/*.json | Get-CallAnalyticsInsight -ErrorAction Stop }
        finally { Pop-Location }

        @($insights).Count | Should -Be 2
        ($insights.SourceName | ForEach-Object { Split-Path $_ -Leaf } | Sort-Object) |
            Should -Be (Get-ChildItem -LiteralPath $script:Analytics.FullName -Filter *.json | Sort-Object Name).Name
    }

    It '<Command> takes Get-ChildItem and Get-Item output' -ForEach @(
        @{ Command = 'Get-CallAnalyticsInsight' }
        @{ Command = 'Get-TranscriptItem' }
        @{ Command = 'Get-TranscriptTurn' }
    ) {
        $files = Get-ChildItem -LiteralPath $script:Analytics.FullName -Filter *.json
        $fromChildItem = $files | & $Command -ErrorAction Stop
        $fromItem = Get-Item -LiteralPath $files[0].FullName | & $Command -ErrorAction Stop
        $fromStrings = $files.FullName | & $Command -ErrorAction Stop

        @($fromChildItem.JobName | Sort-Object -Unique).Count | Should -Be 2
        @($fromItem.JobName | Sort-Object -Unique) | Should -Be @($fromItem[0].JobName)
        @($fromStrings).Count | Should -Be @($fromChildItem).Count
    }

    It 'Start-MedicalConversationJob takes Get-ChildItem, Get-Item and path strings, a bracketed name as itself' {
        $byChildItem = Get-ChildItem -LiteralPath $script:Visits.FullName | Start-MedicalConversationJob -OutputBucket clinic-transcripts -ErrorAction Stop
        $bracketed = Get-Item -LiteralPath (Join-Path $script:Visits 'visit[2].wav') | Start-MedicalConversationJob -OutputBucket clinic-transcripts -ErrorAction Stop
        $byString = (Join-Path $script:Visits 'visit-a.wav') | Start-MedicalConversationJob -OutputBucket clinic-transcripts -ErrorAction Stop

        @($byChildItem).Count | Should -Be 2
        $byChildItem.JobName | Should -Contain $bracketed.JobName
        $byChildItem.JobName | Should -Contain $byString.JobName
        $bracketed.MediaUri | Should -BeLike '*visit*2*'
    }

    It 'Start-CallAnalyticsJob takes Get-ChildItem and Get-Item output' {
        $byChildItem = Get-ChildItem -LiteralPath $script:Calls.FullName | Start-CallAnalyticsJob -OutputBucket cc-analytics -ErrorAction Stop
        $byItem = Get-Item -LiteralPath (Join-Path $script:Calls 'call-1.wav') | Start-CallAnalyticsJob -OutputBucket cc-analytics -ErrorAction Stop

        @($byChildItem).Count | Should -Be 2
        $byChildItem.JobName | Should -Contain $byItem.JobName
    }
}
