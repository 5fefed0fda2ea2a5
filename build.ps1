#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, packages or cleans TranscribePS.
.DESCRIPTION
    Build   : dotnet build; the AssembleModule target leaves the loadable module in the configuration's module folder:
              out/TranscribePS/ for Release, out/Debug/TranscribePS/ for Debug (Directory.Build.props), rewriting only
              what changed.
    Test    : dotnet test (xunit: the emulator's tests, then the module's on .NET 10 and .NET 8), then the Pester suite in a fresh `pwsh -NoProfile` against that folder, with
              Pester restored from NuGet at the version tests/Pester/Pester.csproj pins (no PowerShell Gallery).
              Fails when either suite has a failure. Results: out/test-results/.
    Package : builds the module and publishes its folder (out/TranscribePS/ for Release) with PSResourceGet to the local file
              repository out/packages/, leaving out/packages/TranscribePS.<version>.nupkg: the package a gallery takes,
              and a repository to install from (see the README). Needs nothing from the network.
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
# The pwsh running this script (a system install or the project's `dotnet pwsh` tool) also runs the child sessions.
$script:Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-ModuleDir {
    # The configuration's module folder, as Directory.Build.props names it (one place for the rule).
    $project = Join-Path $root 'src/TranscribePS/TranscribePS.csproj'
    $dir = & dotnet msbuild $project -getProperty:ModuleOutputDir "-p:Configuration=$Configuration"
    if ($LASTEXITCODE -ne 0 -or -not $dir) { throw "Could not read ModuleOutputDir from $project." }
    [IO.Path]::GetFullPath("$dir".Trim())
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
        $env:TRANSCRIBEPS_MODULE = Get-ModuleDir
        $env:TRANSCRIBEPS_CONFIGURATION = $Configuration
        # Output sent to a file or a pipe (`./build.ps1 -Task Demo > demo.txt`) gets no colour escape sequences.
        $plain = 'if ([Console]::IsOutputRedirected) { $PSStyle.OutputRendering = ''PlainText'' }'
        & $script:Pwsh -NoProfile -NonInteractive -Command "$plain`n$Command"
        if ($LASTEXITCODE -ne 0) { throw "$Failure (exit code $LASTEXITCODE)." }
    }
    finally {
        foreach ($kv in $saved.GetEnumerator()) { [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value) }
    }
}

function Get-PesterManifest {
    # Pester comes from NuGet (its package carries the module under tools/), pinned in tests/Pester/Pester.csproj.
    $project = Join-Path $root 'tests/Pester/Pester.csproj'
    Invoke-Dotnet restore $project --verbosity quiet
    $properties = (& dotnet msbuild $project -getProperty:NuGetPackageRoot -getProperty:PesterVersion | ConvertFrom-Json).Properties
    if ($LASTEXITCODE -ne 0) { throw "Could not read the Pester version from $project." }
    $manifest = Join-Path $properties.NuGetPackageRoot "pester/$($properties.PesterVersion)/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) { throw "Pester $($properties.PesterVersion) was restored but $manifest is missing." }
    $manifest
}

function Invoke-Test {
    # xunit: the emulator's own tests, then the module's (which also build the module folder and the emulator the
    # Pester suite uses). One results file each.
    $results = Join-Path $root 'out/test-results'
    Invoke-Dotnet test (Join-Path $root 'tests/TranscribePS.Emulator.Tests') -c $Configuration --logger "trx;LogFileName=emulator.trx" --results-directory $results
    # The module's tests on both ends of the runtimes it supports: .NET 10, and .NET 8 (PowerShell 7.4's), the latter
    # self-contained from NuGet's runtime packs so no .NET 8 install is needed.
    foreach ($framework in 'net10.0', 'net8.0') {
        Invoke-Dotnet test (Join-Path $root 'tests/TranscribePS.Tests') -c $Configuration -f $framework --logger "trx;LogFileName=xunit-$framework.trx" --results-directory $results
    }

    # A fresh process so the module under test is the only TranscribePS (and AWSSDK) loaded;
    # tests/Pester/TestSupport.psm1 reads TRANSCRIBEPS_MODULE/_CONFIGURATION.
    $pester = ConvertTo-QuotedLiteral (Get-PesterManifest)
    $pesterDir = ConvertTo-QuotedLiteral (Join-Path $root 'tests/Pester')
    $resultFile = ConvertTo-QuotedLiteral (Join-Path $results 'pester.xml')
    $command = @"
`$ErrorActionPreference = 'Stop'
Import-Module $pester
`$config = New-PesterConfiguration
`$config.Run.Path = $pesterDir
`$config.Run.Exit = `$true
`$config.Output.Verbosity = 'Detailed'
`$config.TestResult.Enabled = `$true
`$config.TestResult.OutputPath = $resultFile
Invoke-Pester -Configuration `$config
"@
    Invoke-Pwsh $command 'Pester failed: see the failing tests above'
}

