#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Subtitles as other software reads them: every export of every kind is parsed by third-party parsers (the W3C's
# webvtt.js, which validates WebVTT as it parses, and srt-parser-2), installed from npm by tests/Documents, and the
# cue times they read are the transcript's own word times within a millisecond.

BeforeDiscovery {
    $documents = Join-Path $PSScriptRoot '../Documents'
    $script:Missing = if (-not (Get-Command node -ErrorAction SilentlyContinue)) { 'node is not installed' }
        elseif (-not (Test-Path (Join-Path $documents 'node_modules/webvtt-parser'))) { 'tests/Documents has no node_modules (run: npm ci --prefix tests/Documents)' }
    $script:Skip = [bool]$script:Missing -and $env:CI -ne 'true'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Reader = Join-Path $PSScriptRoot '../Documents/read-subtitles.mjs'
    $script:Root = Join-Path ([IO.Path]::GetTempPath()) "tps-subtitles-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Root | Out-Null
    $role = 'arn:aws:iam::123456789012:role/TranscribeDataAccess'
    $stereo = New-TestWav -Path (Join-Path $script:Root 'call.wav') -Seconds 30 -Channels 2
    $visit = New-TestWav -Path (Join-Path $script:Root 'visit.wav') -Seconds 60
    $phone = New-TestWav -Path (Join-Path $script:Root 'phone.wav') -Seconds 45 -SampleRate 8000
    $script:Jobs = [ordered]@{
        'call analytics' = Start-CallAnalyticsJob -LiteralPath $stereo.FullName -OutputBucket cc-analytics -DataAccessRoleArn $role -RedactPii -Wait
        'medical' = Start-MedicalConversationJob -LiteralPath $visit.FullName -OutputBucket clinic-transcripts -Wait
        'HealthScribe' = Start-MedicalScribeJob -LiteralPath $visit.FullName -OutputBucket clinic-phi -DataAccessRoleArn $role -Wait
        'standard' = Start-TranscriptionJob -LiteralPath $phone.FullName -OutputBucket call-transcripts -MaxSpeakers 2 -Wait
    }

    function script:Read-Subtitle([string[]] $Path) {
        $json = & node $script:Reader @Path
        if ($LASTEXITCODE -ne 0) { throw "read-subtitles.mjs failed with exit code $LASTEXITCODE" }
        $json | ConvertFrom-Json
    }

    function script:Assert-NearOneOf([double] $Value, [double[]] $Times, [string] $What) {
        $nearest = ($Times | ForEach-Object { [Math]::Abs($_ - $Value) } | Measure-Object -Minimum).Minimum
        $nearest | Should -BeLessOrEqual 0.001 -Because "$What $Value is a word's time"
    }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Root -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Exported subtitles read back with third-party parsers' {
    It 'the parsers are installed' -Skip:$script:Skip {
        $script:Missing | Should -BeNullOrEmpty -Because 'the subtitle proof needs node and tests/Documents installed'
    }

    It 'a <_> job''s SubRip and WebVTT parse without error, cue times are its words'' times within 1 ms, and every word is there' -Skip:$script:Skip -ForEach @('call analytics', 'medical', 'HealthScribe', 'standard') {
        $job = $script:Jobs[$_]
        $items = @($job | Get-TranscriptItem -Type Pronunciation)
        $items.Count | Should -BeGreaterThan 20
        $srt = $job | Export-Transcript -Path (Join-Path $script:Root "$($job.JobName).srt")
        $vtt = $job | Export-Transcript -Path (Join-Path $script:Root "$($job.JobName).vtt")

        $read = Read-Subtitle $srt.FullName, $vtt.FullName
        $starts = [double[]]$items.StartTime
        $ends = [double[]]$items.EndTime
        $labels = @($items.SpeakerName | Sort-Object -Unique | ForEach-Object { "${_}:" })
        $expected = $items.Content | ForEach-Object { $_ -replace '[.,?!]', '' }
        foreach ($file in $read) {
            $file.errors | Should -BeNullOrEmpty -Because "$($file.format) is well formed"
            $file.cues.Count | Should -BeGreaterThan 2
            foreach ($cue in $file.cues) {
                Assert-NearOneOf $cue.start $starts "$($file.format) cue start"
                Assert-NearOneOf $cue.end $ends "$($file.format) cue end"
            }
            # SubRip names a new speaker in the cue text; WebVTT as the cue's voice.
            $words = ($file.cues.text -join ' ') -split '\s+' | Where-Object { $_ -and ($file.format -eq 'vtt' -or $_ -notin $labels) } |
                ForEach-Object { $_ -replace '[.,?!]', '' } | Where-Object { $_ }
            $words | Should -Be $expected -Because "every word is in the $($file.format) cues, in order"
        }
        $vttCues = $read | Where-Object format -eq 'vtt' | ForEach-Object cues
        $vttCues.voice | Sort-Object -Unique | Should -Be ($items.SpeakerName | Sort-Object -Unique)
    }
}
