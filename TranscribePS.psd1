# Source manifest. The build copies it into out/TranscribePS/ and stamps ModuleVersion from $(VersionPrefix)
# in Directory.Build.props, the one source of truth for the version; the value below is never shipped.
@{
    # Dependency isolation. TranscribePS.Loader.dll is imported first: it makes the module's own load context for bin/
    # (Core and the AWSSDK assemblies) and answers PowerShell's default context's request for TranscribePS.Core, which
    # the cmdlet assembly imported next, TranscribePS.dll, references. The cmdlets never reference AWSSDK themselves,
    # so the module works beside AWS.Tools or anything else that loaded another AWSSDK.Core, and never hands its own
    # to them. Both entries are files beside this manifest (Test-ModuleManifest checks that).
    NestedModules        = @('TranscribePS.Loader.dll', 'TranscribePS.dll')
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
            ReleaseNotes = 'First release: medical conversation, call analytics, HealthScribe and standard jobs (start with rerun-safe reuse, wait for many at once, remove with their output and the media this module uploaded), transcript items and turns, call analytics insight, categories and rules, clinical notes. Works beside AWS.Tools (AWSSDK 4 in a load context of its own); objects export to CSV and JSON the same in every culture.'
        }
    }
}
