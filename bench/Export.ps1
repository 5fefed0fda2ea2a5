#Requires -Version 7.4
<#
.SYNOPSIS
    Export-Transcript and Export-CallAnalyticsReport on long generated transcripts: time and peak memory per format.
.DESCRIPTION
    Writes two-speaker conversations of each -Hours (TranscribePS.Bench --write-conversation, the pump figure's pace:
    about 146 words a minute), then for each format runs a fresh pwsh that imports the module and exports the file
    once, timing the export with Measure-Command and reading the process's peak working set afterwards. Memory that
    stays the same from the shortest to the longest input is what "flat" means here; the runtime and module take
    the first ~100 MB.
.EXAMPLE
    nice -n 10 dotnet pwsh -NoProfile ./bench/Export.ps1 -Hours 1, 4, 16
#>
param(
    [double[]] $Hours = @(1, 4, 16),
    [string[]] $Format = @('Srt', 'Vtt', 'Text', 'Markdown', 'Docx'),
    [string] $Module = (Join-Path $PSScriptRoot '../out/TranscribePS/TranscribePS.psd1')
)
$ErrorActionPreference = 'Stop'
$pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
$work = Join-Path ([IO.Path]::GetTempPath()) "tps-export-bench-$([guid]::NewGuid().ToString('N'))"
New-Item -ItemType Directory -Path $work | Out-Null
try {
    $rows = foreach ($h in $Hours) {
        $json = Join-Path $work "conversation-$($h)h.json"
        & dotnet run -c Release --project (Join-Path $PSScriptRoot 'TranscribePS.Bench') -- --write-conversation $json --hours $h | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "TranscribePS.Bench failed ($LASTEXITCODE)" }
        foreach ($f in $Format) {
            $out = Join-Path $work "out-$($h)h.$($f.ToLowerInvariant())"
            $script = "Import-Module '$Module'; `$s = (Measure-Command { Export-Transcript -InputObject '$json' -Path '$out' -Format $f | Out-Null }).TotalSeconds; '{0} {1}' -f `$s, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64"
            $seconds, $peak = (& $pwsh -NoProfile -NonInteractive -Command $script) -split ' '
            [pscustomobject]@{ Hours = $h; Format = $f; InputMB = [Math]::Round((Get-Item $json).Length / 1MB, 1); OutputMB = [Math]::Round((Get-Item $out).Length / 1MB, 2); Seconds = [Math]::Round([double]$seconds, 2); PeakMB = [Math]::Round([double]$peak / 1MB) }
            Remove-Item -LiteralPath $out
        }
    }
    $rows | Format-Table -AutoSize | Out-String -Width 200
}
finally { Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue }
