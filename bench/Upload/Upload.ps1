#Requires -Version 7.4
<#
.SYNOPSIS
    Issue 8 benchmark 4: uploading one large recording through Start-MedicalConversationJob against one raw PUT of the
    same bytes, side by side on one emulator.
.DESCRIPTION
    Starts the built emulator (Release), writes one WAV of -SizeMB (48 kHz stereo 16-bit, so 1 GB is about 1.6 hours,
    inside the medical limits; the samples are a repeated block of pseudo-random bytes, so nothing is sparse) and per
    round, on a freshly reset emulator, in turn (with the CPU seconds each side cost the client and the emulator):
      raw          curl -T <file> <pre-signed PUT URL> (botocore signs the URL; one PUT, UNSIGNED-PAYLOAD, nothing
                   hashed by the client): the rate the emulator and this machine allow for the bytes alone
      TranscribePS a fresh dotnet pwsh that imports the module, starts one small warm-up job, then times
                   Start-MedicalConversationJob -Path <file> -OutputBucket … with Measure-Command: the planner's content
                   hash, the listing of the upload folder, the multipart upload (8 MiB parts, SigV4-signed) and the Start
    Each round gets a different file (its first samples carry the round number), as the module names uploads by
    content and would otherwise skip the second round's upload. Prints both rates per round, the medians and the
    ratio TranscribePS / raw (target: at least 70 %).
.EXAMPLE
    dotnet build TranscribePS.sln -c Release
    nice -n 10 dotnet pwsh -NoProfile ./bench/Upload/Upload.ps1 -SizeMB 1024 -Rounds 3
#>
[CmdletBinding()]
param(
    [ValidateRange(16, 2000)] [int] $SizeMB = 1024,
    [ValidateRange(1, 20)] [int] $Rounds = 3,
    [string] $Module
)

$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $PSScriptRoot '../BenchSupport.psm1') -Force
$Module = Resolve-BenchModule -Root $root -Module $Module
if (-not (Get-Command curl -CommandType Application -ErrorAction SilentlyContinue)) { throw 'curl is needed for the raw PUT.' }
Assert-Boto3   # botocore signs the raw PUT

$bucket = 'bench-upload'
$work = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "tps-upload-bench-$PID")
$emulator = Start-BenchEmulator -Root $root -Bucket $bucket

function New-LargeWav([string] $path, [int] $round) {
    $dataBytes = [long]$SizeMB * 1MB - 44
    $stream = [IO.File]::Create($path)
    try {
        $w = [IO.BinaryWriter]::new($stream)
        $w.Write([Text.Encoding]::ASCII.GetBytes('RIFF')); $w.Write([uint32](36 + $dataBytes))
        $w.Write([Text.Encoding]::ASCII.GetBytes('WAVEfmt ')); $w.Write([int]16); $w.Write([int16]1); $w.Write([int16]2)
        $w.Write([int]48000); $w.Write([int](48000 * 4)); $w.Write([int16]4); $w.Write([int16]16)
        $w.Write([Text.Encoding]::ASCII.GetBytes('data')); $w.Write([uint32]$dataBytes)
        $block = [byte[]]::new(1MB)
        [Random]::new(8).NextBytes($block)
        [BitConverter]::GetBytes($round).CopyTo($block, 0)
        for ($left = $dataBytes; $left -gt 0; $left -= $block.Length) { $w.Write($block, 0, [int][Math]::Min($left, $block.Length)) }
        $w.Flush()
    }
    finally { $stream.Dispose() }
}

function Get-EmulatorCpu {
    $emulator.Process.Refresh()
    $emulator.Process.TotalProcessorTime.TotalSeconds
}

function Get-PresignedPut([string] $key) {
    $env:AWS_DEFAULT_REGION = $emulator.Settings.AWS_REGION
    foreach ($k in $emulator.Settings.Keys) { Set-Item "env:$k" $emulator.Settings[$k] }
    $script = "import boto3,sys; print(boto3.client('s3', endpoint_url='$($emulator.Url)').generate_presigned_url('put_object', Params={'Bucket': '$bucket', 'Key': sys.argv[1]}, ExpiresIn=3600))"
    $url = & python3 -c $script $key
    if ($LASTEXITCODE -ne 0) { throw 'Signing the raw PUT failed.' }
    $url
}

