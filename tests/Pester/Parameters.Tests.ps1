#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Parameters as a user types them: one role's channel alone, speaker names, categories piped back in.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-parameters-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    $script:Call = New-TestWav -Path (Join-Path $script:Folder 'call.wav') -Seconds 6 -Channels 2
    $script:Visit = New-TestWav -Path (Join-Path $script:Folder 'visit.wav') -Seconds 6
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Start-CallAnalyticsJob -AgentChannel / -CustomerChannel alone' {
    # The job name is derived from every setting, both channels included: the same name is the same channels.
    It '<Alone> alone starts the job that <Both> starts' -ForEach @(
        @{ Alone = '-AgentChannel 1'; AloneArgs = @{ AgentChannel = 1 }; Both = '-AgentChannel 1 -CustomerChannel 0'; BothArgs = @{ AgentChannel = 1; CustomerChannel = 0 } }
        @{ Alone = '-AgentChannel 0'; AloneArgs = @{ AgentChannel = 0 }; Both = '-AgentChannel 0 -CustomerChannel 1'; BothArgs = @{ AgentChannel = 0; CustomerChannel = 1 } }
        @{ Alone = '-CustomerChannel 0'; AloneArgs = @{ CustomerChannel = 0 }; Both = '-AgentChannel 1 -CustomerChannel 0'; BothArgs = @{ AgentChannel = 1; CustomerChannel = 0 } }
    ) {
        $alone = Start-CallAnalyticsJob -LiteralPath $script:Call.FullName -OutputBucket cc-analytics @AloneArgs -ErrorAction Stop
        $both = Start-CallAnalyticsJob -LiteralPath $script:Call.FullName -OutputBucket cc-analytics @BothArgs -ErrorAction Stop
        $other = Start-CallAnalyticsJob -LiteralPath $script:Call.FullName -OutputBucket cc-analytics -AgentChannel (1 - $BothArgs.AgentChannel) -ErrorAction Stop

        $alone.JobName | Should -Be $both.JobName
        $other.JobName | Should -Not -Be $both.JobName
    }

    It 'both on one channel is still refused before any upload' {
        Reset-Emulator -KeepState
        { Start-CallAnalyticsJob -LiteralPath $script:Call.FullName -OutputBucket cc-analytics -AgentChannel 1 -CustomerChannel 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'SameAgentCustomerChannel,*'
        (Get-EmulatorRequestCount).Count | Should -Be 0
    }
}
