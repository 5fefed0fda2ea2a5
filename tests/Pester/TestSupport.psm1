# Shared setup for the Pester suite: starts the local AWS-protocol emulator as a child process, points the AWS
# environment variables at it, and makes recordings. Imported by every *.Tests.ps1 in BeforeAll.
Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:Emulator = $null
$script:SavedEnvironment = @{}
# The buckets every test emulator holds from the start (and again after Reset-Emulator), as an account's existing
# buckets: S3 (and so the emulator) answers NoSuchBucket for any other name. A test of a missing bucket uses a name
# not listed here.
$script:TestBuckets = @(
    'b-calls', 'b-media', 'b-uploads', 'call-transcripts', 'cc-analytics', 'clinic-batch', 'clinic-phi', 'clinic-transcripts',
    'media-transcripts'
)

function Get-TestModulePath {
    # build.ps1 passes the module folder it built; a plain run uses the folder dotnet build assembles.
    $folder = if ($env:TRANSCRIBEPS_MODULE) { $env:TRANSCRIBEPS_MODULE } else { Join-Path $script:RepoRoot 'out/TranscribePS' }
    Join-Path $folder 'TranscribePS.psd1'
}

function Get-OtherAwsSdkCorePath {
    # The AWSSDK.Core that AWS.Tools for PowerShell 4.x loads (net8.0 build), restored from NuGet by
    # tests/Pester/Pester.csproj, which pins its version.
    $project = Join-Path $script:RepoRoot 'tests/Pester/Pester.csproj'
    & dotnet restore $project --verbosity quiet | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "dotnet restore $project failed." }
    $properties = (& dotnet msbuild $project -getProperty:NuGetPackageRoot -getProperty:OtherAwsSdkCoreVersion | ConvertFrom-Json).Properties
    $dll = Join-Path $properties.NuGetPackageRoot "awssdk.core/$($properties.OtherAwsSdkCoreVersion)/lib/net8.0/AWSSDK.Core.dll"
    if (-not (Test-Path -LiteralPath $dll)) { throw "AWSSDK.Core $($properties.OtherAwsSdkCoreVersion) was restored but $dll is missing." }
    $dll
}

function Start-EmulatorProcess {
    # Starts the emulator dotnet built (Release from build.ps1 / .ci, Debug from a plain `dotnet build`), newest
    # first, and returns its process and the AWS_* settings it printed.
    param([string] $Timing, [string] $Region)
    $dll = Get-ChildItem (Join-Path $script:RepoRoot 'tests/TranscribePS.Emulator/bin/*/net10.0/TranscribePS.Emulator.dll') -ErrorAction SilentlyContinue |
        Where-Object { -not $env:TRANSCRIBEPS_CONFIGURATION -or $_.FullName -match "[\\/]$($env:TRANSCRIBEPS_CONFIGURATION)[\\/]" } |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if (-not $dll) { throw "The emulator is not built: run 'dotnet build TranscribePS.sln' (or ./build.ps1) first." }

    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in $dll.FullName, '--port', '0', '--timing', $Timing.ToLowerInvariant(), '--region', $Region) { $psi.ArgumentList.Add($a) }
    foreach ($bucket in $script:TestBuckets) { $psi.ArgumentList.Add('--bucket'); $psi.ArgumentList.Add($bucket) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $stderr = $process.StandardError.ReadToEndAsync()

    $settings = @{}
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ($settings.Count -lt 4) {
        $remaining = $deadline - [DateTime]::UtcNow
        $read = $process.StandardOutput.ReadLineAsync()
        if ($remaining -le [TimeSpan]::Zero -or -not $read.Wait($remaining) -or $null -eq $read.Result) { break }
        if ($read.Result -match '^(AWS_[A-Z_]+)=(.*)$') { $settings[$Matches[1]] = $Matches[2] }
    }
    if ($settings.Count -lt 4) {
        if (-not $process.HasExited) { $process.Kill($true) }
        throw "The emulator did not start: $($stderr.Result)"
    }

    [pscustomobject]@{ Process = $process; Settings = $settings }
}

function Start-TestEmulator {
    [CmdletBinding()]
    param([ValidateSet('Instant', 'Realistic')][string] $Timing = 'Instant')

    $started = Start-EmulatorProcess -Timing $Timing -Region 'us-east-1'
    $settings = $started.Settings
    foreach ($name in @($settings.Keys) + 'AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL_TRANSCRIBE') {
        $script:SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
    }
    foreach ($name in 'AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL_TRANSCRIBE') {
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    foreach ($kv in $settings.GetEnumerator()) { [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value) }

    $script:Emulator = [pscustomobject]@{ Process = $started.Process; Endpoint = $settings['AWS_ENDPOINT_URL'] }
    $script:Emulator
}

function Start-OtherEmulator {
    # A second emulator, in another region, that the environment does not point at: a place jobs can live
    # elsewhere. Same well-known key pair as the first. Stop it with Stop-OtherEmulator.
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Region)
    $started = Start-EmulatorProcess -Timing 'Instant' -Region $Region
    [pscustomobject]@{ Process = $started.Process; Endpoint = $started.Settings['AWS_ENDPOINT_URL']; Region = $Region }
}

function Stop-OtherEmulator {
    param([Parameter(Mandatory)] $Emulator)
    if (-not $Emulator.Process.HasExited) { $Emulator.Process.Kill($true) }
    $Emulator.Process.Dispose()
}

