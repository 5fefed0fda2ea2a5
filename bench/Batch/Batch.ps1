#Requires -Version 7.4
<#
.SYNOPSIS
    Issue 8 benchmark 1: a folder of recordings through the boto3 script and through the TranscribePS one-liner, side
    by side on one emulator with AWS's default quotas and a realistic job clock.
.DESCRIPTION
    Starts the built emulator (tests/TranscribePS.Emulator, Release) with --timing realistic (jobs QUEUED 2 s, then
    IN_PROGRESS 5 s + 0.25 s per second of audio; default request-rate quotas: Start 25/s, Get 30/s, List 5/s;
    250 concurrent medical jobs), writes -Recordings WAV files (16 kHz mono, -AudioSeconds long, each different), and
    for every count and every -LatencyMs runs, in turn, on a freshly reset emulator:
      boto3        python3 bench/Batch/boto3_batch.py (10 upload threads, a start loop, a Get per pending job every
                   5 s, downloads by 10 threads)
      TranscribePS dotnet pwsh -NoProfile -c 'Import-Module …; Get-ChildItem <dir>/*.wav |
                   Start-MedicalConversationJob -OutputBucket … | Wait-TranscribeJob | Save-TranscribeOutput -Destination …'
    each as a whole process under /usr/bin/time (wall seconds, CPU seconds, peak resident set of the largest process),
    the requests the emulator received, the jobs it holds by status and the transcripts saved. The latency is the
    emulator's scripted fault rule {"operation":"*","action":"Latency"}: every counted request waits that long before
    it is handled (a throttled answer does not, as it is given before the fault rules).
.EXAMPLE
    dotnet build TranscribePS.sln -c Release
    nice -n 10 dotnet pwsh -NoProfile ./bench/Batch/Batch.ps1 -Recordings 300,1000 -LatencyMs 0,40
#>
[CmdletBinding()]
param(
    [string[]] $Recordings = @('300', '1000'),
    [string[]] $LatencyMs = @('0', '40'),
    [ValidateRange(1, 3600)] [int] $AudioSeconds = 10,
    [ValidateRange(1, 20)] [int] $Rounds = 1,
    [ValidateSet('boto3', 'TranscribePS')] [string[]] $Client = @('boto3', 'TranscribePS'),
    [string] $Module,
    [string] $WorkFolder
)

$ErrorActionPreference = 'Stop'
# Lists also as one argument ('-Recordings 300,1000' from a shell reaches a script as the string '300,1000').
$Recordings = @($Recordings -split ',' | ForEach-Object { [int]$_ })
$LatencyMs = @($LatencyMs -split ',' | ForEach-Object { [int]$_ })
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $PSScriptRoot '../BenchSupport.psm1') -Force
$Module = Resolve-BenchModule -Root $root -Module $Module
Assert-Boto3

$work = if ($WorkFolder) { New-Item -ItemType Directory -Force -Path $WorkFolder } else { New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "tps-batch-bench-$PID") }
$bucket = 'bench-visits'

