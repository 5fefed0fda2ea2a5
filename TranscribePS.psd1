# Source manifest. The build copies it into out/TranscribePS/ and stamps ModuleVersion from $(VersionPrefix)
# in Directory.Build.props, the one source of truth for the version; the value below is never shipped.
@{
    RootModule           = 'TranscribePS.dll'
    ModuleVersion        = '0.0.0'
    CompatiblePSEditions = @('Core')
    GUID                 = '5f0c7a3e-2d41-4b8e-9c55-3e1f4a6b7d20'
    Author               = 'TranscribePS contributors'
    CompanyName          = 'TranscribePS contributors'
    Copyright            = '(c) TranscribePS contributors. All rights reserved.'
    Description          = 'Runs Amazon Transcribe medical conversation and call analytics batch jobs from PowerShell: uploads recordings, starts jobs once (reruns reuse them), waits for many jobs at once, and turns transcripts into pipeline objects.'
    PowerShellVersion    = '7.4'
    FormatsToProcess     = @('TranscribePS.Format.ps1xml')
    CmdletsToExport      = @(
        'ConvertTo-Transcript'
        'Export-CallAnalyticsReport'
        'Export-Transcript'
        'Get-CallAnalyticsCategory'
        'Get-CallAnalyticsInsight'
        'Get-ClinicalNote'
        'Get-TranscribeJob'
        'Get-TranscriptItem'
        'Get-TranscriptTurn'
        'New-CallAnalyticsCategory'
        'New-CallAnalyticsRule'
        'Remove-CallAnalyticsCategory'
        'Remove-TranscribeJob'
        'Save-TranscribeOutput'
        'Set-CallAnalyticsCategory'
        'Start-CallAnalyticsJob'
        'Start-MedicalConversationJob'
        'Start-MedicalScribeJob'
        'Start-TranscriptionJob'
        'Wait-TranscribeJob'
    )
    AliasesToExport      = @(
        'Get-TranscriptItems'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'Transcribe', 'AmazonTranscribe', 'Medical', 'CallAnalytics', 'HealthScribe', 'Subtitles', 'Transcription', 'SpeechToText', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            ProjectUri   = 'https://github.com/transcribeps/TranscribePS'
            LicenseUri   = 'https://github.com/transcribeps/TranscribePS/blob/main/LICENSE'
            ReleaseNotes = 'First release: medical conversation and call analytics jobs (start, rerun-safe reuse, wait, remove), transcript items and turns, call analytics insight, call analytics categories and rules.'
        }
    }
}
