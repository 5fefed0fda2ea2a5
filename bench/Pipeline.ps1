#Requires -Version 7.4
<#
.SYNOPSIS
    The cmdlet pump's figure: a 10-hour transcript through Get-TranscriptItem | Get-TranscriptTurn against
    Get-TranscriptTurn -LiteralPath on the same file, side by side, in real pwsh.
.DESCRIPTION
    Writes the transcript once (bench/TranscribePS.Bench --write-conversation: 87,575 items, 4,866 turns), then runs
    -Rounds rounds. Each round is a fresh pwsh that imports the module, runs every command once to warm up, then times
    each command once with Measure-Command, in turn:

      piped    Get-TranscriptItem -LiteralPath $file | Get-TranscriptTurn | Measure-Object
      literal  Get-TranscriptTurn -LiteralPath $file | Measure-Object
      items    Get-TranscriptItem -LiteralPath $file | Measure-Object

    and prints each round, then the medians, the median of the per-round ratios piped/literal, and two per-record
    figures over the 87,575 items: (piped - literal) / items, the cost of taking the items through the pipeline and
    Get-TranscriptTurn's ProcessRecord (issue 12's "per-record overhead"); and (piped - items) / items, what
    Get-TranscriptTurn costs per piped item beyond PowerShell's own compiled Measure-Object.
.PARAMETER Module
    The module manifest to measure; a copy of another build's out/TranscribePS/ gives the figure before a change.
.PARAMETER Transcript
    The transcript file; written when it does not exist.
.EXAMPLE
    dotnet pwsh -NoProfile ./bench/Pipeline.ps1 -Rounds 5
#>
[CmdletBinding()]
param(
    [string] $Module = (Join-Path $PSScriptRoot '../out/TranscribePS/TranscribePS.psd1'),
    [string] $Transcript = (Join-Path ([IO.Path]::GetTempPath()) 'transcribeps-bench-10h.json'),
    [ValidateRange(1, 50)]
    [int] $Rounds = 5
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Module = (Resolve-Path -LiteralPath $Module).Path

if (-not (Test-Path -LiteralPath $Transcript)) {
    & dotnet run -c Release --project (Join-Path $PSScriptRoot 'TranscribePS.Bench') -- --write-conversation $Transcript
    if ($LASTEXITCODE -ne 0) { throw "Writing the transcript failed (exit code $LASTEXITCODE)." }
}

# One round, in a child pwsh so each round starts cold and pays its own JIT in the warm-up, not in the timings.
$round = {
    param($Module, $File)
    Import-Module $Module
    $commands = [ordered]@{
        piped   = { (Get-TranscriptItem -LiteralPath $File | Get-TranscriptTurn | Measure-Object).Count }
        literal = { (Get-TranscriptTurn -LiteralPath $File | Measure-Object).Count }
        items   = { (Get-TranscriptItem -LiteralPath $File | Measure-Object).Count }
    }
    foreach ($command in $commands.Values) { $null = & $command }
    $result = [ordered]@{}
    foreach ($name in $commands.Keys) {
        $count = 0
        $seconds = (Measure-Command { $count = & $commands[$name] }).TotalSeconds
        $result[$name] = $seconds
        $result["$name.count"] = $count
    }
    [pscustomobject]$result | ConvertTo-Json -Compress
}

$pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
$encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes("& { $round } '$($Module -replace "'", "''")' '$($Transcript -replace "'", "''")'"))
"TranscribePS pipeline benchmark - $([DateTime]::UtcNow.ToString('u')), pwsh $($PSVersionTable.PSVersion), $([Environment]::ProcessorCount) cores"
"module     $Module"
"transcript $Transcript ($([Math]::Round((Get-Item -LiteralPath $Transcript).Length / 1MB, 1)) MB)"
''
'{0,-6} {1,10} {2,10} {3,10} {4,8}' -f 'round', 'piped s', 'literal s', 'items s', 'ratio'
$results = [Collections.Generic.List[object]]::new()
foreach ($i in 1..$Rounds) {
    $json = & $pwsh -NoProfile -NonInteractive -EncodedCommand $encoded
    if ($LASTEXITCODE -ne 0) { throw "Round $i failed (exit code $LASTEXITCODE): $json" }
    $r = $json | ConvertFrom-Json
    if ($r.'piped.count' -ne $r.'literal.count') { throw "The piped form gave $($r.'piped.count') turns, -LiteralPath $($r.'literal.count')." }
    '{0,-6} {1,10:0.000} {2,10:0.000} {3,10:0.000} {4,8:0.00}' -f $i, $r.piped, $r.literal, $r.items, ($r.piped / $r.literal)
    $results.Add($r)
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

$items = $results[0].'items.count'
$piped = Get-Median $results.piped
$literal = Get-Median $results.literal
$alone = Get-Median $results.items
''
'medians over {0} rounds ({1:N0} items, {2:N0} turns)' -f $Rounds, $items, $results[0].'literal.count'
'  piped   Get-TranscriptItem | Get-TranscriptTurn   {0:0.000} s' -f $piped
'  literal Get-TranscriptTurn -LiteralPath           {0:0.000} s' -f $literal
'  items   Get-TranscriptItem | Measure-Object       {0:0.000} s' -f $alone
'  ratio piped / literal (median of rounds)          {0:0.00}x   (target: at most 3x)' -f (Get-Median ($results | ForEach-Object { $_.piped / $_.literal }))
'  per record (piped - literal) / items              {0:0.0} us  (target: under 10 us)' -f (($piped - $literal) / $items * 1e6)
'  per record (piped - items) / items                {0:0.0} us' -f (($piped - $alone) / $items * 1e6)