try {
    $warmup = Join-Path $work 'warmup.wav'
    $bytes = [byte[]]::new(44 + 32000)
    $h = [IO.BinaryWriter]::new([IO.MemoryStream]::new($bytes))
    $h.Write([Text.Encoding]::ASCII.GetBytes('RIFF')); $h.Write([int](36 + 32000)); $h.Write([Text.Encoding]::ASCII.GetBytes('WAVEfmt '))
    $h.Write([int]16); $h.Write([int16]1); $h.Write([int16]1); $h.Write([int]16000); $h.Write([int]32000); $h.Write([int16]2); $h.Write([int16]16)
    $h.Write([Text.Encoding]::ASCII.GetBytes('data')); $h.Write([int]32000)
    [IO.File]::WriteAllBytes($warmup, $bytes)

    Write-Host "Upload of $SizeMB MB — $((Get-Date).ToUniversalTime().ToString('u')), $([Environment]::ProcessorCount) cores, load $((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 3)"
    $rows = foreach ($round in 1..$Rounds) {
        $file = Join-Path $work "visit-$round.wav"
        New-LargeWav $file $round
        $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Url)/_emulator/reset"
        $url = Get-PresignedPut "raw/visit-$round.wav"
        $emulatorCpu0 = Get-EmulatorCpu
        $rawSeconds = [double](& curl -s -o /dev/null -w '%{time_total}' -X PUT -T $file $url)
        if ($LASTEXITCODE -ne 0) { throw "curl failed ($LASTEXITCODE)" }
        $rawEmulatorCpu = (Get-EmulatorCpu) - $emulatorCpu0

        $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Url)/_emulator/reset"
        $line = "Import-Module '$Module'; `$null = Start-MedicalConversationJob -Path '$warmup' -OutputBucket $bucket; " +
            "`$t = Measure-Command { `$job = Start-MedicalConversationJob -Path '$file' -OutputBucket $bucket }; " +
            "if (-not `$job -or `$Error.Count) { throw `"no job: `$(`$Error[0])`" }; `$t.TotalSeconds"
        $emulatorCpu0 = Get-EmulatorCpu
        $run = Invoke-Measured -Command @('dotnet', 'pwsh', '-NoProfile', '-c', $line) -Emulator $emulator -TimeFile (Join-Path $work 'time.txt') -WorkingDirectory $root
        if ($run.ExitCode -ne 0) { throw "TranscribePS failed: $($run.Stderr)" }
        $oursEmulatorCpu = (Get-EmulatorCpu) - $emulatorCpu0
        $oursSeconds = [double](($run.Stdout -split "`n" | Where-Object { $_ -match '^\d' } | Select-Object -Last 1))
        $requests = Invoke-RestMethod -Uri "$($emulator.Url)/_emulator/requests"
        Remove-Item -LiteralPath $file
        $row = [pscustomobject]@{
            Round = $round
            RawSeconds = [Math]::Round($rawSeconds, 2)
            RawMBps = [Math]::Round($SizeMB / $rawSeconds, 1)
            OursSeconds = [Math]::Round($oursSeconds, 2)
            OursMBps = [Math]::Round($SizeMB / $oursSeconds, 1)
            OursOverRaw = [Math]::Round($rawSeconds / $oursSeconds, 3)
            RawEmulatorCpu = [Math]::Round($rawEmulatorCpu, 2)
            OursCpu = [Math]::Round($run.Cpu, 2)
            OursEmulatorCpu = [Math]::Round($oursEmulatorCpu, 2)
            UploadParts = $requests.UploadPart
            PeakMB = [Math]::Round($run.PeakMB)
        }
        $row | Format-Table -AutoSize | Out-String | Write-Host
        $row
    }
    $rawMedian = Get-Median $rows.RawSeconds
    $oursMedian = Get-Median $rows.OursSeconds
    Write-Host ("Medians: raw PUT {0:n2} s ({1:n1} MB/s), TranscribePS {2:n2} s ({3:n1} MB/s): {4:p0} of the raw rate (target: at least 70 %); per-round ratios {5}" -f
        $rawMedian, ($SizeMB / $rawMedian), $oursMedian, ($SizeMB / $oursMedian), ($rawMedian / $oursMedian), (($rows.OursOverRaw | ForEach-Object { '{0:p0}' -f $_ }) -join ', '))
    $results = New-Item -ItemType Directory -Force -Path (Join-Path $root 'bench/results')
    $rows | ConvertTo-Json | Set-Content (Join-Path $results ("upload-{0:yyyyMMdd-HHmmss}.json" -f (Get-Date)))
}
finally {
    Stop-BenchEmulator $emulator
    Remove-Item -Recurse -Force -LiteralPath $work -ErrorAction SilentlyContinue
}
