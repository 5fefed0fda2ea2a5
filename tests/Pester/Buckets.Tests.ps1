#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# A bucket name with a typo, as a user meets it: the emulator answers NoSuchBucket as S3 does (it no longer creates
# buckets on first use), and the module says which bucket is missing and what to do, once per recording, before any
# byte is uploaded or any job started.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Visits = Join-Path ([IO.Path]::GetTempPath()) "tps-buckets-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Visits | Out-Null
    New-TestWav -Path (Join-Path $script:Visits 'visit-a.wav') -Seconds 3 | Out-Null
    New-TestWav -Path (Join-Path $script:Visits 'visit-b.wav') -Seconds 3 | Out-Null
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Visits -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'A bucket that does not exist' {
    BeforeEach { Reset-Emulator }

    It 'Start-MedicalConversationJob -OutputBucket typo-bucket: S3BucketNotFound per recording, naming the bucket, nothing uploaded or started' {
        $jobs = Get-ChildItem (Join-Path $script:Visits '*.wav') |
            Start-MedicalConversationJob -OutputBucket typo-bucket -ErrorVariable problems -ErrorAction SilentlyContinue

        $jobs | Should -BeNullOrEmpty
        $problems | Should -HaveCount 2
        $problems | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'S3BucketNotFound,*'
            $_.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            "$_" | Should -BeLike "*No bucket named 'typo-bucket' exists in this account: check the name given (-OutputBucket, -UploadBucket, -OutputLocation or an S3 URI), or create the bucket first*"
        }
        @($problems.TargetObject | Split-Path -Leaf | Sort-Object) | Should -Be @('visit-a.wav', 'visit-b.wav')
        $calls = Get-EmulatorRequestCount
        $calls['ListObjectsV2'] | Should -Be 1
        $calls.ContainsKey('PutObject') | Should -BeFalse
        $calls.ContainsKey('StartMedicalTranscriptionJob') | Should -BeFalse
        Get-EmulatorObject | Should -BeNullOrEmpty
    }

    It 'the same command with a bucket that exists starts both jobs' {
        $jobs = Get-ChildItem (Join-Path $script:Visits '*.wav') | Start-MedicalConversationJob -OutputBucket clinic-transcripts

        $jobs | Should -HaveCount 2
    }

    It 'an -OutputBucket typo beside an -UploadBucket that exists: S3BucketNotFound per recording from one check, nothing uploaded or started' {
        $jobs = Get-ChildItem (Join-Path $script:Visits '*.wav') |
            Start-MedicalConversationJob -UploadBucket clinic-phi -OutputBucket typo-bucket -ErrorVariable problems -ErrorAction SilentlyContinue

        $jobs | Should -BeNullOrEmpty
        $problems | Should -HaveCount 2
        $problems | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'S3BucketNotFound,*'
            "$_" | Should -BeLike "*No bucket named 'typo-bucket' exists*"
        }
        @($problems.TargetObject | Split-Path -Leaf | Sort-Object) | Should -Be @('visit-a.wav', 'visit-b.wav')
        $calls = Get-EmulatorRequestCount
        $calls['ListObjectsV2'] | Should -Be 1
        $calls.ContainsKey('PutObject') | Should -BeFalse
        $calls.ContainsKey('StartMedicalTranscriptionJob') | Should -BeFalse
    }

    It 'with both buckets present the output bucket is checked once and both jobs start' {
        $jobs = Get-ChildItem (Join-Path $script:Visits '*.wav') | Start-MedicalConversationJob -UploadBucket clinic-phi -OutputBucket clinic-transcripts

        $jobs | Should -HaveCount 2
        $calls = Get-EmulatorRequestCount
        $calls['ListObjectsV2'] | Should -Be 2   # the upload folder's listing and the output bucket's check
        $calls['PutObject'] | Should -Be 2
    }

    It 'an output bucket that does not exist, with the recording already in S3, is refused by Start as the service refuses it' {
        Add-EmulatorObject -Bucket clinic-phi -Key 'in/visit-a.wav' -LiteralPath (Join-Path $script:Visits 'visit-a.wav') | Out-Null

        Start-MedicalConversationJob -MediaUri s3://clinic-phi/in/visit-a.wav -OutputBucket typo-bucket -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'TranscribeBadRequest,*'
        "$($problems[0])" | Should -BeLike '*bucket*output*'
        $problems[0].TargetObject | Should -Be 's3://clinic-phi/in/visit-a.wav'
    }
}
