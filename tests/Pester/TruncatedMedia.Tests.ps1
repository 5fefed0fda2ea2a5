#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# A recording cut short (a copy that did not finish) as a user meets it: the pre-flight refuses it before any upload,
# naming the file and its declared and actual length; a whole long recording (a sparse file of the length its header
# declares) is still judged by its length; the emulator fails a cut-short file that reaches it as the service does.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-truncated-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    function New-CutWav([string] $Name, [double] $DeclaredSeconds, [int] $KeepBytes) {
        # A whole WAV declaring $DeclaredSeconds (sparse), then cut to $KeepBytes as an unfinished copy leaves it.
        $path = Join-Path $script:Folder $Name
        New-TestWav -Path $path -Seconds 0 | Out-Null
        $stream = [IO.File]::Open($path, 'Open', 'ReadWrite')
        try {
            $dataBytes = [int64]($DeclaredSeconds * 16000 * 2)
            $stream.Position = 4; $stream.Write([BitConverter]::GetBytes([uint32](36 + $dataBytes)))
            $stream.Position = 40; $stream.Write([BitConverter]::GetBytes([uint32]$dataBytes))
            $stream.SetLength($(if ($KeepBytes -ge 0) { $KeepBytes } else { 44 + $dataBytes }))
        }
        finally { $stream.Dispose() }
        Get-Item -LiteralPath $path
    }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'A recording shorter than its header says' {
    BeforeEach { Reset-Emulator }

    It 'is refused before upload as MediaTruncated, naming the file and both lengths; the whole recording beside it starts' {
        $cut = New-CutWav 'cut.wav' -DeclaredSeconds (3 * 3600) -KeepBytes 44
        $whole = New-TestWav -Path (Join-Path $script:Folder 'whole.wav') -Seconds 2

        $jobs = $cut, $whole | Start-MedicalConversationJob -OutputBucket clinic-transcripts -ErrorVariable problems -ErrorAction SilentlyContinue

        $jobs | Should -HaveCount 1
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'MediaTruncated,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].TargetObject | Should -Be $cut.FullName
        "$($problems[0])" | Should -Be "'$($cut.FullName)' is cut short: its header declares 3:00:00 of audio, but the file holds 0 s. A copy, download or recording that did not finish leaves such a file; copy or export the recording again, then run the command again."
        (Get-EmulatorRequestCount)['PutObject'] | Should -Be 1
    }

    It 'a whole five-hour recording (sparse file) is still MediaTooLong, not truncated' {
        $long = New-CutWav 'long.wav' -DeclaredSeconds (5 * 3600) -KeepBytes -1
        $long.Length | Should -Be (44 + 5 * 3600 * 32000)

        Start-MedicalConversationJob -LiteralPath $long.FullName -OutputBucket clinic-transcripts -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'MediaTooLong,*'
        (Get-EmulatorRequestCount).ContainsKey('PutObject') | Should -BeFalse
    }

    It 'a cut-short file already in S3 fails in the emulator with the service''s FailureReason for too little audio' {
        $cut = New-CutWav 'in-s3.wav' -DeclaredSeconds (3 * 3600) -KeepBytes 44
        $uri = Add-EmulatorObject -Bucket clinic-phi -Key 'in/in-s3.wav' -LiteralPath $cut.FullName

        $started = Start-MedicalConversationJob -MediaUri $uri -OutputBucket clinic-transcripts
        Wait-TranscribeJob -InputObject $started -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
        $job = Get-TranscribeJob -Name $started.JobName -Kind Medical

        $job.Status | Should -Be 'Failed'
        $job.FailureReason | Should -BeLike 'The input media file length is too small.*'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'TranscribeJobFailed,*'
    }
}
