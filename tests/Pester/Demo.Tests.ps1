#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
}

Describe 'build.ps1 -Task Demo > demo.txt' {
    It 'writes the demo to the file as plain text: no colour escape sequences' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "tps-demo-$([guid]::NewGuid().ToString('N')).txt"
        $pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
        $configuration = if ($env:TRANSCRIBEPS_CONFIGURATION) { $env:TRANSCRIBEPS_CONFIGURATION } else { 'Release' }
        try {
            # What a user types: the whole output of the task redirected to a file.
            & $pwsh -NoProfile -File (Join-Path $script:Root 'build.ps1') -Task Demo -Configuration $configuration > $file
            $LASTEXITCODE | Should -Be 0
            $text = Get-Content -LiteralPath $file -Raw

            $text | Should -Match 'CancellationRisk'
            $text | Should -Match 'Clinician'
            $text | Should -Not -Match "`e"
        }
        finally { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
    }
}
