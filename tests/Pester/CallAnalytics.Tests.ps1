#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Emulator = Start-TestEmulator
    $script:Calls = Join-Path ([IO.Path]::GetTempPath()) "tps-calls-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Calls | Out-Null
    New-TestWav -Path (Join-Path $script:Calls 'call-angry.wav') -Seconds 4 -Channels 2 | Out-Null
    New-TestWav -Path (Join-Path $script:Calls 'call-happy.wav') -Seconds 5 -Channels 2 | Out-Null
    $script:Role = 'arn:aws:iam::123456789012:role/TranscribeDataAccess'
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Calls -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Categories, Start-CallAnalyticsJob, Wait-TranscribeJob, Get-CallAnalyticsInsight' {
    It 'a category made with New-CallAnalyticsRule matches the call that says the words and not the other' {
        New-CallAnalyticsCategory -Name CancellationRisk -Rule (
            New-CallAnalyticsRule -TranscriptContains 'cancel my account', 'close my account' -Participant Customer),
            (New-CallAnalyticsRule -Sentiment Negative -Participant Customer -LastPercent 25) | Out-Null

        # Jobs stay IN_PROGRESS while their conversations are scripted; Instant timing then finishes them at the next read.
        Set-EmulatorTiming Realistic
        try {
            $jobs = Get-ChildItem (Join-Path $script:Calls '*.wav') |
                Start-CallAnalyticsJob -OutputBucket cc-analytics -DataAccessRoleArn $script:Role -RedactPii
            $jobs.Count | Should -Be 2
            $angry = $jobs | Where-Object MediaUri -like '*call-angry*'
            $happy = $jobs | Where-Object MediaUri -like '*call-happy*'
            Set-EmulatorScript $angry.JobName @(
                @{ Speaker = 'AGENT'; Text = 'Thank you for calling, how can I help?'; Sentiment = 'POSITIVE' }
                @{ Speaker = 'CUSTOMER'; Text = 'I want to cancel my account today.'; Sentiment = 'NEGATIVE' }
                @{ Speaker = 'AGENT'; Text = 'I am sorry to hear that.'; Sentiment = 'NEUTRAL' }
                @{ Speaker = 'CUSTOMER'; Text = 'This has been a terrible experience.'; Sentiment = 'NEGATIVE' })
            Set-EmulatorScript $happy.JobName @(
                @{ Speaker = 'AGENT'; Text = 'Thank you for calling, how can I help?'; Sentiment = 'POSITIVE' }
                @{ Speaker = 'CUSTOMER'; Text = 'I would like to upgrade my plan.'; Sentiment = 'POSITIVE' }
                @{ Speaker = 'AGENT'; Text = 'Happy to help with that.'; Sentiment = 'POSITIVE' }
                @{ Speaker = 'CUSTOMER'; Text = 'Great, thanks a lot.'; Sentiment = 'POSITIVE' })
        }
        finally { Set-EmulatorTiming Instant }

        $insights = $jobs | Wait-TranscribeJob | Get-CallAnalyticsInsight
        $insights.Count | Should -Be 2

        $matched = $insights | Where-Object MatchedCategories -contains 'CancellationRisk'
        @($matched).Count | Should -Be 1
        $matched.JobName | Should -Be $angry.JobName
        $matched | Format-Table -AutoSize | Out-String -Width 300 | Should -Match ([regex]::Escape($angry.JobName))
    }

    It 'turns carry participant and sentiment, in time order' {
        $job = Get-TranscribeJob -Kind CallAnalytics -Status COMPLETED | Select-Object -First 1
        $turns = $job | Get-TranscriptTurn
        $turns.Participant | Sort-Object -Unique | Should -Be @('Agent', 'Customer')
        $turns.Sentiment | Should -Not -Contain $null
        $starts = $turns.StartTime
        ($starts | Sort-Object) | Should -Be $starts
    }

    It 'a mono call is refused before any upload with a plain NotStereo error' {
        $mono = New-TestWav -Path (Join-Path $script:Calls 'mono.wav') -Seconds 5 -Channels 1
        try {
            $before = (Get-EmulatorRequestCount)['PutObject']
            Start-CallAnalyticsJob -LiteralPath $mono.FullName -OutputBucket cc-analytics -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'NotStereo,*'
            $problems[0].Exception.Message | Should -Match 'channel'
            (Get-EmulatorRequestCount)['PutObject'] | Should -Be $before
        }
        finally { Remove-Item -LiteralPath $mono.FullName }
    }

    It 'a category exported as JSON can be re-created from it' {
        $json = Get-CallAnalyticsCategory -Name CancellationRisk | ConvertTo-Json -Depth 10
        Remove-CallAnalyticsCategory -Name CancellationRisk -Confirm:$false
        $copy = $json | ConvertFrom-Json
        New-CallAnalyticsCategory -Name CancellationRisk -Rule $copy.Rules | Out-Null

        $again = Get-CallAnalyticsCategory -Name CancellationRisk
        @($again.Rules).Count | Should -Be 2
        ($again | ConvertTo-Json -Depth 10 | ConvertFrom-Json).Rules | ConvertTo-Json -Depth 10 |
            Should -Be ($copy.Rules | ConvertTo-Json -Depth 10)
    }
}

