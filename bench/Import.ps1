#Requires -Version 7.4
<#
.SYNOPSIS
    Import time of the module, two builds side by side: each round starts a fresh pwsh for each build, in turn, and
    times `Import-Module <manifest>` there with Measure-Command.
.DESCRIPTION
    Prints each round, then per build the median and range, and the median of the per-round differences
    (candidate - baseline) in milliseconds: pairing the runs round by round keeps the comparison fair when the
    machine's speed drifts. The first round of each build is a warm-up (disk cache) and is not counted.
.PARAMETER Baseline
    The manifest to compare against, e.g. a copy of another build's out/TranscribePS/ kept before a change.
.PARAMETER Candidate
    The manifest measured; by default the one this checkout built.
.EXAMPLE
    dotnet pwsh -NoProfile ./bench/Import.ps1 -Baseline /tmp/before/TranscribePS/TranscribePS.psd1 -Rounds 20
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $Baseline,
    [string] $Candidate = (Join-Path $PSScriptRoot '../out/TranscribePS/TranscribePS.psd1'),
    [ValidateRange(2, 200)]
    [int] $Rounds = 20
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
$builds = [ordered]@{ baseline = (Resolve-Path -LiteralPath $Baseline).Path; candidate = (Resolve-Path -LiteralPath $Candidate).Path }

function Measure-Import([string] $Manifest) {
    $quoted = "'" + ($Manifest -replace "'", "''") + "'"
    $ms = & $pwsh -NoProfile -NonInteractive -Command "(Measure-Command { Import-Module $quoted }).TotalMilliseconds"
    if ($LASTEXITCODE -ne 0) { throw "Importing $Manifest failed (exit code $LASTEXITCODE)." }
    [double]::Parse(@($ms)[-1], [cultureinfo]::InvariantCulture)
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $mid = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$mid] } else { ($sorted[$mid - 1] + $sorted[$mid]) / 2 }
}

$times = @{ baseline = [Collections.Generic.List[double]]::new(); candidate = [Collections.Generic.List[double]]::new() }
foreach ($round in 0..$Rounds) {
    $row = [ordered]@{ round = $round }
    foreach ($name in $builds.Keys) {
        $row[$name] = Measure-Import $builds[$name]
        if ($round -gt 0) { $times[$name].Add($row[$name]) }
    }
    $label = if ($round -eq 0) { 'warm-up' } else { "round $round" }
    '{0,-8} baseline {1,8:N1} ms   candidate {2,8:N1} ms' -f $label, $row.baseline, $row.candidate
}

$differences = for ($i = 0; $i -lt $Rounds; $i++) { $times.candidate[$i] - $times.baseline[$i] }
''
foreach ($name in $builds.Keys) {
    '{0,-9} median {1,7:N1} ms  (min {2:N1}, max {3:N1})  {4}' -f $name, (Get-Median $times[$name]), ($times[$name] | Measure-Object -Minimum).Minimum, ($times[$name] | Measure-Object -Maximum).Maximum, $builds[$name]
}
'candidate - baseline, median of {0} paired rounds: {1:N1} ms' -f $Rounds, (Get-Median $differences)
