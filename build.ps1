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

function ConvertTo-QuotedLiteral([string] $Text) {
    # A single-quoted PowerShell literal: nothing inside is expanded, a ' is doubled.
    "'" + ($Text -replace "'", "''") + "'"
}

function Invoke-Pwsh([string] $Command, [string] $Failure) {
    # `pwsh -Command <text> <more>` appends <more> to the text, so the text carries everything itself and the
    # rest travels in environment variables the child inherits (and which are put back afterwards).
    $saved = @{}
    foreach ($name in 'TRANSCRIBEPS_MODULE', 'TRANSCRIBEPS_CONFIGURATION') { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    try {
        $env:TRANSCRIBEPS_MODULE = $moduleDir
        $env:TRANSCRIBEPS_CONFIGURATION = $Configuration
        & pwsh -NoProfile -NonInteractive -Command $Command
        if ($LASTEXITCODE -ne 0) { throw "$Failure (exit code $LASTEXITCODE)." }
    }
    finally {
        foreach ($kv in $saved.GetEnumerator()) { [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value) }
    }
}

function Invoke-Test {
    # The README's test command, unchanged; it also builds the module folder.
    Invoke-Dotnet test (Join-Path $root 'TranscribePS.sln') -c $Configuration

    # A fresh process (the emulator runs from the build above, in the same configuration) so the module under test
    # is the only TranscribePS (and AWSSDK) loaded; tests/Pester/TestSupport.psm1 reads TRANSCRIBEPS_MODULE/_CONFIGURATION.
    $pesterDir = ConvertTo-QuotedLiteral (Join-Path $root 'tests/Pester')
    $command = @"
`$ErrorActionPreference = 'Stop'
Import-Module Pester -MinimumVersion 5.3
`$config = New-PesterConfiguration
`$config.Run.Path = $pesterDir
`$config.Run.Exit = `$true
`$config.Output.Verbosity = 'Detailed'
Invoke-Pester -Configuration `$config
"@
    Invoke-Pwsh $command 'Pester failed: see the failing tests above'
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
    # A fresh process, like the tests. Everything emulator-related comes from the Pester support module (it starts
    # the emulator, points AWS_* at it, scripts conversations and writes recordings), so the demo has no copies.
    $support = ConvertTo-QuotedLiteral (Join-Path $root 'tests/Pester/TestSupport.psm1')
    $command = @"
`$ErrorActionPreference = 'Stop'
Import-Module $support
Import-Module (Get-TestModulePath)
`$emulator = Start-TestEmulator
`$folder = Join-Path ([IO.Path]::GetTempPath()) "tps-demo-`$([guid]::NewGuid().ToString('N'))"
New-Item -ItemType Directory -Path `$folder | Out-Null
try {
    Write-Host "Emulator at `$(`$emulator.Endpoint)" -ForegroundColor Cyan
    New-TestWav -Path (Join-Path `$folder 'visit-a.wav') -Seconds 4 | Out-Null
    New-TestWav -Path (Join-Path `$folder 'visit-b.wav') -Seconds 6 | Out-Null
    New-TestWav -Path (Join-Path `$folder 'call-118.wav') -Seconds 20 -Channels 2 | Out-Null

    # Jobs stay IN_PROGRESS while their conversations are scripted; Instant timing finishes them at the next read.
    Set-EmulatorTiming Realistic
    try {
        `$visits = Get-ChildItem (Join-Path `$folder 'visit-*.wav') | Start-MedicalConversationJob -OutputBucket demo-clinic -Verbose
        foreach (`$visit in `$visits) {
            Set-EmulatorScript `$visit.JobName @(
                @{ Speaker = 'CLINICIAN'; Text = 'Good morning, what brings you in today?' }
                @{ Speaker = 'PATIENT'; Text = 'I have had a cough for two weeks.' }
                @{ Speaker = 'CLINICIAN'; Text = 'Any fever or shortness of breath?' }
                @{ Speaker = 'PATIENT'; Text = 'A mild fever at night, no trouble breathing.' })
        }

        New-CallAnalyticsCategory -Name CancellationRisk -Rule (New-CallAnalyticsRule -TranscriptContains 'cancel' -Participant Customer) | Out-Host
        `$call = Start-CallAnalyticsJob -LiteralPath (Join-Path `$folder 'call-118.wav') -OutputBucket demo-calls -Summarize
        Set-EmulatorScript `$call.JobName @(
            @{ Speaker = 'AGENT'; Text = 'Thank you for calling, how can I help?'; Sentiment = 'POSITIVE' }
            @{ Speaker = 'CUSTOMER'; Text = 'I want to cancel my subscription.'; Sentiment = 'NEGATIVE' }
            @{ Speaker = 'AGENT'; Text = 'I can offer you a discount instead.'; Sentiment = 'NEUTRAL' }
            @{ Speaker = 'CUSTOMER'; Text = 'Fine, I will stay for now.'; Sentiment = 'NEUTRAL' })
    }
    finally { Set-EmulatorTiming Instant }

    Write-Host "``nThe visits, waited for and read as turns with speaker names" -ForegroundColor Cyan
    `$visits | Wait-TranscribeJob | Get-TranscriptTurn -SpeakerName @{ spk_0 = 'Clinician'; spk_1 = 'Patient' } | Format-Table -AutoSize | Out-Host

    Write-Host 'The same start again: the jobs are reused, nothing is uploaded or started' -ForegroundColor Cyan
    Get-ChildItem (Join-Path `$folder 'visit-*.wav') | Start-MedicalConversationJob -OutputBucket demo-clinic -Verbose | Out-Host

    Write-Host 'The call, its category match and insight' -ForegroundColor Cyan
    `$call | Wait-TranscribeJob | Get-CallAnalyticsInsight |
        Format-List JobName, Duration, AgentTalkTime, CustomerTalkTime, InterruptionCount, MatchedCategories, Summary | Out-Host
}
finally {
    Stop-TestEmulator
    Remove-Item -LiteralPath `$folder -Recurse -Force -ErrorAction SilentlyContinue
}
"@
    Invoke-Pwsh $command 'The demo failed'
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
    'Demo' { Invoke-Demo }
}
