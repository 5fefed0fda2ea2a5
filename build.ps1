#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, packages or cleans TranscribePS.
.DESCRIPTION
    Build   : dotnet build; the AssembleModule target leaves the loadable module in out/TranscribePS/.
    Test    : dotnet test, then the Pester suite in a fresh `pwsh -NoProfile` against out/TranscribePS/.
    Package : builds Release and zips out/TranscribePS/ to out/TranscribePS-<version>.zip.
    Clean   : removes out/ and every bin/ and obj/ folder.
.EXAMPLE
    ./build.ps1 -Task Test -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$moduleDir = Join-Path $root 'out/TranscribePS'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'TranscribePS.sln') -c $Configuration
}

function Invoke-Test {
    # The README's test command, unchanged; it also builds the module folder.
    Invoke-Dotnet test (Join-Path $root 'TranscribePS.sln') -c $Configuration

    $pesterDir = Join-Path $root 'tests/Pester'
    # A fresh process (the emulator runs from the build above, in the same configuration) so the module under test is the only TranscribePS (and AWSSDK) loaded.
    $script = @'
param($ModuleDir, $PesterDir, $Configuration)
$ErrorActionPreference = 'Stop'
Import-Module Pester -MinimumVersion 5.0
$env:TRANSCRIBEPS_MODULE = $ModuleDir
$env:TRANSCRIBEPS_CONFIGURATION = $Configuration
$config = New-PesterConfiguration
$config.Run.Path = $PesterDir
$config.Run.Exit = $true
$config.Output.Verbosity = 'Detailed'
Invoke-Pester -Configuration $config
'@
    & pwsh -NoProfile -NonInteractive -Command $script -args $moduleDir, $pesterDir, $Configuration
    if ($LASTEXITCODE -ne 0) { throw "Pester failed ($LASTEXITCODE failing test(s) or a run error)." }
}

function Invoke-Package {
    Invoke-Build
    $version = (Import-PowerShellDataFile (Join-Path $moduleDir 'TranscribePS.psd1')).ModuleVersion
    $zip = Join-Path $root "out/TranscribePS-$version.zip"
    Remove-Item $zip -ErrorAction SilentlyContinue
    Compress-Archive -Path $moduleDir -DestinationPath $zip
    Get-Item $zip
}

function Invoke-Clean {
    Remove-Item (Join-Path $root 'out') -Recurse -Force -ErrorAction SilentlyContinue
    Get-ChildItem $root -Directory -Recurse -Include bin, obj |
        Where-Object FullName -NotMatch '[\\/]\.git[\\/]' |
        Remove-Item -Recurse -Force
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
}
