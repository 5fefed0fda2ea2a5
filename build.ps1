#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, packages or cleans TranscribePS.
.DESCRIPTION
    Build   : dotnet build; the AssembleModule target leaves the loadable module in out/TranscribePS/.
    Test    : dotnet test, then the Pester suite in a fresh `pwsh -NoProfile` against out/TranscribePS/.
    Package : builds Release and zips out/TranscribePS/ to out/TranscribePS-<version>.zip.
    Clean   : removes out/ and every bin/ and obj/ folder.
    Demo    : builds, starts the local emulator and runs the medical and call analytics pipelines against it
              (no AWS account or network needed).
.EXAMPLE
    ./build.ps1 -Task Test -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean', 'Demo')]
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

function Invoke-Demo {
    Invoke-Build
    # A fresh process, like the tests; the Pester support module starts the emulator and points AWS_* at it.
    $script = @'
param($Root, $Configuration)
$ErrorActionPreference = 'Stop'
$env:TRANSCRIBEPS_CONFIGURATION = $Configuration
Import-Module (Join-Path $Root 'tests/Pester/TestSupport.psm1')
Import-Module (Join-Path $Root 'out/TranscribePS/TranscribePS.psd1')
$emulator = Start-TestEmulator
$folder = Join-Path ([IO.Path]::GetTempPath()) "tps-demo-$([guid]::NewGuid().ToString('N'))"
New-Item -ItemType Directory -Path $folder | Out-Null
try {
    Write-Host "Emulator at $($emulator.Endpoint)" -ForegroundColor Cyan
    New-TestWav -Path (Join-Path $folder 'visit-a.wav') -Seconds 4 | Out-Null
    New-TestWav -Path (Join-Path $folder 'visit-b.wav') -Seconds 6 | Out-Null
    New-TestWav -Path (Join-Path $folder 'call-118.wav') -Seconds 20 -Channels 2 | Out-Null

    Write-Host "`nGet-ChildItem *.wav | Start-MedicalConversationJob | Wait-TranscribeJob | Get-TranscriptTurn" -ForegroundColor Cyan
    Get-ChildItem (Join-Path $folder 'visit-*.wav') |
        Start-MedicalConversationJob -OutputBucket demo-clinic -Verbose |
        Wait-TranscribeJob |
        Get-TranscriptTurn -SpeakerName @{ spk_0 = 'Clinician'; spk_1 = 'Patient' } |
        Format-Table -AutoSize | Out-Host

    Write-Host 'The same line again: the jobs are reused, nothing is uploaded or started' -ForegroundColor Cyan
    Get-ChildItem (Join-Path $folder 'visit-*.wav') | Start-MedicalConversationJob -OutputBucket demo-clinic -Verbose | Out-Host

    Write-Host 'A call analytics category, a stereo call, its insight' -ForegroundColor Cyan
    New-CallAnalyticsCategory -Name CancellationRisk -Rule (New-CallAnalyticsRule -TranscriptContains 'cancel' -Participant Customer) | Out-Host
    Start-CallAnalyticsJob -LiteralPath (Join-Path $folder 'call-118.wav') -OutputBucket demo-calls -Summarize -Wait |
        Get-CallAnalyticsInsight |
        Format-List JobName, Duration, AgentTalkTime, CustomerTalkTime, InterruptionCount, MatchedCategories, Summary | Out-Host
}
finally {
    Stop-TestEmulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}
'@
    & pwsh -NoProfile -NonInteractive -Command $script -args $root, $Configuration
    if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE)." }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
    'Demo' { Invoke-Demo }
}
