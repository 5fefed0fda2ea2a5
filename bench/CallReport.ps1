#Requires -Version 7.4
<#
.SYNOPSIS
    Export-CallAnalyticsReport over a batch of generated calls: time and peak memory as the batch grows (issue 11).
.DESCRIPTION
    Writes one call analytics output of -Hours (TranscribePS.Bench --write-call-analytics) and copies it into a folder
    per batch size in -Calls, then per batch runs a fresh pwsh that imports the module and times
        Get-ChildItem <folder>/*.json | Export-CallAnalyticsReport -Path <report>.html
    reading the process's peak working set afterwards. With -Baseline, that build runs the same batches in the same
    run, so before and after are side by side. Flat means the peak stays the same from the smallest batch to the
    largest; the runtime and module take the first ~100 MB.
.EXAMPLE
    dotnet build TranscribePS.sln -c Release
    nice -n 10 dotnet pwsh -NoProfile ./bench/CallReport.ps1 -Hours 1 -Calls 10, 100 -Baseline /tmp/before/out/TranscribePS/TranscribePS.psd1
#>
param(
    [double] $Hours = 1,
    [int[]] $Calls = @(10, 100),
    [string] $Module = (Join-Path $PSScriptRoot '../out/TranscribePS/TranscribePS.psd1'),
    # Another build's manifest (e.g. main before a change) to time in the same run.
    [string] $Baseline
)
$ErrorActionPreference = 'Stop'
$pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
$bench = Join-Path $PSScriptRoot 'TranscribePS.Bench/bin/Release/net10.0/TranscribePS.Bench.dll'
if (-not (Test-Path -LiteralPath $bench)) { throw "Missing $bench. Build first: dotnet build TranscribePS.sln -c Release" }
$work = Join-Path ([IO.Path]::GetTempPath()) "tps-report-bench-$([guid]::NewGuid().ToString('N'))"
New-Item -ItemType Directory -Path $work | Out-Null
try {
    $call = Join-Path $work 'call.json'
    & dotnet $bench --write-call-analytics $call --hours $Hours
    if ($LASTEXITCODE -ne 0) { throw "TranscribePS.Bench failed ($LASTEXITCODE)" }
    $builds = [ordered]@{ after = $Module }
    if ($Baseline) { $builds['before'] = $Baseline }
    Write-Host "Export-CallAnalyticsReport — $((Get-Date).ToUniversalTime().ToString('u')), $([Environment]::ProcessorCount) cores, $([Math]::Round((Get-Item $call).Length / 1MB, 1)) MB a call ($Hours h); load $((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 3)"
    $rows = foreach ($n in $Calls) {
        $folder = Join-Path $work "calls-$n"
        New-Item -ItemType Directory -Path $folder | Out-Null
        1..$n | ForEach-Object { Copy-Item -LiteralPath $call -Destination (Join-Path $folder ('call-{0:d4}.json' -f $_)) }
        foreach ($build in $builds.GetEnumerator()) {
            $out = Join-Path $work "report-$n-$($build.Key).html"
            $script = "Import-Module '$($build.Value)'; `$s = (Measure-Command { Get-ChildItem -LiteralPath '$folder' -Filter *.json | Export-CallAnalyticsReport -Path '$out' | Out-Null }).TotalSeconds; '{0} {1}' -f `$s, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64"
            $seconds, $peak = (& $pwsh -NoProfile -NonInteractive -Command $script) -split ' '
            [pscustomobject]@{ Calls = $n; Build = $build.Key; ReportMB = [Math]::Round((Get-Item $out).Length / 1MB, 1); Seconds = [Math]::Round([double]$seconds, 2); PeakMB = [Math]::Round([double]$peak / 1MB) }
            Remove-Item -LiteralPath $out
        }

        Remove-Item -LiteralPath $folder -Recurse -Force
    }
    $rows | Format-Table -AutoSize | Out-String -Width 200
}
finally { Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue }
