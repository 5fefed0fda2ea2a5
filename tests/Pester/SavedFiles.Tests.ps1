#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Saved outputs hold PHI: owner-only files, no partial downloads left from killed runs, and nothing written outside
# -Destination whatever JobName an object piped in carries.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-saved-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    $wav = New-TestWav -Path (Join-Path $script:Folder 'visit.wav') -Seconds 3
    $script:Job = $wav | Start-MedicalConversationJob -OutputBucket clinic-transcripts -JobName 'saved-visit' -Wait
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Save-TranscribeOutput files' {
    It 'are owner-only (0600) under umask 022, and a stale partial download of the same file is removed' -Skip:$IsWindows {
        $dest = New-Item -ItemType Directory -Path (Join-Path $script:Folder 'modes')
        $stale = Join-Path $dest 'saved-visit.json.part-70ec4651'
        Set-Content -LiteralPath $stale -Value ('x' * 1000)
        $foreign = Join-Path $dest 'saved-visit.json.part-mine'
        Set-Content -LiteralPath $foreign -Value 'keep'

        $saved = & /bin/sh -c 'umask 022; exec "$0" "$@"' (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -Command @"
Import-Module '$((Get-TestModulePath) -replace "'", "''")'
(Get-TranscribeJob -Name saved-visit | Save-TranscribeOutput -Destination '$($dest.FullName -replace "'", "''")').FullName
"@

        $saved | Should -Be (Join-Path $dest.FullName 'saved-visit.json')
        (Get-Item -LiteralPath $saved).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
        Test-Path -LiteralPath $stale | Should -BeFalse
        Test-Path -LiteralPath $foreign | Should -BeTrue
        Get-ChildItem -LiteralPath $dest -Filter '*.part-*' | ForEach-Object Name | Should -Be 'saved-visit.json.part-mine'
    }

    It 'refuse a JobName from a CSV that would leave -Destination, before any call, and save the rest' {
        $csv = Join-Path $script:Folder 'jobs.csv'
        @(
            [pscustomobject]@{ JobName = '../../from-csv'; Kind = 'Medical'; Status = 'Completed'; TranscriptUri = $script:Job.TranscriptUri }
            [pscustomobject]@{ JobName = (Join-Path $script:Folder 'absolute'); Kind = 'Medical'; Status = 'Completed'; TranscriptUri = $script:Job.TranscriptUri }
            [pscustomobject]@{ JobName = 'saved-visit'; Kind = 'Medical'; Status = 'Completed'; TranscriptUri = $script:Job.TranscriptUri }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation
        $dest = Join-Path $script:Folder 'dest/sub'
        Reset-Emulator -KeepState

        $saved = Import-Csv -LiteralPath $csv | Save-TranscribeOutput -Destination $dest -ErrorVariable problems -ErrorAction SilentlyContinue

        $saved.Name | Should -Be 'saved-visit.json'
        $problems | ForEach-Object FullyQualifiedErrorId | Should -Be @('InvalidJobName,TranscribePS.Commands.SaveTranscribeOutputCommand', 'InvalidJobName,TranscribePS.Commands.SaveTranscribeOutputCommand')
        $problems[0].TargetObject.JobName | Should -Be '../../from-csv'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].Exception.Message | Should -BeLike "'../../from-csv' is not a job name the service could have given*"
        Test-Path -LiteralPath (Join-Path $script:Folder 'from-csv.json') | Should -BeFalse
        Test-Path -LiteralPath (Join-Path $script:Folder 'absolute.json') | Should -BeFalse
        (Get-EmulatorRequestCount)['GetObject'] | Should -Be 1
    }

    It 'say that -Destination is a file, and that a folder stands where an output goes' {
        $file = Join-Path $script:Folder 'not-a-folder.txt'
        Set-Content -LiteralPath $file -Value 'x'
        $blocked = New-Item -ItemType Directory -Path (Join-Path $script:Folder 'blocked/saved-visit.json') -Force

        $asFile = { $script:Job | Save-TranscribeOutput -Destination $file } | Should -Throw -PassThru
        $script:Job | Save-TranscribeOutput -Destination (Split-Path $blocked) -ErrorVariable folderProblem -ErrorAction SilentlyContinue

        $asFile.FullyQualifiedErrorId | Should -Be 'DestinationNotFolder,TranscribePS.Commands.SaveTranscribeOutputCommand'
        $asFile.Exception.Message | Should -BeLike "*is a file, not a folder*"
        $folderProblem[0].FullyQualifiedErrorId | Should -Be 'OutputPathIsFolder,TranscribePS.Commands.SaveTranscribeOutputCommand'
        $folderProblem[0].Exception.Message | Should -BeLike "*is a folder, so the output cannot be saved under that name*"
    }
}
