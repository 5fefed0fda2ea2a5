#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# A job lives in one region at one endpoint; jobs piped on are reached there unless -Region/-EndpointUrl say
# otherwise. Two emulators stand for two regions: the environment points at the first (us-east-1), the jobs here
# live in the second (eu-west-1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Far = Start-OtherEmulator -Region eu-west-1
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-location-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    $script:Wav = (New-TestWav -Path (Join-Path $script:Folder 'visit.wav') -Seconds 3).FullName
}

AfterAll {
    Stop-OtherEmulator $script:Far
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Jobs piped on are reached where they live' {
    It 'Start -Region eu-west-1 | Wait | Get-TranscriptItem, Save, Get and Remove all go to eu-west-1' {
        $job = Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -Region eu-west-1 -EndpointUrl $script:Far.Endpoint
        $job.Region | Should -Be 'eu-west-1'
        $job.EndpointUrl.TrimEnd('/') | Should -Be $script:Far.Endpoint.TrimEnd('/')
        Reset-Emulator

        $done = $job | Wait-TranscribeJob -PollInterval 1
        $done.Status | Should -Be 'Completed'
        @($done | Get-TranscriptItem).Count | Should -BeGreaterThan 0
        ($done | Save-TranscribeOutput -Destination $script:Folder -Force).Name | Should -Be "$($job.JobName).json"
        ($done | Get-TranscribeJob).Region | Should -Be 'eu-west-1'
        $done | Remove-TranscribeJob -IncludeOutput -IncludeMedia -Confirm:$false

        (Get-EmulatorRequestCount).Count | Should -Be 0
        $far = Get-EmulatorRequestCount -Endpoint $script:Far.Endpoint
        $far['GetMedicalTranscriptionJob'] | Should -BeGreaterThan 0
        $far['GetObject'] | Should -BeGreaterThan 0
        $far['DeleteMedicalTranscriptionJob'] | Should -Be 1
    }

    It 'with -Region and -EndpointUrl the piped job is looked for where they say' {
        $job = Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -Region eu-west-1 -EndpointUrl $script:Far.Endpoint -JobName 'far-only'

        $failure = { $job | Get-TranscribeJob -Region us-east-1 -EndpointUrl $env:AWS_ENDPOINT_URL -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'TranscribeNotFound,*'
        ($job | Get-TranscribeJob).JobName | Should -Be 'far-only'
    }

    It 'one wait covers jobs of both regions' {
        $near = Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -JobName 'near-one'
        $far = Start-MedicalConversationJob -LiteralPath $script:Wav -OutputBucket clinic-transcripts -Region eu-west-1 -EndpointUrl $script:Far.Endpoint -JobName 'far-one'

        $done = $near, $far | Wait-TranscribeJob -PollInterval 1

        @($done | Sort-Object JobName | ForEach-Object { "$($_.JobName)@$($_.Region)" }) | Should -Be @('far-one@eu-west-1', 'near-one@us-east-1')
    }
}

Describe 'A region name of the wrong form is refused before any call' {
    BeforeEach { Reset-Emulator }

    It '-Region <Region> says what is wrong<Hint>' -TestCases @(
        @{ Region = 'useast1'; Hint = ' and names us-east-1'; Meant = 'us-east-1' }
        @{ Region = 'US-EAST-1'; Hint = ' and names us-east-1'; Meant = 'us-east-1' }
        @{ Region = 'eu-west'; Hint = ''; Meant = $null }
    ) {
        $failure = { Get-TranscribeJob -Region $Region -ErrorAction Stop } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidRegion,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -BeLike "'$Region' from -Region is not an AWS region name*such as us-east-1*"
        if ($Meant) { $failure.Exception.Message | Should -BeLike "*Use $Meant*" }
        $failure.Exception.Message | Should -Not -Match 'scope|signature|\(Parameter'
        (Get-EmulatorRequestCount).Count | Should -Be 0
    }

    It 'a well-formed region of another partition passes the check and reaches the service' {
        # The emulator serves us-east-1 only, so it refuses the GovCloud signing scope: proof the call went out.
        { Get-TranscribeJob -Name 'x' -Region us-gov-west-1 -ErrorAction Stop } | Should -Throw -ErrorId 'TranscribeAccessDenied,*'
    }
}
