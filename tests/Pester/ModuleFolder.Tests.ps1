#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# The module folder as `dotnet build` leaves it: one per configuration, and a build with nothing new rewrites nothing
# there (on Windows, a pwsh session holding the module's DLLs would otherwise break the next build).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:Project = (Resolve-Path (Join-Path $PSScriptRoot '../../src/TranscribePS/TranscribePS.csproj')).Path
    $script:Configuration = if ($env:TRANSCRIBEPS_CONFIGURATION) { $env:TRANSCRIBEPS_CONFIGURATION } else { 'Release' }
    $script:ModuleDir = Split-Path (Get-TestModulePath)

    function Get-ModuleOutputDir([string] $Configuration) {
        $dir = & dotnet msbuild $script:Project -getProperty:ModuleOutputDir "-p:Configuration=$Configuration"
        $LASTEXITCODE | Should -Be 0
        "$dir".Trim().Replace('\', '/')
    }

    function Get-FolderState {
        # Every file of the module folder with its last write time, as "relative/path <ticks>" lines.
        Get-ChildItem -LiteralPath $script:ModuleDir -Recurse -File |
            ForEach-Object { '{0} {1}' -f [IO.Path]::GetRelativePath($script:ModuleDir, $_.FullName).Replace('\', '/'), $_.LastWriteTimeUtc.Ticks } |
            Sort-Object
    }
}

Describe 'The module folder' {
    It 'is out/TranscribePS/ for Release and out/Debug/TranscribePS/ for Debug' {
        Get-ModuleOutputDir Release | Should -BeLike '*/out/TranscribePS/'
        Get-ModuleOutputDir Debug | Should -BeLike '*/out/Debug/TranscribePS/'
    }

    It 'is left untouched by a build with nothing new, which also removes what the layout no longer has' {
        $stale = Join-Path $script:ModuleDir 'bin/TranscribePS.Stale.dll'
        Set-Content -LiteralPath $stale -Value 'left by an older layout'
        try {
            $before = @(Get-FolderState | Where-Object { $_ -notlike 'bin/TranscribePS.Stale.dll *' })
            $before.Count | Should -BeGreaterThan 5
            $output = & dotnet build $script:Project -c $script:Configuration --no-restore -nologo 2>&1
            $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")

            Test-Path -LiteralPath $stale | Should -BeFalse
            @(Get-FolderState) | Should -Be $before
        }
        finally {
            Remove-Item -LiteralPath $stale -ErrorAction SilentlyContinue
        }
    }
}
