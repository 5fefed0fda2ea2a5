#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# The module in a session that also holds another AWSSDK.Core (AWS.Tools for PowerShell 4.x loads 3.7 into the
# default load context), each case in a fresh pwsh process as a user's session would be, against the emulator.
# TranscribePS.Loader.dll and the cmdlet assembly (which never references AWSSDK) sit in the default context; Core and
# the AWSSDK 4 assemblies live in the module's own context.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Start-TestEmulator | Out-Null
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-isolation-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    $script:OtherSdk = Get-OtherAwsSdkCorePath
    $script:Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')

    # What every child session starts with: the paths it needs, a real job round trip, and where each AWSSDK and
    # TranscribePS assembly was loaded. The child prints one JSON line last; Invoke-Session returns it as an object.
    $script:Prelude = @'
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Set-StrictMode -Version Latest
$modulePath = $env:TPS_ISOLATION_MODULE
$otherSdk = $env:TPS_ISOLATION_OTHER_SDK
$folder = $env:TPS_ISOLATION_FOLDER
function Invoke-RoundTrip([string] $Name) {
    $job = Get-Item -LiteralPath (Join-Path $folder "$Name.wav") |
        Start-MedicalConversationJob -OutputBucket clinic-transcripts |
        Wait-TranscribeJob -Timeout 60
    [pscustomobject]@{ Status = "$($job.Status)"; Turns = @($job | Get-TranscriptTurn).Count }
}
function Get-LoadedAssembly {
    foreach ($a in [AppDomain]::CurrentDomain.GetAssemblies()) {
        $name = $a.GetName()
        if ($name.Name -like 'AWSSDK.*' -or $name.Name -like 'TranscribePS*') {
            [pscustomobject]@{ Name = $name.Name; Major = $name.Version.Major; Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($a).Name }
        }
    }
}
'@

    function Invoke-Session([string] $Script) {
        $saved = @{}
        $values = @{ TPS_ISOLATION_MODULE = (Get-TestModulePath); TPS_ISOLATION_OTHER_SDK = $script:OtherSdk; TPS_ISOLATION_FOLDER = $script:Folder }
        foreach ($kv in $values.GetEnumerator()) {
            $saved[$kv.Key] = [Environment]::GetEnvironmentVariable($kv.Key)
            [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value)
        }
        try {
            $output = & $script:Pwsh -NoProfile -NonInteractive -Command "$script:Prelude`n$Script" 2>&1
            $exit = $LASTEXITCODE
        }
        finally {
            foreach ($kv in $saved.GetEnumerator()) { [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value) }
        }
        $text = ($output | ForEach-Object { "$_" }) -join "`n"
        $exit | Should -Be 0 -Because "the session must succeed; it printed:`n$text"
        @($output)[-1] | ConvertFrom-Json
    }

    foreach ($name in 'first-sdk', 'first-module', 'reimport-a', 'reimport-b', 'parallel-1', 'parallel-2', 'parallel-main') {
        New-TestWav -Path (Join-Path $script:Folder "$name.wav") -Seconds 3 | Out-Null
    }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A session that loaded AWSSDK.Core 3.7 first (as AWS.Tools does)' {
    BeforeAll {
        $script:Result = Invoke-Session @'
$other = Add-Type -LiteralPath $otherSdk -PassThru | Select-Object -First 1
Import-Module $modulePath
$job = Invoke-RoundTrip 'first-sdk'
[pscustomobject]@{ Job = $job; OtherMajor = $other.Assembly.GetName().Version.Major; Loaded = @(Get-LoadedAssembly) } | ConvertTo-Json -Depth 4 -Compress
'@
    }

    It 'imports TranscribePS and runs a job to its transcript' {
        $script:Result.Job.Status | Should -Be 'Completed'
        $script:Result.Job.Turns | Should -BeGreaterThan 0
    }

    It 'keeps 3.7 in the default context and TranscribePS''s AWSSDK 4 in the module''s own' {
        $script:Result.OtherMajor | Should -Be 3
        $core = $script:Result.Loaded | Where-Object Name -eq 'AWSSDK.Core'
        ($core | Where-Object Context -eq 'Default').Major | Should -Be 3
        ($core | Where-Object Context -eq 'TranscribePS').Major | Should -Be 4
    }
}

