#Requires -Version 7.4
<#
.SYNOPSIS
    Issue 8 benchmark 5: call analytics items and insight in real pwsh against Python's json.load, side by side.
.DESCRIPTION
    Writes a generated call analytics output of -Hours (TranscribePS.Bench --write-call-analytics; 4 hours =
    39,646 items, 5 MB), then per round, in turn: a fresh python3 running call_analytics.py (json.load + a dict per
    item; json.load + the call-level figures), and a fresh pwsh that imports the module, reads the file once each way
    to warm up, then times
        items   : $items = Get-TranscriptItem -LiteralPath $file
        insight : $insight = Get-CallAnalyticsInsight -LiteralPath $file
    Wall and CPU seconds of each (CPU: the process's own time over the call, so other load on the machine counts less);
    prints every round, the medians and the ratios TranscribePS / Python. With -Baseline, that build's pwsh runs in
    each round too, so a change is measured before and after side by side.
.EXAMPLE
    dotnet build TranscribePS.sln -c Release
    dotnet pwsh -NoProfile ./bench/CallAnalytics/CallAnalytics.ps1 -Hours 4 -Rounds 7
    dotnet pwsh -NoProfile ./bench/CallAnalytics/CallAnalytics.ps1 -Rounds 7 -Baseline /tmp/before/TranscribePS/TranscribePS.psd1
#>
[CmdletBinding()]
param(
    [double] $Hours = 4,
    [ValidateRange(1, 50)] [int] $Rounds = 5,
    [string] $Module,
    # Another build's manifest (e.g. main before a change) to time in the same rounds.
    [string] $Baseline
)

$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not $Module) { $Module = Join-Path $root 'out/TranscribePS/TranscribePS.psd1' }
$bench = Join-Path $root 'bench/TranscribePS.Bench/bin/Release/net10.0/TranscribePS.Bench.dll'
foreach ($needed in $bench, $Module) {
    if (-not (Test-Path -LiteralPath $needed)) { throw "Missing $needed. Build first: dotnet build TranscribePS.sln -c Release" }
}

$file = Join-Path ([IO.Path]::GetTempPath()) "tps-call-$PID-$($Hours)h.json"
& dotnet $bench --write-call-analytics $file --hours $Hours
if ($LASTEXITCODE -ne 0) { throw 'Writing the call analytics file failed.' }
$pwshSide = @'
param($Module, $File)
Import-Module $Module
$null = Get-TranscriptItem -LiteralPath $File
$null = Get-CallAnalyticsInsight -LiteralPath $File
$self = [Diagnostics.Process]::GetCurrentProcess()
function Measure-It([scriptblock] $block) {
    [GC]::Collect()
    $self.Refresh(); $cpu = $self.TotalProcessorTime
    $wall = [Diagnostics.Stopwatch]::StartNew()
    $n = & $block
    $wall.Stop(); $self.Refresh()
    @{ count = $n; wall = $wall.Elapsed.TotalSeconds; cpu = ($self.TotalProcessorTime - $cpu).TotalSeconds }
}
$items = Measure-It { $items = Get-TranscriptItem -LiteralPath $File; $items.Count }
$insight = Measure-It { $insight = Get-CallAnalyticsInsight -LiteralPath $File; $insight.Issues.Count }
@{ items = @($items); insight = @($insight) } | ConvertTo-Json -Compress -Depth 3
'@
$script = Join-Path ([IO.Path]::GetTempPath()) "tps-call-$PID.ps1"
Set-Content -LiteralPath $script -Value $pwshSide

$rows = [Collections.Generic.List[object]]::new()
try {
    Write-Host "Call analytics parse — $((Get-Date).ToUniversalTime().ToString('u')), $([Environment]::ProcessorCount) cores; $([Math]::Round((Get-Item $file).Length / 1MB, 1)) MB, $Hours h"
    for ($round = 1; $round -le $Rounds; $round++) {
        $py = & python3 (Join-Path $PSScriptRoot 'call_analytics.py') $file 1 | ConvertFrom-Json
        $ps = & dotnet pwsh -NoProfile -NonInteractive -File $script -Module $Module -File $file | Select-Object -Last 1 | ConvertFrom-Json
        $base = if ($Baseline) { & dotnet pwsh -NoProfile -NonInteractive -File $script -Module $Baseline -File $file | Select-Object -Last 1 | ConvertFrom-Json }
        foreach ($what in 'items', 'insight') {
            $p = $py.$what[0]; $t = $ps.$what[0]; $b = if ($base) { $base.$what[0] }
            $rows.Add([pscustomobject]@{ Round = $round; What = $what; Count = $t.count; PythonCount = $p.count; PyWall = $p.wall; PyCpu = $p.cpu; TpsWall = $t.wall; TpsCpu = $t.cpu; BaseWall = $b.wall; BaseCpu = $b.cpu })
            $baseText = if ($b) { '   baseline {0,6:0.000} s wall {1,6:0.000} s cpu' -f $b.wall, $b.cpu }
            Write-Host ('round {0} {1,-8} Python {2,6:0.000} s wall {3,6:0.000} s cpu   TranscribePS {4,6:0.000} s wall {5,6:0.000} s cpu{8}   ({6} / {7})' -f $round, $what, $p.wall, $p.cpu, $t.wall, $t.cpu, $t.count, $p.count, $baseText)
        }
    }
} finally {
    Remove-Item -LiteralPath $file, $script -ErrorAction SilentlyContinue
}

function Get-Median($values) { $s = @($values | Sort-Object); if ($s.Count % 2) { $s[[int][Math]::Floor($s.Count / 2)] } else { ($s[$s.Count / 2 - 1] + $s[$s.Count / 2]) / 2 } }
Write-Host ''
foreach ($what in 'items', 'insight') {
    $r = @($rows | Where-Object What -EQ $what)
    $pw = Get-Median $r.PyWall; $pc = Get-Median $r.PyCpu; $tw = Get-Median $r.TpsWall; $tc = Get-Median $r.TpsCpu
    $ratioWall = Get-Median @($r | ForEach-Object { $_.TpsWall / $_.PyWall })
    $ratioCpu = Get-Median @($r | ForEach-Object { $_.TpsCpu / $_.PyCpu })
    if ($Baseline) {
        $bw = Get-Median $r.BaseWall; $bc = Get-Median $r.BaseCpu
        $baseRatio = Get-Median @($r | ForEach-Object { $_.BaseWall / $_.PyWall })
        Write-Host ('median {0,-8} baseline {1:0.000} s wall {2:0.000} s cpu   baseline/Python per round: wall {3:0.00}x' -f $what, $bw, $bc, $baseRatio)
    }
    Write-Host ('median {0,-8} Python {1:0.000} s wall {2:0.000} s cpu   TranscribePS {3:0.000} s wall {4:0.000} s cpu   TranscribePS/Python per round: wall {5:0.00}x cpu {6:0.00}x' -f $what, $pw, $pc, $tw, $tc, $ratioWall, $ratioCpu)
}
