#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Broken transcripts as a user meets them: wrong-typed values are one error naming the file and the item, a file
# re-saved as UTF-16 is refused as UTF-16, and the other files of the batch are still read.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-badinput-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    function New-Transcript([string] $Name, [string] $SecondItem, [string] $Encoding = 'utf8NoBOM') {
        $json = '{"jobName":"j","results":{"items":[{"start_time":"0.1","end_time":"0.2","alternatives":[{"confidence":"0.9","content":"ok"}],"type":"pronunciation"},' + $SecondItem + ']}}'
        $path = Join-Path $script:Folder $Name
        Set-Content -LiteralPath $path -Value $json -Encoding $Encoding -NoNewline
        $path
    }
}

AfterAll {
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Get-TranscriptItem on broken transcripts' {
    It 'names the file, the item and the member of a wrong-typed value, and reads the next file' {
        $number = New-Transcript 'number.json' '{"start_time":"1.0","end_time":"1.2","alternatives":[{"content":12345}],"type":"pronunciation"}'
        $late = New-Transcript 'late.json' '{"start_time":"5.0","end_time":"1.2","alternatives":[{"content":"x"}],"type":"pronunciation"}'
        $good = New-Transcript 'good.json' '{"start_time":"1.0","end_time":"1.2","alternatives":[{"content":"fine"}],"type":"pronunciation"}'

        $items = Get-TranscriptItem -LiteralPath $number, $late, $good -ErrorVariable problems -ErrorAction SilentlyContinue

        ($items | Where-Object JobName -eq 'j').Content | Should -Be @('ok', 'fine')
        $problems | Should -HaveCount 2
        "$($problems[0])" | Should -Be "'$number' has an item it cannot read: item 1 (counting from 0) has 'content' 12345, which is not text. Correct or remove that item, or download the file again from the job's output location."
        "$($problems[1])" | Should -BeLike "'$late' has an item it cannot read: item 1 (counting from 0) ends (1.2 s) before it starts (5 s).*"
        $problems[0].TargetObject | Should -Be $number
    }

    It 'refuses a UTF-16 file as UTF-16, not as "not JSON"' {
        $unicode = New-Transcript 'notepad.json' '{"start_time":"1.0","end_time":"1.2","alternatives":[{"content":"x"}],"type":"pronunciation"}' -Encoding unicode

        Get-TranscriptItem -LiteralPath $unicode -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        "$($problems[0])" | Should -BeLike "'$unicode' is UTF-16 text, and Amazon Transcribe output files are UTF-8 JSON*"
    }
}