Describe 'A session that used TranscribePS first, then loaded AWSSDK.Core 3.7' {
    BeforeAll {
        $script:Result = Invoke-Session @'
Import-Module $modulePath
$before = Invoke-RoundTrip 'first-module'
$inDefault = @(Get-LoadedAssembly | Where-Object Context -eq 'Default' | ForEach-Object Name)
Add-Type -LiteralPath $otherSdk
# Types as another module's script would meet them, by name.
$credentials = [Amazon.Runtime.BasicAWSCredentials]::new('AKIDEXAMPLE', 'secret').GetCredentials()
$region = [Amazon.RegionEndpoint]::GetBySystemName('eu-west-1')
$after = Invoke-RoundTrip 'first-module'
[pscustomobject]@{
    Before = $before; After = $after; DefaultBefore = $inDefault
    CredentialsMajor = [Amazon.Runtime.BasicAWSCredentials].Assembly.GetName().Version.Major
    RegionMajor = $region.GetType().Assembly.GetName().Version.Major
    AccessKey = $credentials.AccessKey; Region = $region.SystemName
} | ConvertTo-Json -Depth 4 -Compress
'@
    }

    It 'had put no AWSSDK assembly and not Core into the default context, only the loader and the cmdlets' {
        $script:Result.Before.Status | Should -Be 'Completed'
        @($script:Result.DefaultBefore | Sort-Object) | Should -Be @('TranscribePS', 'TranscribePS.Loader')
    }

    It 'gives the other module 3.7''s types, and they work' {
        $script:Result.CredentialsMajor | Should -Be 3
        $script:Result.RegionMajor | Should -Be 3
        $script:Result.AccessKey | Should -Be 'AKIDEXAMPLE'
        $script:Result.Region | Should -Be 'eu-west-1'
    }

    It 'still runs TranscribePS afterwards' {
        $script:Result.After.Status | Should -Be 'Completed'
        $script:Result.After.Turns | Should -BeGreaterThan 0
    }
}

Describe 'Import-Module -Force twice, then Remove-Module and import again' {
    BeforeAll {
        $script:Result = Invoke-Session @'
$manifest = Import-PowerShellDataFile $modulePath
$counts = [ordered]@{}
Import-Module $modulePath
Import-Module $modulePath -Force
Import-Module $modulePath -Force
$counts.AfterForce = (Get-Module TranscribePS).ExportedCmdlets.Count
$forced = Invoke-RoundTrip 'reimport-a'
Remove-Module TranscribePS
$counts.AfterRemove = @(Get-Command -Name $manifest.CmdletsToExport -ErrorAction SilentlyContinue).Count
Import-Module $modulePath
$module = Get-Module TranscribePS
$again = Invoke-RoundTrip 'reimport-b'
[pscustomobject]@{
    Expected = $manifest.CmdletsToExport.Count; Counts = $counts; Forced = $forced; Again = $again
    Cmdlets = $module.ExportedCmdlets.Count; Alias = (Get-Alias Get-TranscriptItems).ResolvedCommandName
    Synopsis = (Get-Help Get-TranscribeJob).Synopsis; Format = [bool](Get-FormatData -TypeName 'TranscribePS.TranscriptionJob')
    Loaded = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -like 'TranscribePS*' } | ForEach-Object { $_.GetName().Name } | Sort-Object)
} | ConvertTo-Json -Depth 4 -Compress
'@
    }

    It 'exports every cmdlet after each -Force and runs a job' {
        $script:Result.Counts.AfterForce | Should -Be $script:Result.Expected
        $script:Result.Forced.Status | Should -Be 'Completed'
    }

    It 'removes every cmdlet with the module' {
        $script:Result.Counts.AfterRemove | Should -Be 0
    }

    It 'imports again with cmdlets, alias, help and formats, and runs a job' {
        $script:Result.Cmdlets | Should -Be $script:Result.Expected
        $script:Result.Alias | Should -Be 'Get-TranscriptItem'
        $script:Result.Synopsis | Should -Match 'Transcribe jobs'
        $script:Result.Format | Should -BeTrue
        $script:Result.Again.Status | Should -Be 'Completed'
    }

    It 'loads each TranscribePS assembly once, however often the module is imported' {
        $script:Result.Loaded | Should -Be @('TranscribePS', 'TranscribePS.Core', 'TranscribePS.Loader')
    }
}

Describe 'Two runspaces (ForEach-Object -Parallel) using the module at once' {
    BeforeAll {
        $script:Result = Invoke-Session @'
Add-Type -LiteralPath $otherSdk
Import-Module $modulePath
$main = Invoke-RoundTrip 'parallel-main'
$jobs = 'parallel-1', 'parallel-2' | ForEach-Object -ThrottleLimit 2 -Parallel {
    Import-Module $using:modulePath
    $job = Get-Item -LiteralPath (Join-Path $using:folder "$_.wav") |
        Start-MedicalConversationJob -OutputBucket clinic-transcripts |
        Wait-TranscribeJob -Timeout 60
    [pscustomobject]@{ Name = $_; Status = "$($job.Status)"; Turns = @($job | Get-TranscriptTurn).Count; Runspace = [runspace]::DefaultRunspace.Id }
}
[pscustomobject]@{ Main = $main; Jobs = @($jobs); Core = @(Get-LoadedAssembly | Where-Object Name -eq 'AWSSDK.Core') } | ConvertTo-Json -Depth 4 -Compress
'@
    }

    It 'runs a job in each runspace' {
        $script:Result.Main.Status | Should -Be 'Completed'
        @($script:Result.Jobs).Count | Should -Be 2
        ($script:Result.Jobs.Status | Sort-Object -Unique) | Should -Be 'Completed'
        $script:Result.Jobs | ForEach-Object { $_.Turns | Should -BeGreaterThan 0 }
        @($script:Result.Jobs.Runspace | Sort-Object -Unique).Count | Should -Be 2
    }

    It 'shares one AWSSDK.Core 4 between the runspaces, beside the session''s 3.7' {
        @($script:Result.Core | Where-Object Context -eq 'TranscribePS').Count | Should -Be 1
        ($script:Result.Core | Where-Object Context -eq 'Default').Major | Should -Be 3
    }
}