Describe 'A summary the service skipped' {
    It 'is said as a warning with the service''s reason, and the insight carries the reason' {
        Set-EmulatorTiming Realistic
        try {
            $short, $long = Get-ChildItem (Join-Path $script:Calls '*.wav') |
                Start-CallAnalyticsJob -OutputBucket cc-analytics -DataAccessRoleArn $script:Role -Summarize
            Set-EmulatorScript $short.JobName @(
                @{ Speaker = 'AGENT'; Text = 'Hello.'; Sentiment = 'NEUTRAL' }
                @{ Speaker = 'CUSTOMER'; Text = 'Wrong number, sorry.'; Sentiment = 'NEUTRAL' })
            Set-EmulatorScript $long.JobName @(
                @{ Speaker = 'AGENT'; Text = 'Thank you for calling the support line, my name is Sam, how can I help you today with your account?'; Sentiment = 'POSITIVE' }
                @{ Speaker = 'CUSTOMER'; Text = 'Hi Sam, I was charged twice for my subscription this month and I would like one of the two charges refunded please.'; Sentiment = 'NEGATIVE' }
                @{ Speaker = 'AGENT'; Text = 'I can see both charges, I have refunded the second one and you will see it on your card within five days.'; Sentiment = 'POSITIVE' }
                @{ Speaker = 'CUSTOMER'; Text = 'That is great, thank you very much for the quick help.'; Sentiment = 'POSITIVE' })
        }
        finally { Set-EmulatorTiming Instant }

        $done = $short, $long | Wait-TranscribeJob -WarningVariable waitWarnings 3>$null
        $insights = $done | Get-CallAnalyticsInsight -WarningVariable insightWarnings 3>$null

        $expected = "Job '$($short.JobName)': the service skipped the call summary (GENERATIVE_SUMMARIZATION), reason INSUFFICIENT_CONVERSATION_CONTENT: *. Summary is empty; the other results stand."
        foreach ($warnings in $waitWarnings, $insightWarnings) {
            @($warnings).Count | Should -Be 1
            $warnings[0].Message | Should -BeLike $expected
            $warnings[0].Message | Should -Not -Match '\.\.'
        }

        $skipped = $insights | Where-Object JobName -eq $short.JobName
        $skipped.Summary | Should -BeNullOrEmpty
        $skipped.SkippedFeatures.Feature | Should -Be 'GENERATIVE_SUMMARIZATION'
        $skipped.SkippedFeatures.ReasonCode | Should -Be 'INSUFFICIENT_CONVERSATION_CONTENT'
        ($skipped | Select-Object JobName, SkippedFeatures | ConvertTo-Csv | Select-Object -Last 1) | Should -BeLike '*GENERATIVE_SUMMARIZATION: INSUFFICIENT_CONVERSATION_CONTENT (*)*'
        ($done | Where-Object JobName -eq $short.JobName).SkippedFeatures.ReasonCode | Should -Be 'INSUFFICIENT_CONVERSATION_CONTENT'

        $summarized = $insights | Where-Object JobName -eq $long.JobName
        $summarized.Summary | Should -Not -BeNullOrEmpty
        $summarized.SkippedFeatures | Should -BeNullOrEmpty
    }

    It 'is not known from a file alone: the insight of a saved file has no reasons and no warning' {
        # List summaries carry the reasons too.
        $job = Get-TranscribeJob -Kind CallAnalytics | Where-Object { $_.SkippedFeatures.Count -gt 0 }
        @($job).Count | Should -Be 1
        $saved = $job | Save-TranscribeOutput -Destination $script:Calls -Force

        $insight = Get-CallAnalyticsInsight -LiteralPath $saved.FullName -WarningVariable warned 3>$null

        $insight.Summary | Should -BeNullOrEmpty
        $insight.SkippedFeatures | Should -BeNullOrEmpty
        $warned | Should -BeNullOrEmpty
    }
}
