#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# The package as a user meets it: `build.ps1 -Task Package` makes the .nupkg, PSResourceGet (shipped with pwsh)
# installs it from a local file repository, and a fresh pwsh imports the module BY NAME and runs a job against the
# emulator. The sessions that install and use the module get a home folder of their own (HOME: PSResourceGet's
# repository list, the folder it installs to and pwsh's user module path all live under it) and the default
# PSModulePath, so nothing of this machine's repositories or modules takes part, and the gallery is unregistered
# there: the local repository is the only one. No network.

BeforeDiscovery {
    # HOME (and XDG_DATA_HOME) move those folders on Linux and macOS only; Windows takes them from the user profile.
    $script:NoOwnHome = $IsWindows
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Start-TestEmulator | Out-Null
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    $script:Configuration = if ($env:TRANSCRIBEPS_CONFIGURATION) { $env:TRANSCRIBEPS_CONFIGURATION } else { 'Release' }
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-package-$([guid]::NewGuid().ToString('N'))"
    $script:UserHome = Join-Path $script:Folder 'home'
    New-Item -ItemType Directory -Path $script:UserHome | Out-Null
    $script:Recording = New-TestWav -Path (Join-Path $script:Folder 'packaged-visit.wav') -Seconds 3

    function Invoke-Child([string] $Command, [hashtable] $Environment) {
        # A fresh pwsh with the default module path and the given environment; returns its output and exit code.
        $saved = @{}
        $values = @{ PSModulePath = $null; TPS_PACKAGE_ROOT = $script:Root; TPS_PACKAGE_RECORDING = $script:Recording.FullName } + $Environment
        foreach ($kv in $values.GetEnumerator()) {
            $saved[$kv.Key] = [Environment]::GetEnvironmentVariable($kv.Key)
            [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value)
        }
        try {
            $output = & $script:Pwsh -NoProfile -NonInteractive -Command "`$ErrorActionPreference = 'Stop'; `$PSStyle.OutputRendering = 'PlainText'`n$Command" 2>&1
            [pscustomobject]@{ Exit = $LASTEXITCODE; Text = ($output | ForEach-Object { "$_" }) -join "`n"; Last = "$(@($output)[-1])" }
        }
        finally {
            foreach ($kv in $saved.GetEnumerator()) { [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value) }
        }
    }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The module manifest' {
    It 'passes Test-ModuleManifest with no error' {
        $errors = $null
        $module = Test-ModuleManifest -Path (Get-TestModulePath) -ErrorVariable errors -ErrorAction SilentlyContinue
        @($errors) | Should -BeNullOrEmpty
        $module.Name | Should -Be 'TranscribePS'
        @($module.NestedModules.Name) | Should -Be @('TranscribePS.Loader', 'TranscribePS')
    }

    It 'carries what a gallery shows: tags, project, licence, release notes' {
        $psData = (Import-PowerShellDataFile (Get-TestModulePath)).PrivateData.PSData
        $psData.Tags | Should -Contain 'Transcribe'
        $psData.Tags | Should -Contain 'PSEdition_Core'
        $psData.ProjectUri | Should -Match '^https://'
        $psData.LicenseUri | Should -Match '^https://.*LICENSE$'
        $psData.ReleaseNotes | Should -Not -BeNullOrEmpty
    }
}

Describe 'build.ps1 -Task Package, then Install-PSResource from the local repository' -Skip:$script:NoOwnHome {
    BeforeAll {
        # What a maintainer types. It keeps the real HOME (dotnet's package folder) but gets a data folder of its own,
        # where PSResourceGet keeps its repository list, so its temporary registration never touches this machine's.
        $script:Built = Invoke-Child "& '$($script:Root.Replace("'", "''"))/build.ps1' -Task Package -Configuration $script:Configuration" @{ XDG_DATA_HOME = (Join-Path $script:Folder 'build-data') }
        $ownHome = @{ HOME = $script:UserHome; XDG_DATA_HOME = $null }
        $script:Version = (Import-PowerShellDataFile (Get-TestModulePath)).ModuleVersion
        $script:Nupkg = Join-Path $script:Root "out/packages/TranscribePS.$($script:Version).nupkg"

        # The install commands exactly as about_TranscribePS (and the README) give them, run from the source tree.
        $about = Get-Content -LiteralPath (Join-Path (Split-Path (Get-TestModulePath)) 'en-US/about_TranscribePS.help.txt')
        $script:InstallLines = @($about.Trim() | Where-Object { $_ -match '^(Register-PSResourceRepository|Install-PSResource) -' })
        $script:Installed = Invoke-Child (@'
if (Get-PSResourceRepository -Name PSGallery -ErrorAction SilentlyContinue) { Unregister-PSResourceRepository -Name PSGallery }
Set-Location -LiteralPath $env:TPS_PACKAGE_ROOT
'@ + "`n" + ($script:InstallLines -join "`n") + "`n" + @'
$installed = Get-InstalledPSResource -Name TranscribePS
[pscustomobject]@{
    Repositories = @(Get-PSResourceRepository | ForEach-Object Name)
    Name = $installed.Name; Version = "$($installed.Version)"; Repository = $installed.Repository
} | ConvertTo-Json -Compress
'@) $ownHome

        # A new session, as after installing: the module is found by name on the user module path.
        $script:Used = Invoke-Child @'
Import-Module TranscribePS
$module = Get-Module TranscribePS
$job = Get-Item -LiteralPath $env:TPS_PACKAGE_RECORDING | Start-MedicalConversationJob -OutputBucket clinic-transcripts | Wait-TranscribeJob -Timeout 60
$manifestErrors = $null
Test-ModuleManifest -Path (Join-Path $module.ModuleBase 'TranscribePS.psd1') -ErrorVariable manifestErrors -ErrorAction SilentlyContinue | Out-Null
[pscustomobject]@{
    ModuleBase = $module.ModuleBase; Version = "$($module.Version)"; Cmdlets = $module.ExportedCmdlets.Count
    UserModules = ($env:PSModulePath -split [IO.Path]::PathSeparator)[0]
    Status = "$($job.Status)"; Turns = @($job | Get-TranscriptTurn).Count; Listed = @(Get-TranscribeJob -Name $job.JobName).Count
    Synopsis = (Get-Help Get-TranscribeJob).Synopsis; About = (Get-Help about_TranscribePS | Out-String)
    Format = [bool](Get-FormatData -TypeName 'TranscribePS.TranscriptionJob'); ManifestErrors = @($manifestErrors).Count
} | ConvertTo-Json -Compress
'@ $ownHome
    }

    It 'makes out/packages/TranscribePS.<version>.nupkg' {
        $script:Built.Exit | Should -Be 0 -Because $script:Built.Text
        $script:Nupkg | Should -Exist
    }

    It 'packs the module folder: manifest, loader, cmdlets, bin/ with Core and AWSSDK, formats, help, LICENSE' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($script:Nupkg)
        try { $entries = @($zip.Entries | ForEach-Object FullName) } finally { $zip.Dispose() }
        foreach ($file in 'TranscribePS.psd1', 'TranscribePS.Loader.dll', 'TranscribePS.dll', 'LICENSE', 'TranscribePS.Format.ps1xml',
            'bin/TranscribePS.Core.dll', 'bin/AWSSDK.Core.dll', 'bin/AWSSDK.S3.dll', 'en-US/TranscribePS.dll-Help.xml', 'en-US/about_TranscribePS.help.txt') {
            $entries | Should -Contain $file
        }
        $entries | Should -Not -Contain 'bin/System.Management.Automation.dll'
    }

    It 'describes itself from the manifest: version, licence and project links, tags, release notes' {
        $zip = [IO.Compression.ZipFile]::OpenRead($script:Nupkg)
        try {
            $reader = [IO.StreamReader]::new($zip.GetEntry('TranscribePS.nuspec').Open())
            [xml] $nuspec = $reader.ReadToEnd()
            $reader.Dispose()
        }
        finally { $zip.Dispose() }
        $psData = (Import-PowerShellDataFile (Get-TestModulePath)).PrivateData.PSData
        $metadata = $nuspec.package.metadata
        $metadata.id | Should -Be 'TranscribePS'
        $metadata.version | Should -Be $script:Version
        $metadata.licenseUrl | Should -Be $psData.LicenseUri
        $metadata.projectUrl | Should -Be $psData.ProjectUri
        $metadata.releaseNotes | Should -Be $psData.ReleaseNotes
        $metadata.tags -split ' ' | Should -Contain 'Transcribe'
    }

    It 'installs with the commands about_TranscribePS gives, from the local repository, the only one registered' {
        $script:InstallLines.Count | Should -Be 2
        $script:InstallLines[1] | Should -Match '-Repository TranscribePSLocal -TrustRepository'
        $script:Installed.Exit | Should -Be 0 -Because $script:Installed.Text
        $result = $script:Installed.Last | ConvertFrom-Json
        $result.Repositories | Should -Be @('TranscribePSLocal')
        $result.Name | Should -Be 'TranscribePS'
        $result.Version | Should -Be $script:Version
        $result.Repository | Should -Be 'TranscribePSLocal'
    }

    It 'imports by name from the user module path in a new session and runs a job against the emulator' {
        $script:Used.Exit | Should -Be 0 -Because $script:Used.Text
        $result = $script:Used.Last | ConvertFrom-Json
        $result.UserModules | Should -BeLike "$($script:UserHome)*"
        $result.ModuleBase | Should -Be (Join-Path $result.UserModules "TranscribePS/$($script:Version)")
        $result.Version | Should -Be $script:Version
        $result.Cmdlets | Should -Be (Import-PowerShellDataFile (Get-TestModulePath)).CmdletsToExport.Count
        $result.Status | Should -Be 'Completed'
        $result.Turns | Should -BeGreaterThan 0
        $result.Listed | Should -Be 1
    }

    It 'brings its help, about topic and formats, and its installed manifest passes Test-ModuleManifest' {
        $result = $script:Used.Last | ConvertFrom-Json
        $result.Synopsis | Should -Match 'Transcribe jobs'
        foreach ($section in 'EXPORTS', 'BESIDE AWS.TOOLS \(DEPENDENCY ISOLATION\)', 'INSTALLING THE PACKAGE') {
            $result.About | Should -Match $section
        }
        $result.Format | Should -BeTrue
        $result.ManifestErrors | Should -Be 0
    }
}