function Invoke-Package {
    # The package holds exactly the module folder, so only the module's project is built.
    Invoke-Dotnet build (Join-Path $root 'src/TranscribePS/TranscribePS.csproj') -c $Configuration
    $moduleDir = Get-ModuleDir
    $version = (Import-PowerShellDataFile (Join-Path $moduleDir 'TranscribePS.psd1')).ModuleVersion
    $repository = Join-Path $root 'out/packages'
    New-Item -ItemType Directory -Path $repository -Force | Out-Null
    Remove-Item (Join-Path $repository "TranscribePS.$version.nupkg") -ErrorAction SilentlyContinue

    # Publish-PSResource only publishes to a registered repository; this one is registered for the publish alone,
    # under a name of its own, so the user's repositories are left as they were. Publishing runs Test-ModuleManifest.
    $name = "TranscribePS-build-$([guid]::NewGuid().ToString('N'))"
    Register-PSResourceRepository -Name $name -Uri $repository -Trusted
    try {
        Publish-PSResource -Path $moduleDir -Repository $name
    }
    finally {
        Unregister-PSResourceRepository -Name $name
    }
    Get-Item (Join-Path $repository "TranscribePS.$version.nupkg")
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
    `$visits = New-Item -ItemType Directory -Path (Join-Path `$folder 'visits')
    `$calls = New-Item -ItemType Directory -Path (Join-Path `$folder 'calls')
    New-TestWav -Path (Join-Path `$visits 'visit-a.wav') -Seconds 20 | Out-Null
    New-TestWav -Path (Join-Path `$visits 'visit-b.wav') -Seconds 25 | Out-Null
    New-TestWav -Path (Join-Path `$calls 'call-117.wav') -Seconds 4 -Channels 2 | Out-Null
    New-TestWav -Path (Join-Path `$calls 'call-118.wav') -Seconds 5 -Channels 2 | Out-Null
    `$role = 'arn:aws:iam::123456789012:role/TranscribeDataAccess'

    # Start everything while the emulator holds jobs IN_PROGRESS, and dictate what each recording says; Instant
    # timing then finishes them at the next read. The README's lines below find these jobs and reuse them.
    Set-EmulatorTiming Realistic
    try {
        New-CallAnalyticsCategory -Name CancellationRisk -Rule (
            New-CallAnalyticsRule -TranscriptContains 'cancel my account', 'close my account' -Participant Customer),
            (New-CallAnalyticsRule -Sentiment Negative -Participant Customer -LastPercent 25) | Out-Host
        foreach (`$visit in Get-ChildItem `$visits | Start-MedicalConversationJob -OutputBucket clinic-transcripts) {
            Set-EmulatorScript `$visit.JobName @(
                @{ Speaker = 'CLINICIAN'; Text = 'Good morning, what brings you in today?' }
                @{ Speaker = 'PATIENT'; Text = 'I have had a cough for two weeks.' }
                @{ Speaker = 'CLINICIAN'; Text = 'Any fever or shortness of breath?' }
                @{ Speaker = 'PATIENT'; Text = 'A mild fever at night, no trouble breathing.' })
        }
        foreach (`$call in Get-ChildItem `$calls | Start-CallAnalyticsJob -OutputBucket cc-analytics -DataAccessRoleArn `$role -RedactPii) {
            `$angry = `$call.MediaUri -like '*call-118*'
            Set-EmulatorScript `$call.JobName @(
                @{ Speaker = 'AGENT'; Text = 'Thank you for calling, how can I help?'; Sentiment = 'POSITIVE' }
                if (`$angry) { @{ Speaker = 'CUSTOMER'; Text = 'I want to cancel my account, this is the third outage.'; Sentiment = 'NEGATIVE' } }
                else { @{ Speaker = 'CUSTOMER'; Text = 'I would like to add a second line to my plan.'; Sentiment = 'POSITIVE' } }
                @{ Speaker = 'AGENT'; Text = 'I can help you with that right away.'; Sentiment = 'NEUTRAL' }
                @{ Speaker = 'CUSTOMER'; Text = `$(if (`$angry) { 'Just close it, I am done.' } else { 'Great, thank you.' }); Sentiment = `$(if (`$angry) { 'NEGATIVE' } else { 'POSITIVE' }) })
        }
    }
    finally { Set-EmulatorTiming Instant }

    `$csv = Join-Path `$folder 'visits.csv'
    Write-Host "``nGet-ChildItem visits\*.wav | Start-MedicalConversationJob | Wait-TranscribeJob | Get-TranscriptTurn | Export-Csv" -ForegroundColor Cyan
    Get-ChildItem (Join-Path `$visits '*.wav') | Start-MedicalConversationJob -OutputBucket clinic-transcripts -Verbose |
        Wait-TranscribeJob | Get-TranscriptTurn -SpeakerName @{ spk_0 = 'Clinician'; spk_1 = 'Patient' } |
        Export-Csv `$csv -NoTypeInformation
    Import-Csv `$csv | Format-Table JobName, SpeakerName, StartTime, Text -AutoSize | Out-Host

    Write-Host 'Get-ChildItem calls\*.wav | Start-CallAnalyticsJob | Wait-TranscribeJob | Get-CallAnalyticsInsight | Where-Object MatchedCategories -contains CancellationRisk' -ForegroundColor Cyan
    Get-ChildItem (Join-Path `$calls '*.wav') |
        Start-CallAnalyticsJob -OutputBucket cc-analytics -DataAccessRoleArn `$role -RedactPii |
        Wait-TranscribeJob | Get-CallAnalyticsInsight |
        Where-Object MatchedCategories -contains 'CancellationRisk' | Format-Table | Out-Host

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
