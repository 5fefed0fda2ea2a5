#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# The call analytics report as a reader sees it: a batch report opened in headless Chromium (Debian's chromium
# package, installed by .ci/run where missing; driven by playwright-core from tests/Documents) at 1280x800. A
# screenshot is kept in out/test-results/; the DOM shows every turn and every matched category of every call, the
# table sorts, and the page asks for nothing over the network.

BeforeDiscovery {
    $documents = Join-Path $PSScriptRoot '../Documents'
    $script:Missing = if (-not (Get-Command node -ErrorAction SilentlyContinue)) { 'node is not installed' }
        elseif (-not (Test-Path (Join-Path $documents 'node_modules/playwright-core'))) { 'tests/Documents has no node_modules (run: npm ci --prefix tests/Documents)' }
        elseif (-not (Test-Path '/usr/bin/chromium')) { 'Chromium is not installed (run: apt-get install -y chromium)' }
    $script:Skip = [bool]$script:Missing -and $env:CI -ne 'true'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Viewer = Join-Path $PSScriptRoot '../Documents/view-report.mjs'
    $script:Results = Join-Path $PSScriptRoot '../../out/test-results'
    New-Item -ItemType Directory -Path $script:Results -Force | Out-Null
    $script:Root = Join-Path ([IO.Path]::GetTempPath()) "tps-report-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Root | Out-Null
    $role = 'arn:aws:iam::123456789012:role/TranscribeDataAccess'

    New-CallAnalyticsCategory -Name CancellationRisk -Rule (New-CallAnalyticsRule -TranscriptContains 'cancel my account' -Participant Customer) | Out-Null
    New-CallAnalyticsCategory -Name Upgrade -Rule (New-CallAnalyticsRule -TranscriptContains 'upgrade' -Participant Customer) | Out-Null
    $scripts = @(
        @(
            @{ Speaker = 'AGENT'; Text = 'Thank you for calling Northwind, how can I help?'; Sentiment = 'POSITIVE' }
            @{ Speaker = 'CUSTOMER'; Text = 'I want to cancel my account, my name is {NAME:Jane Roe}.'; Sentiment = 'NEGATIVE' }
            @{ Speaker = 'AGENT'; Text = 'I am sorry to hear that. May I ask why?'; Sentiment = 'NEUTRAL' }
            @{ Speaker = 'CUSTOMER'; Text = 'The service keeps dropping and nobody fixes it.'; Sentiment = 'NEGATIVE' }
            @{ Speaker = 'AGENT'; Text = 'I will send a technician tomorrow and credit your bill.'; Sentiment = 'POSITIVE' }),
        @(
            @{ Speaker = 'AGENT'; Text = 'Good morning, this is Dana.'; Sentiment = 'POSITIVE' }
            @{ Speaker = 'CUSTOMER'; Text = 'Hi, I would like to upgrade my plan.'; Sentiment = 'POSITIVE' }
            @{ Speaker = 'AGENT'; Text = 'Happy to help, the premium plan is ready for you.'; Sentiment = 'POSITIVE' }),
        @(
            @{ Speaker = 'AGENT'; Text = 'Hello, how can I help?'; Sentiment = 'NEUTRAL' }
            @{ Speaker = 'CUSTOMER'; Text = 'I want to cancel my account and upgrade my phone.'; Sentiment = 'MIXED' }))
    Set-EmulatorTiming Realistic
    try {
        $script:Jobs = for ($i = 0; $i -lt $scripts.Count; $i++) {
            $wav = New-TestWav -Path (Join-Path $script:Root "call-$i.wav") -Seconds (20 + 10 * $i) -Channels 2
            $job = Start-CallAnalyticsJob -LiteralPath $wav.FullName -OutputBucket cc-analytics -DataAccessRoleArn $role -RedactPii
            Set-EmulatorScript $job.JobName $scripts[$i]
            $job
        }
    }
    finally { Set-EmulatorTiming Instant }
    $script:Jobs = @($script:Jobs | Wait-TranscribeJob)
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Root -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Export-CallAnalyticsReport in headless Chromium' {
    It 'Chromium and the browser driver are installed' -Skip:$script:Skip {
        $script:Missing | Should -BeNullOrEmpty -Because 'the report proof needs node, tests/Documents and Chromium'
    }

    It 'shows every turn and every matched category of every call, sorts its table, and requests nothing' -Skip:$script:Skip {
        $report = $script:Jobs | Export-CallAnalyticsReport -Path (Join-Path $script:Root 'calls.html')
        $screenshot = Join-Path $script:Results 'call-analytics-report-1280x800.png'
        $json = & node $script:Viewer $report.FullName $screenshot
        $LASTEXITCODE | Should -Be 0
        $page = $json | ConvertFrom-Json

        $page.requests | Should -BeNullOrEmpty -Because 'the report is self-contained'
        $page.errors | Should -BeNullOrEmpty
        $page.headings[0] | Should -Be 'H1'
        $page.calls.Count | Should -Be $script:Jobs.Count
        foreach ($job in $script:Jobs) {
            $shown = $page.calls | Where-Object job -eq $job.JobName
            $turns = @($job | Get-TranscriptTurn)
            $shown.turns | Should -Be $turns.Count
            $shown.visibleTurns | Should -Be $turns.Count
            $shown.timelineBars | Should -Be $turns.Count
            $shown.turnTexts | Should -Be $turns.Text
            $matched = @(($job | Get-CallAnalyticsInsight).MatchedCategories)
            @($shown.categories) | Should -Be $matched
        }
        @($page.calls.categories | Sort-Object -Unique) | Should -Be @('CancellationRisk', 'Upgrade')

        $seconds = $page.sortedByDuration.seconds
        $seconds.Count | Should -Be $script:Jobs.Count
        $seconds | Should -Be ($seconds | Sort-Object -Descending)

        $png = Get-Item -LiteralPath $screenshot
        $png.Length | Should -BeGreaterThan 10KB
        $bytes = [IO.File]::ReadAllBytes($png.FullName)
        [BitConverter]::ToUInt32([byte[]]($bytes[19..16]), 0) | Should -Be 1280
        [BitConverter]::ToUInt32([byte[]]($bytes[23..20]), 0) | Should -Be 800
    }
}
