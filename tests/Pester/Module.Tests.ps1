#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $manifest = Import-PowerShellDataFile (Get-TestModulePath)
    $commandNames = $manifest.CmdletsToExport
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:Module = Import-Module (Get-TestModulePath) -Force -PassThru
}

AfterAll {
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'The module' {
    It 'exports exactly the cmdlets and aliases its manifest names' {
        $manifest = Import-PowerShellDataFile (Get-TestModulePath)
        ($script:Module.ExportedCmdlets.Keys | Sort-Object) | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        ($script:Module.ExportedAliases.Keys | Sort-Object) | Should -Be ($manifest.AliasesToExport | Sort-Object)
        $script:Module.ExportedAliases['Get-TranscriptItems'].ResolvedCommandName | Should -Be 'Get-TranscriptItem'
    }

    It 'does no AWS work on import' {
        # No emulator and no credentials: importing must still succeed and be quick to use.
        { Import-Module (Get-TestModulePath) -Force } | Should -Not -Throw
    }

    It 'has format views for the objects it emits' {
        (Get-FormatData -TypeName 'TranscribePS.TranscriptionJob') | Should -Not -BeNullOrEmpty
        (Get-FormatData -TypeName 'TranscribePS.TranscriptItem') | Should -Not -BeNullOrEmpty
        (Get-FormatData -TypeName 'TranscribePS.TranscriptTurn') | Should -Not -BeNullOrEmpty
        (Get-FormatData -TypeName 'TranscribePS.ClinicalNoteSection') | Should -Not -BeNullOrEmpty
        (Get-FormatData -TypeName 'TranscribePS.ClinicalInsight') | Should -Not -BeNullOrEmpty
    }
}

Describe 'Get-Help <_>' -ForEach $commandNames {
    BeforeAll {
        $script:Help = Get-Help -Name $_ -Full
        $script:Command = Get-Command -Name $_
    }

    It 'has a synopsis and a description' {
        $script:Help.Synopsis | Should -Not -BeNullOrEmpty
        # Without real help, Get-Help makes the synopsis from the syntax line.
        $script:Help.Synopsis | Should -Not -Match '<CommonParameters>'
        ($script:Help.Description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples with code and remarks' {
        @($script:Help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $script:Help.Examples.Example) {
            $example.Code | Should -Not -BeNullOrEmpty
            ($example.Remarks.Text -join '') | Should -Not -BeNullOrEmpty
        }
    }

    It 'describes every parameter' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($name in $script:Command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $parameterHelp = $script:Help.Parameters.Parameter | Where-Object Name -eq $name
            $parameterHelp | Should -Not -BeNullOrEmpty -Because "parameter -$name needs help"
            ($parameterHelp.Description.Text -join '') | Should -Not -BeNullOrEmpty -Because "parameter -$name needs a description"
        }
    }
}
