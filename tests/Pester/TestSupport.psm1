# Shared setup for the Pester suite: starts the local AWS-protocol emulator as a child process, points the AWS
# environment variables at it, and makes recordings. Imported by every *.Tests.ps1 in BeforeAll.
Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:Emulator = $null
$script:SavedEnvironment = @{}

function Get-TestModulePath {
    # build.ps1 passes the module folder it built; a plain run uses the folder dotnet build assembles.
    $folder = if ($env:TRANSCRIBEPS_MODULE) { $env:TRANSCRIBEPS_MODULE } else { Join-Path $script:RepoRoot 'out/TranscribePS' }
    Join-Path $folder 'TranscribePS.psd1'
}

function Start-TestEmulator {
    [CmdletBinding()]
    param([ValidateSet('Instant', 'Realistic')][string] $Timing = 'Instant')

    $project = Join-Path $script:RepoRoot 'tests/TranscribePS.Emulator'
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in 'run', '--project', $project, '--no-build', '-c', ($env:TRANSCRIBEPS_CONFIGURATION ?? 'Release'), '--', '--port', '0', '--timing', $Timing.ToLowerInvariant()) {
        $psi.ArgumentList.Add($a)
    }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)

    $settings = @{}
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ($settings.Count -lt 4 -and [DateTime]::UtcNow -lt $deadline) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { break }
        if ($line -match '^(AWS_[A-Z_]+)=(.*)$') { $settings[$Matches[1]] = $Matches[2] }
    }
    if ($settings.Count -lt 4) {
        $err = $process.StandardError.ReadToEnd()
        $process.Kill($true)
        throw "The emulator did not start: $err"
    }

    foreach ($name in @($settings.Keys) + 'AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL_TRANSCRIBE') {
        $script:SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
    }
    foreach ($name in 'AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL_TRANSCRIBE') {
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    foreach ($kv in $settings.GetEnumerator()) { [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value) }

    $script:Emulator = [pscustomobject]@{ Process = $process; Endpoint = $settings['AWS_ENDPOINT_URL'] }
    $script:Emulator
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
    $counts = Invoke-RestMethod -Uri "$($script:Emulator.Endpoint)/_emulator/requests"
    $table = @{}
    foreach ($p in $counts.PSObject.Properties) { $table[$p.Name] = [int]$p.Value }
    $table
}

function Reset-Emulator {
    Invoke-RestMethod -Method Post -Uri "$($script:Emulator.Endpoint)/_emulator/reset" | Out-Null
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

Export-ModuleMember -Function Get-TestModulePath, Start-TestEmulator, Stop-TestEmulator, Get-EmulatorRequestCount, Reset-Emulator, New-TestWav