function Stop-TestEmulator {
    if ($script:Emulator) {
        if (-not $script:Emulator.Process.HasExited) { $script:Emulator.Process.Kill($true) }
        $script:Emulator.Process.Dispose()
        $script:Emulator = $null
    }
    foreach ($kv in $script:SavedEnvironment.GetEnumerator()) { [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value) }
    $script:SavedEnvironment = @{}
}

function Get-EmulatorRequestCount {
    # Per-operation request counts from the emulator's admin endpoint, as a hashtable (operation -> count).
    param([string] $Endpoint = $script:Emulator.Endpoint)
    $counts = Invoke-RestMethod -Uri "$Endpoint/_emulator/requests"
    $table = @{}
    foreach ($p in $counts.PSObject.Properties) { $table[$p.Name] = [int]$p.Value }
    $table
}

function Invoke-WithTranscript {
    # What-if and confirm texts go to the host, not to a stream: a transcript catches them as the user sees them.
    param([Parameter(Mandatory)][scriptblock] $Script)
    $log = Join-Path ([IO.Path]::GetTempPath()) "tps-host-$([guid]::NewGuid().ToString('N')).txt"
    Start-Transcript -LiteralPath $log | Out-Null
    try { & $Script | Out-Null } finally { Stop-Transcript | Out-Null }
    try { Get-Content -LiteralPath $log -Raw } finally { Remove-Item -LiteralPath $log }
}

function Get-EmulatorObject {
    # Every object the emulator's S3 holds, as s3://bucket/key strings.
    (Invoke-RestMethod -Uri "$($script:Emulator.Endpoint)/_emulator/objects") | ForEach-Object { $_ }
}

function Add-EmulatorObject {
    # Puts a file in the emulator's S3 as another tool would: no TranscribePS metadata.
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Bucket, [Parameter(Mandatory)][string] $Key, [Parameter(Mandatory)][string] $LiteralPath)
    Invoke-RestMethod -Method Put -Uri "$($script:Emulator.Endpoint)/_emulator/objects/$Bucket/$Key" -InFile $LiteralPath | Out-Null
    "s3://$Bucket/$Key"
}

function Reset-Emulator {
    # Everything back to empty; with -KeepState only the request counts (jobs, objects and categories stay).
    [CmdletBinding()]
    param([switch] $KeepState)
    if ($KeepState) {
        Invoke-RestMethod -Method Delete -Uri "$($script:Emulator.Endpoint)/_emulator/requests" | Out-Null
    }
    else {
        Invoke-RestMethod -Method Post -Uri "$($script:Emulator.Endpoint)/_emulator/reset" | Out-Null
    }
}

function Set-EmulatorTiming {
    # Realistic with a long processing time holds jobs IN_PROGRESS, so a test can script their content first;
    # Instant finishes every running job at the next read.
    [CmdletBinding()]
    param([ValidateSet('Instant', 'Realistic')][string] $Mode, [double] $ProcessingSeconds = 3600)
    $body = if ($Mode -eq 'Realistic') { @{ Mode = 'Realistic'; QueueDelaySeconds = 0; BaseProcessingSeconds = $ProcessingSeconds } } else { @{ Mode = 'Instant' } }
    Invoke-RestMethod -Method Post -Uri "$($script:Emulator.Endpoint)/_emulator/transcribe/timing" -ContentType 'application/json' -Body ($body | ConvertTo-Json) | Out-Null
}

function Set-EmulatorScript {
    # Dictates what a job "hears": turns of @{ Speaker = 'AGENT'|'CUSTOMER'|'CLINICIAN'|'PATIENT'; Text; Sentiment }.
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $JobName, [Parameter(Mandatory)][object[]] $Turns)
    $body = @{ Turns = $Turns } | ConvertTo-Json -Depth 5
    Invoke-RestMethod -Method Put -Uri "$($script:Emulator.Endpoint)/_emulator/transcribe/scripts/jobs/$JobName" -ContentType 'application/json' -Body $body | Out-Null
}

function New-TestWav {
    # Writes a silent PCM WAV: enough for the service (and the emulator) to read duration, channels and rate.
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $Path,
        [double] $Seconds = 2,
        [int] $SampleRate = 16000,
        [int] $Channels = 1
    )
    $blockAlign = $Channels * 2
    $dataSize = [int]([Math]::Round($Seconds * $SampleRate) * $blockAlign)
    $stream = [System.IO.File]::Create($Path)
    try {
        $w = [System.IO.BinaryWriter]::new($stream)
        $w.Write([Text.Encoding]::ASCII.GetBytes('RIFF')); $w.Write([int](36 + $dataSize)); $w.Write([Text.Encoding]::ASCII.GetBytes('WAVE'))
        $w.Write([Text.Encoding]::ASCII.GetBytes('fmt ')); $w.Write([int]16); $w.Write([int16]1); $w.Write([int16]$Channels)
        $w.Write([int]$SampleRate); $w.Write([int]($SampleRate * $blockAlign)); $w.Write([int16]$blockAlign); $w.Write([int16]16)
        $w.Write([Text.Encoding]::ASCII.GetBytes('data')); $w.Write([int]$dataSize)
        $w.Write([byte[]]::new($dataSize))
        $w.Flush()
    }
    finally { $stream.Dispose() }
    Get-Item -LiteralPath $Path
}

Export-ModuleMember -Function Get-TestModulePath, Get-OtherAwsSdkCorePath, Start-TestEmulator, Stop-TestEmulator, Start-OtherEmulator, Stop-OtherEmulator, Get-EmulatorRequestCount, Get-EmulatorObject, Add-EmulatorObject, Invoke-WithTranscript, Reset-Emulator, Set-EmulatorTiming, Set-EmulatorScript, New-TestWav
