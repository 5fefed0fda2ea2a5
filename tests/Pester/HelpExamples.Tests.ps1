#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Every help example of the HealthScribe, standard and export cmdlets runs as written, taken from Get-Help, in a folder that
# holds the recordings and files it names, against the emulator.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $examples = foreach ($command in 'Start-TranscriptionJob', 'Start-MedicalScribeJob', 'Get-ClinicalNote', 'Export-Transcript', 'ConvertTo-Transcript', 'Export-CallAnalyticsReport') {
        $number = 0
        foreach ($example in (Get-Help -Name $command -Examples).Examples.Example) {
            @{ Command = $command; Number = ++$number; Code = ($example.Code -join "`n").Trim() }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Root = Join-Path ([IO.Path]::GetTempPath()) "tps-examples-$([guid]::NewGuid().ToString('N'))"
    $script:Folders = @{
        'Start-TranscriptionJob' = (New-Item -ItemType Directory -Path (Join-Path $script:Root 'calls')).FullName
        'Start-MedicalScribeJob' = (New-Item -ItemType Directory -Path (Join-Path $script:Root 'visits')).FullName
        'Get-ClinicalNote' = (New-Item -ItemType Directory -Path (Join-Path $script:Root 'notes')).FullName
        'Export-Transcript' = (New-Item -ItemType Directory -Path (Join-Path $script:Root 'exports')).FullName
    }
    $script:Folders['ConvertTo-Transcript'] = $script:Folders['Export-Transcript']
    $script:Folders['Export-CallAnalyticsReport'] = $script:Folders['Export-Transcript']
    $calls = $script:Folders['Start-TranscriptionJob']
    New-TestWav -Path (Join-Path $calls 'call-1.wav') -Seconds 15 -SampleRate 8000 | Out-Null
    New-TestWav -Path (Join-Path $calls 'support-call.wav') -Seconds 15 -SampleRate 8000 | Out-Null
    New-TestWav -Path (Join-Path $calls 'stereo-call.wav') -Seconds 15 -SampleRate 8000 -Channels 2 | Out-Null
    New-TestWav -Path (Join-Path $calls 'lecture.wav') -Seconds 15 | Out-Null
    $visits = $script:Folders['Start-MedicalScribeJob']
    New-TestWav -Path (Join-Path $visits 'visit.wav') -Seconds 30 | Out-Null
    New-TestWav -Path (Join-Path $visits 'telehealth-visit.wav') -Seconds 20 -Channels 2 | Out-Null

    # A call to transcribe and a finished call analytics job saved as call-1.json, as the export examples expect.
    $exports = $script:Folders['Export-Transcript']
    New-TestWav -Path (Join-Path $exports 'call-1.wav') -Seconds 15 -SampleRate 8000 | Out-Null
    $stereo = New-TestWav -Path (Join-Path $script:Root 'call-1-stereo.wav') -Seconds 20 -Channels 2
    Start-CallAnalyticsJob -LiteralPath $stereo.FullName -JobName call-1 -OutputBucket cc-analytics -DataAccessRoleArn 'arn:aws:iam::123456789012:role/TranscribeDataAccess' -Wait |
        Save-TranscribeOutput -Destination $exports | Out-Null

    # Finished HealthScribe jobs in the emulator and one saved pair, as the Get-ClinicalNote examples expect.
    $visit = New-TestWav -Path (Join-Path $script:Root 'visit-0412.wav') -Seconds 40
    Start-MedicalScribeJob -LiteralPath $visit.FullName -OutputBucket clinic-phi -DataAccessRoleArn 'arn:aws:iam::123456789012:role/HealthScribeAccess' -Wait |
        Save-TranscribeOutput -Destination $script:Folders['Get-ClinicalNote'] | Out-Null
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Root -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Help example <Number> of <Command> runs as written' -ForEach $examples {
    It '<Code>' {
        Push-Location $script:Folders[$Command]
        $ErrorActionPreference = 'Stop'
        Reset-Emulator -KeepState
        try { $output = & ([scriptblock]::Create($Code)) 6>$null }
        finally { Pop-Location }

        if ($Code -match 'Export-Csv (\S+)') {
            (Import-Csv -LiteralPath (Join-Path $script:Folders[$Command] $Matches[1])).Count | Should -BeGreaterThan 0
        }
        elseif ($Code -match '-WhatIf') {
            @((Get-EmulatorRequestCount).Keys | Where-Object { $_ -like 'Start*' -or $_ -eq 'PutObject' }) | Should -BeNullOrEmpty
        }
        else {
            @($output).Count | Should -BeGreaterThan 0
        }
    }
}