function New-Recordings([int] $count) {
    # 16 kHz 16-bit mono PCM: a quiet tone, each file made different by its number in the first samples (the module
    # names uploads by content, so identical files would be one upload).
    $dir = Join-Path $work "wav-$count"
    if ((Test-Path $dir) -and @(Get-ChildItem $dir -Filter *.wav).Count -eq $count) { return $dir }
    $null = New-Item -ItemType Directory -Force -Path $dir
    $rate = 16000
    $dataBytes = $rate * 2 * $AudioSeconds
    $bytes = [byte[]]::new(44 + $dataBytes)
    $header = [IO.BinaryWriter]::new([IO.MemoryStream]::new($bytes))
    $header.Write([Text.Encoding]::ASCII.GetBytes('RIFF')); $header.Write([int](36 + $dataBytes))
    $header.Write([Text.Encoding]::ASCII.GetBytes('WAVEfmt ')); $header.Write([int]16); $header.Write([int16]1); $header.Write([int16]1)
    $header.Write([int]$rate); $header.Write([int]($rate * 2)); $header.Write([int16]2); $header.Write([int16]16)
    $header.Write([Text.Encoding]::ASCII.GetBytes('data')); $header.Write([int]$dataBytes)
    for ($i = 0; $i -lt $dataBytes / 2; $i++) {
        $sample = [int16](600 * [Math]::Sin(2 * [Math]::PI * 220 * $i / $rate))
        $bytes[44 + 2 * $i] = $sample -band 0xFF
        $bytes[45 + 2 * $i] = ($sample -shr 8) -band 0xFF
    }
    for ($n = 1; $n -le $count; $n++) {
        [BitConverter]::GetBytes([int]$n).CopyTo($bytes, 44)
        [IO.File]::WriteAllBytes((Join-Path $dir ('visit-{0:d4}.wav' -f $n)), $bytes)
    }
    $dir
}

function Get-Emulator([string] $route) { Invoke-RestMethod -Uri "$($emulator.Url)/_emulator/$route" }

$rows = [Collections.Generic.List[object]]::new()
$emulator = Start-BenchEmulator -Root $root -Bucket $bucket
try {
    Write-Host "TranscribePS batch benchmark — $((Get-Date).ToUniversalTime().ToString('u')), $([Environment]::ProcessorCount) cores, emulator $($emulator.Url)"
    Write-Host "module $Module; $AudioSeconds s recordings; realistic clock; AWS default quotas"
    foreach ($count in $Recordings) {
        $dir = New-Recordings $count
        foreach ($latency in $LatencyMs) {
            for ($round = 1; $round -le $Rounds; $round++) {
                foreach ($side in $Client) {
                    $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Url)/_emulator/reset"
                    if ($latency -gt 0) {
                        $rule = @{ operation = '*'; action = 'Latency'; latencyMilliseconds = $latency } | ConvertTo-Json -Compress
                        $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Url)/_emulator/faults" -ContentType application/json -Body $rule
                    }
                    $out = Join-Path $work "out-$side-$count-$latency-$round"
                    if (Test-Path $out) { Remove-Item -Recurse -Force $out }
                    $null = New-Item -ItemType Directory -Path $out
                    $command = if ($side -eq 'boto3') {
                        @('python3', (Join-Path $PSScriptRoot 'boto3_batch.py'), '--input', $dir, '--bucket', $bucket, '--out', $out)
                    } else {
                        $line = "Import-Module '$Module'; Get-ChildItem '$dir/*.wav' | Start-MedicalConversationJob -OutputBucket $bucket | Wait-TranscribeJob | Save-TranscribeOutput -Destination '$out' | Out-Null; if (`$Error.Count) { Write-Host ""errors: `$(`$Error.Count)"" }"
                        @('dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-c', $line)
                    }
                    $r = Invoke-Measured -Command $command -Emulator $emulator -TimeFile (Join-Path $work "$side-$count-$latency-$round.time") -WorkingDirectory $root
                    $requests = Get-Emulator requests
                    $byOp = @($requests.PSObject.Properties | Sort-Object Value -Descending | ForEach-Object { "$($_.Name) $($_.Value)" })
                    $total = ($requests.PSObject.Properties.Value | Measure-Object -Sum).Sum
                    $jobs = @(Get-Emulator transcribe/jobs | ForEach-Object { $_ })
                    $completed = @($jobs | Where-Object Status -EQ 'COMPLETED').Count
                    $saved = @(Get-ChildItem -LiteralPath $out -Recurse -File -Filter *.json).Count
                    $row = [pscustomobject]@{
                        Recordings = $count; LatencyMs = $latency; Round = $round; Client = $side
                        WallSeconds = $r.Wall; CpuSeconds = $r.Cpu; PeakMB = [Math]::Round($r.PeakMB, 1)
                        Requests = $total; Jobs = $jobs.Count; Completed = $completed; Saved = $saved; ExitCode = $r.ExitCode
                        ByOperation = $byOp -join ', '
                    }
                    $rows.Add($row)
                    Write-Host ('{0,5} rec {1,3} ms {2,-12} wall {3,7:0.0} s  cpu {4,6:0.0} s  peak {5,6:0} MB  requests {6,6}  jobs {7}/{8} completed  saved {9}  rc {10}' -f `
                            $count, $latency, $side, $r.Wall, $r.Cpu, $r.PeakMB, $total, $completed, $jobs.Count, $saved, $r.ExitCode)
                    Write-Host "      $($row.ByOperation)"
                    $tail = (($r.Stdout + $r.Stderr) -split "`n" | Where-Object { $_.Trim() } | Select-Object -Last 4)
                    foreach ($t in $tail) { Write-Host "      | $t" }
                }
            }
        }
    }
} finally {
    Stop-BenchEmulator $emulator
    if (-not $WorkFolder) { Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue }
}

Write-Host ''
Write-Host 'Medians by count, latency and client; ratio = TranscribePS / boto3 of the medians.'
# Benchmark 2's lower bound for each count: the Starts at the service's 25 a second, or the jobs' own time through the
# 250-job window, whichever is longer, plus one job's time (QUEUED 2 s, then 5 s + 0.25 s per audio second).
$jobSeconds = 2 + 5 + 0.25 * $AudioSeconds
$summary = foreach ($g in $rows | Group-Object Recordings, LatencyMs) {
    $b = @($g.Group | Where-Object Client -EQ 'boto3')
    $t = @($g.Group | Where-Object Client -EQ 'TranscribePS')
    $bw = if ($b) { Get-Median $b.WallSeconds }; $tw = if ($t) { Get-Median $t.WallSeconds }
    $br = if ($b) { Get-Median $b.Requests }; $tr = if ($t) { Get-Median $t.Requests }
    $n = [double]$g.Group[0].Recordings
    $bound = [Math]::Max([double]($n / 25), [double]($n * $jobSeconds / 250)) + $jobSeconds
    [pscustomobject]@{
        Recordings = $n; LatencyMs = $g.Group[0].LatencyMs
        Boto3Wall = $bw; Boto3Requests = $br; Boto3PeakMB = if ($b) { Get-Median $b.PeakMB }
        TpsWall = $tw; TpsRequests = $tr; TpsPeakMB = if ($t) { Get-Median $t.PeakMB }
        WallRatio = if ($bw -and $tw) { [Math]::Round($tw / $bw, 2) }
        RequestRatio = if ($br -and $tr) { [Math]::Round($tr / $br, 2) }
        LowerBound = $bound
        BoundRatio = if ($tw) { [Math]::Round($tw / $bound, 2) }
    }
}
foreach ($m in $summary) {
    Write-Host ('{0,5} rec {1,3} ms  boto3 {2,7:0.0} s {3,6} req {4,5:0} MB   TranscribePS {5,7:0.0} s {6,6} req {7,5:0} MB   wall {8:0.00}x  requests {9:0.00}x   lower bound {10:0.0} s ({11:0.00}x)' -f `
            $m.Recordings, $m.LatencyMs, $m.Boto3Wall, $m.Boto3Requests, $m.Boto3PeakMB, $m.TpsWall, $m.TpsRequests, $m.TpsPeakMB, $m.WallRatio, $m.RequestRatio, $m.LowerBound, $m.BoundRatio)
}
$resultsDir = Join-Path $root 'bench/results'
$null = New-Item -ItemType Directory -Force -Path $resultsDir
$file = Join-Path $resultsDir ("batch-{0:yyyyMMdd-HHmmss}.json" -f (Get-Date).ToUniversalTime())
@{ Rows = $rows; Summary = $summary } | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $file
Write-Host "Rows kept in $file"
