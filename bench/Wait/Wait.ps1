#Requires -Version 7.4
<#
.SYNOPSIS
    Issue 8 benchmark 3: waiting on 500 running jobs — requests, throttles and how late each finish is seen — for
    the boto3 Get-per-job loop and for Wait-TranscribeJob, side by side on one emulator.
.DESCRIPTION
    Starts the built emulator (realistic clock: QUEUED 2 s, then 5 s + -ProcessingFactor s per audio second; AWS's
    default request rates). For each side, on a freshly reset emulator: `wait_loop.py start` uploads 10 recordings of
    10 to 100 s and starts -Jobs medical jobs over them (20 a second), so they finish over about two minutes; the
    request counts are emptied; then the waiter runs as a whole process under /usr/bin/time:
      boto3        python3 bench/Wait/wait_loop.py wait (a Get per pending job every 5 s, botocore standard retries)
      TranscribePS Wait-TranscribeJob -Name 'wait-bench-*' -PollInterval <-PollInterval, 10 s by default>
    Both note, for each job, how late the finish was seen: the moment the waiter has it minus the job's
    CompletionTime, or minus the waiter's own start for a job that finished before it (the jobs start over about 25 s
    before the waiter does, so the shortest are already done). Printed per side: wall, CPU, peak memory, requests by operation, requests a minute, requests the
    service's rate quotas refused (GET /_emulator/throttles), and the detection delay's median, 95th percentile and
    maximum.
.EXAMPLE
    dotnet build TranscribePS.sln -c Release
    nice -n 10 dotnet pwsh -NoProfile ./bench/Wait/Wait.ps1 -Jobs 500
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 5000)] [int] $Jobs = 500,
    [ValidateRange(0, 10)] [double] $ProcessingFactor = 1,
    # Wait-TranscribeJob's -PollInterval in seconds; the script polls every 5 s.
    [ValidateRange(1, 600)] [double] $PollInterval = 10,
    [ValidateSet('boto3', 'TranscribePS')] [string[]] $Client = @('boto3', 'TranscribePS'),
    [string] $Module
)

$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $PSScriptRoot '../BenchSupport.psm1') -Force
$Module = Resolve-BenchModule -Root $root -Module $Module
Assert-Boto3

$bucket = 'bench-visits'
$script = Join-Path $PSScriptRoot 'wait_loop.py'
$work = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "tps-wait-bench-$PID")
$emulator = Start-BenchEmulator -Root $root -Bucket $bucket
function Invoke-Emulator([string] $Method, [string] $Route, [string] $Body) {
    $call = @{ Method = $Method; Uri = "$($emulator.Url)/_emulator/$Route" }
    if ($Body) { $call.ContentType = 'application/json'; $call.Body = $Body }
    Invoke-RestMethod @call
}

$rows = [Collections.Generic.List[object]]::new()
try {
    Write-Host "Wait benchmark — $((Get-Date).ToUniversalTime().ToString('u')), $([Environment]::ProcessorCount) cores, emulator $($emulator.Url), $Jobs jobs"
    foreach ($side in $Client) {
        $null = Invoke-Emulator Post reset
        $null = Invoke-Emulator Post transcribe/timing ('{{"Mode":"Realistic","QueueDelaySeconds":2,"BaseProcessingSeconds":5,"ProcessingFactor":{0}}}' -f $ProcessingFactor)
        $started = Invoke-Measured -Command @('python3', $script, 'start', '--jobs', $Jobs, '--bucket', $bucket) -Emulator $emulator -TimeFile (Join-Path $work "start-$side.time") -WorkingDirectory $root
        if ($started.ExitCode) { throw "Starting the jobs failed: $($started.Stderr)" }
        $null = Invoke-Emulator Delete requests
        $command = if ($side -eq 'boto3') {
            @('python3', $script, 'wait', '--jobs', $Jobs)
        } else {
            $line = "`$t0 = [DateTimeOffset]::UtcNow; Import-Module '$Module'; `$d = @(Wait-TranscribeJob -Name 'wait-bench-*' -PollInterval $PollInterval | ForEach-Object { `$done = [DateTimeOffset]::new([Math]::Max(`$_.CompletionTime.UtcTicks, `$t0.UtcTicks), [TimeSpan]::Zero); ([DateTimeOffset]::UtcNow - `$done).TotalSeconds }); @{ finished = `$d.Count; delays = `$d; errors = `$Error.Count } | ConvertTo-Json -Compress"
            @('dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-c', $line)
        }
        $r = Invoke-Measured -Command $command -Emulator $emulator -TimeFile (Join-Path $work "wait-$side.time") -WorkingDirectory $root
        $result = ($r.Stdout -split "`n" | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1) | ConvertFrom-Json
        $requests = Invoke-Emulator Get requests
        $throttles = Invoke-Emulator Get throttles
        $total = [int]($requests.PSObject.Properties.Value | Measure-Object -Sum).Sum
        $refused = [int]($throttles.PSObject.Properties.Value | Measure-Object -Sum).Sum
        $delays = [double[]]@($result.delays)
        $row = [pscustomobject]@{
            Client = $side; Jobs = $Jobs; Finished = $result.finished; WallSeconds = $r.Wall; CpuSeconds = $r.Cpu
            PeakMB = [Math]::Round($r.PeakMB, 1); Requests = $total; RequestsPerMinute = [Math]::Round($total / $r.Wall * 60)
            Throttled = $refused; DelayMedian = Get-Median $delays; DelayP95 = Get-Percentile $delays 95
            DelayMax = ($delays | Measure-Object -Maximum).Maximum
            ByOperation = @($requests.PSObject.Properties | ForEach-Object { "$($_.Name) $($_.Value)" }) -join ', '
        }
        $rows.Add($row)
        Write-Host ('{0,-12} {1}/{2} seen  wall {3,6:0.0} s  cpu {4,5:0.0} s  peak {5,4:0} MB  requests {6,5} ({7} a minute)  throttled {8}  seen late: median {9:0.0} s, p95 {10:0.0} s, max {11:0.0} s' -f `
                $side, $row.Finished, $Jobs, $r.Wall, $r.Cpu, $r.PeakMB, $total, $row.RequestsPerMinute, $refused, $row.DelayMedian, $row.DelayP95, $row.DelayMax)
        Write-Host "             $($row.ByOperation)"
        if ($r.ExitCode -or -not $result) { Write-Host "             exit $($r.ExitCode): $(($r.Stderr -split "`n" | Select-Object -Last 3) -join ' | ')" }
    }
} finally {
    Stop-BenchEmulator $emulator
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}
$resultsDir = Join-Path $root 'bench/results'
$null = New-Item -ItemType Directory -Force -Path $resultsDir
$file = Join-Path $resultsDir ("wait-{0:yyyyMMdd-HHmmss}.json" -f (Get-Date).ToUniversalTime())
$rows | ConvertTo-Json -Depth 3 | Set-Content -LiteralPath $file
Write-Host "Rows kept in $file"
