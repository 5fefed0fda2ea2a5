# What the process-level benchmarks share (Batch/Batch.ps1, Wait/Wait.ps1, Upload/Upload.ps1): the module to time,
# the built emulator as a child process, a client run as a whole process under GNU time, and medians.

function Resolve-BenchModule {
    # The manifest a benchmark times: -Module as given, or this checkout's build; a missing build says how to make it.
    param([Parameter(Mandatory)][string] $Root, [string] $Module)
    if (-not $Module) { $Module = Join-Path $Root 'out/TranscribePS/TranscribePS.psd1' }
    if (-not (Test-Path -LiteralPath $Module)) { throw "Missing $Module. Build first: dotnet build TranscribePS.sln -c Release" }
    $Module
}

function Assert-Boto3 {
    & python3 -c 'import boto3' 2>$null
    if ($LASTEXITCODE -ne 0) { throw 'python3 with boto3 is needed (python3 -c "import boto3").' }
}

function Start-BenchEmulator {
    # The Release emulator on a free port with a realistic job clock and AWS's default quotas; its settings (the
    # AWS_* variables a client needs) come from its first lines.
    param([Parameter(Mandatory)][string] $Root, [Parameter(Mandatory)][string] $Bucket)
    $dll = Join-Path $Root 'tests/TranscribePS.Emulator/bin/Release/net10.0/TranscribePS.Emulator.dll'
    if (-not (Test-Path -LiteralPath $dll)) { throw "Missing $dll. Build first: dotnet build TranscribePS.sln -c Release" }
    $psi = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in $dll, '--port', '0', '--timing', 'realistic', '--format', 'env', '--bucket', $Bucket) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($psi)
    $settings = [ordered]@{}
    while ($settings.Count -lt 4) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { throw 'The emulator stopped before printing its settings.' }
        $name, $value = $line -split '=', 2
        $settings[$name] = $value
    }
    [pscustomobject]@{ Process = $process; Settings = $settings; Url = $settings.AWS_ENDPOINT_URL }
}

function Stop-BenchEmulator([Parameter(Mandatory)] $Emulator) {
    $Emulator.Process.Kill()
    $Emulator.Process.WaitForExit()
}

function Invoke-Measured {
    # One client as a whole process under GNU time, with the emulator's settings in its environment: wall, user+sys
    # CPU, peak RSS of the largest process, and what it printed.
    param(
        [Parameter(Mandatory)][string[]] $Command,
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)][string] $TimeFile,
        [Parameter(Mandatory)][string] $WorkingDirectory
    )
    if (-not (Test-Path /usr/bin/time)) { throw '/usr/bin/time (GNU time) is needed for peak memory.' }
    $psi = [Diagnostics.ProcessStartInfo]::new('/usr/bin/time')
    foreach ($a in @('-f', '%e %U %S %M', '-o', $TimeFile) + $Command) { $psi.ArgumentList.Add($a) }
    $psi.WorkingDirectory = $WorkingDirectory
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    foreach ($k in $Emulator.Settings.Keys) { $psi.Environment[$k] = $Emulator.Settings[$k] }
    $psi.Environment['AWS_DEFAULT_REGION'] = $Emulator.Settings.AWS_REGION   # botocore reads this one, not AWS_REGION
    $psi.Environment['AWS_EC2_METADATA_DISABLED'] = 'true'
    $psi.Environment.Remove('AWS_PROFILE') | Out-Null
    $p = [Diagnostics.Process]::Start($psi)
    $stderr = $p.StandardError.ReadToEndAsync()
    $stdout = $p.StandardOutput.ReadToEnd()
    $p.WaitForExit()
    $wall, $user, $sys, $rssKb = (Get-Content $TimeFile | Select-Object -Last 1) -split ' '
    [pscustomobject]@{
        ExitCode = $p.ExitCode
        Wall = [double]$wall
        Cpu = [double]$user + [double]$sys
        PeakMB = [double]$rssKb / 1024
        Stdout = $stdout
        Stderr = $stderr.Result
    }
}

function Get-Median([double[]] $Values) {
    $s = @($Values | Sort-Object)
    if ($s.Count -eq 0) { return $null }
    if ($s.Count % 2) { $s[[int][Math]::Floor($s.Count / 2)] } else { ($s[$s.Count / 2 - 1] + $s[$s.Count / 2]) / 2 }
}

function Get-Percentile([double[]] $Values, [double] $Percent) {
    $s = @($Values | Sort-Object)
    if ($s.Count -eq 0) { return $null }
    $s[[int][Math]::Min($s.Count - 1, [Math]::Ceiling($Percent / 100 * $s.Count) - 1)]
}

Export-ModuleMember -Function Resolve-BenchModule, Assert-Boto3, Start-BenchEmulator, Stop-BenchEmulator, Invoke-Measured, Get-Median, Get-Percentile
