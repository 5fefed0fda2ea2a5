#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Export-Transcript and ConvertTo-Transcript as a user drives them: jobs of every kind from the emulator, transcript
# files from Get-ChildItem, items and turns piped in, -SpeakerName, -WhatIf, and bad input among good.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Start-TestEmulator | Out-Null
    $script:Root = Join-Path ([IO.Path]::GetTempPath()) "tps-export-$([guid]::NewGuid().ToString('N'))"
    $script:Out = (New-Item -ItemType Directory -Path (Join-Path $script:Root 'out')).FullName
    $script:Role = 'arn:aws:iam::123456789012:role/TranscribeDataAccess'
    $call = New-TestWav -Path (Join-Path $script:Root 'call.wav') -Seconds 6 -Channels 2
    $visit = New-TestWav -Path (Join-Path $script:Root 'visit.wav') -Seconds 20
    $phone = New-TestWav -Path (Join-Path $script:Root 'phone.wav') -Seconds 15 -SampleRate 8000

    Set-EmulatorTiming Realistic
    try {
        $script:Call = Start-CallAnalyticsJob -LiteralPath $call.FullName -OutputBucket cc-analytics -DataAccessRoleArn $script:Role -RedactPii
        Set-EmulatorScript $script:Call.JobName @(
            @{ Speaker = 'AGENT'; Text = 'Thank you for calling, how can I help?'; Sentiment = 'POSITIVE' }
            @{ Speaker = 'CUSTOMER'; Text = 'My name is {NAME:Jane} and I want to cancel my account today.'; Sentiment = 'NEGATIVE' }
            @{ Speaker = 'AGENT'; Text = 'I am sorry to hear that.'; Sentiment = 'NEUTRAL' })
    }
    finally { Set-EmulatorTiming Instant }
    $script:Call = $script:Call | Wait-TranscribeJob
    $script:Medical = Start-MedicalConversationJob -LiteralPath $visit.FullName -OutputBucket clinic-transcripts -Wait
    $script:Scribe = Start-MedicalScribeJob -LiteralPath $visit.FullName -OutputBucket clinic-phi -DataAccessRoleArn $script:Role -Wait
    $script:Standard = Start-TranscriptionJob -LiteralPath $phone.FullName -OutputBucket call-transcripts -MaxSpeakers 2 -Wait
    $script:Saved = (New-Item -ItemType Directory -Path (Join-Path $script:Root 'saved')).FullName
    $script:Standard, $script:Medical | Save-TranscribeOutput -Destination $script:Saved | Out-Null

    function script:Get-Cue([string] $Text) {
        # The cues of a SubRip or WebVTT document as objects: number, start, end (seconds) and lines.
        $blocks = ($Text -replace '^WEBVTT\n\n', '') -split '\n\n' | Where-Object { $_ }
        foreach ($block in $blocks) {
            $lines = $block -split '\n'
            $null = $lines[1] -match '^(\d\d):(\d\d):(\d\d)[,.](\d{3}) --> (\d\d):(\d\d):(\d\d)[,.](\d{3})$'
            [pscustomobject]@{
                Number = [int]$lines[0]
                Start = [int]$Matches[1] * 3600 + [int]$Matches[2] * 60 + [int]$Matches[3] + [int]$Matches[4] / 1000
                End = [int]$Matches[5] * 3600 + [int]$Matches[6] * 60 + [int]$Matches[7] + [int]$Matches[8] / 1000
                Lines = @($lines | Select-Object -Skip 2)
            }
        }
    }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Root -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module TranscribePS -ErrorAction SilentlyContinue
}

Describe 'Export-Transcript from jobs of every kind' {
    It 'a <Kind> job exports to SubRip whose cues keep the subtitle rules and the words in order' -ForEach @(
        @{ Kind = 'call analytics'; Name = 'Call' }
        @{ Kind = 'medical'; Name = 'Medical' }
        @{ Kind = 'HealthScribe'; Name = 'Scribe' }
        @{ Kind = 'standard'; Name = 'Standard' }
    ) {
        $source = Get-Variable -Name $Name -Scope Script -ValueOnly
        $file = $source | Export-Transcript -Path (Join-Path $script:Out "$Name.srt")
        $file | Should -BeOfType [IO.FileInfo]
        $file.Name | Should -Be "$Name.srt"

        $cues = @(Get-Cue (Get-Content -LiteralPath $file.FullName -Raw))
        $cues.Count | Should -BeGreaterThan 0
        $cues.Number | Should -Be (1..$cues.Count)
        foreach ($cue in $cues) {
            $cue.Lines.Count | Should -BeIn 1, 2
            $cue.Lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 42 }
            ($cue.End - $cue.Start) | Should -BeLessOrEqual 7
        }
        $spoken = (($source | Get-TranscriptItem -Type Pronunciation).Content) -join ' '
        $subtitled = (($cues.Lines -join ' ') -replace '^[^:]+: ', '' -replace ' [^ :]+: ', ' ' -replace '[.,?!]', '')
        $subtitled | Should -Be ($spoken -replace '[.,?!]', '')
    }

    It 'call analytics keeps the redaction as the service masked it and names the participants' {
        $vtt = $script:Call | ConvertTo-Transcript Vtt -SpeakerName @{ Agent = 'Ana' }
        $vtt | Should -BeLike "WEBVTT`n`n1`n*"
        $vtt | Should -Match '<v Ana>Thank you'
        $vtt | Should -Match '<v Customer>'
        $vtt | Should -Match '\[PII\]'
        ($script:Call | ConvertTo-Transcript Markdown) | Should -Match '\\\[PII\\\]'
    }

    It 'text and Markdown give the title and one timed paragraph per turn with the speaker name' {
        $files = $script:Call | Export-Transcript -Path (Join-Path $script:Out 'call.txt') -SpeakerName @{ Agent = 'Ana'; Customer = 'Jane' }
        $text = Get-Content -LiteralPath $files.FullName
        $text[0] | Should -Be $script:Call.JobName
        $paragraphs = $text | Where-Object { $_ -match '^\[' }
        $paragraphs.Count | Should -Be 3
        $paragraphs[0] | Should -Match '^\[00:00:\d\d\] Ana: Thank you for calling'
        $paragraphs[1] | Should -Match '^\[00:00:\d\d\] Jane: '

        $md = $script:Call | Export-Transcript -Path (Join-Path $script:Out 'call.md')
        (Get-Content -LiteralPath $md.FullName -TotalCount 1) | Should -Be "# $($script:Call.JobName -replace '_', '\_')"
        @(Get-Content -LiteralPath $md.FullName | Where-Object { $_ -match '^\*\*00:\d\d:\d\d (Agent|Customer):\*\* ' }).Count | Should -Be 3
    }
}

Describe 'Export-Transcript -Format Docx' {
    BeforeAll {
        function script:Get-DocxXml([string] $Path) {
            # word/document.xml as Word reads it from the package.
            Add-Type -AssemblyName System.IO.Compression.FileSystem
            $zip = [IO.Compression.ZipFile]::OpenRead($Path)
            try {
                $reader = [IO.StreamReader]::new($zip.GetEntry('word/document.xml').Open())
                try { [xml]$reader.ReadToEnd() } finally { $reader.Dispose() }
            }
            finally { $zip.Dispose() }
        }
    }

    It 'a call analytics job gives a title block, the call''s figures as tables, and a timed paragraph per turn' {
        $file = $script:Call | Export-Transcript -Path (Join-Path $script:Out 'call.docx') -SpeakerName @{ Agent = 'Ana' }
        $file.Extension | Should -Be '.docx'
        $xml = Get-DocxXml $file.FullName
        $ns = [Xml.XmlNamespaceManager]::new($xml.NameTable)
        $ns.AddNamespace('w', 'http://schemas.openxmlformats.org/wordprocessingml/2006/main')
        $paragraphs = $xml.SelectNodes('/w:document/w:body/w:p', $ns) | ForEach-Object { ($_.SelectNodes('.//w:t', $ns) | ForEach-Object InnerText) -join '' }
        $paragraphs[0] | Should -Be $script:Call.JobName
        $paragraphs | Should -Contain 'Kind: CallAnalytics'
        $insight = $script:Call | Get-CallAnalyticsInsight
        # Characteristics and quarters always; categories, issues, outcomes and action items when the call has them.
        $expectedTables = 2 + @($insight.MatchedCategories, $insight.Issues, $insight.Outcomes, $insight.ActionItems | Where-Object { $_.Count -gt 0 }).Count
        $xml.SelectNodes('/w:document/w:body/w:tbl', $ns).Count | Should -Be $expectedTables
        $paragraphs | Should -Contain 'Talk time, interruptions and sentiment'
        $tableText = $xml.SelectNodes('/w:document/w:body/w:tbl//w:t', $ns) | ForEach-Object InnerText
        foreach ($category in $insight.MatchedCategories) { $tableText | Should -Contain $category }
        $turns = @($script:Call | Get-TranscriptTurn -SpeakerName @{ Agent = 'Ana' })
        $spoken = @($paragraphs | Where-Object { $_ -match '^\d\d:\d\d:\d\d (Ana|Customer): ' })
        $spoken.Count | Should -Be $turns.Count
        $spoken[0] | Should -Match "^00:00:\d\d Ana: $([regex]::Escape($turns[0].Text))$"
        $spoken -join ' ' | Should -Match '\[PII\]'
    }

    It 'a standard job gives no call figures and the format comes from the extension' {
        $file = $script:Standard | Export-Transcript -Path (Join-Path $script:Out 'standard.docx')
        $xml = Get-DocxXml $file.FullName
        $xml.document.body.tbl | Should -BeNullOrEmpty
        ($xml.document.body.p.Count) | Should -BeGreaterThan 3
    }

    It 'ConvertTo-Transcript refuses Docx, which is not text' {
        { $script:Standard | ConvertTo-Transcript -Format Docx -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Export-CallAnalyticsReport' {
    It 'a batch of calls gives one HTML file with every call, every turn and every matched category' {
        $second = Get-TranscribeJob -Kind CallAnalytics -Status COMPLETED | Where-Object JobName -ne $script:Call.JobName | Select-Object -First 1
        if (-not $second) {
            $stereo = New-TestWav -Path (Join-Path $script:Root 'call-2.wav') -Seconds 8 -Channels 2
            $second = Start-CallAnalyticsJob -LiteralPath $stereo.FullName -OutputBucket cc-analytics -DataAccessRoleArn $script:Role -Wait
        }
        $file = $script:Call, $second | Export-CallAnalyticsReport -Path (Join-Path $script:Out 'calls.html')
        $file | Should -BeOfType [IO.FileInfo]
        $html = Get-Content -LiteralPath $file.FullName -Raw
        $html | Should -Match '<table class="sortable calls">'
        foreach ($job in $script:Call, $second) {
            $html | Should -Match ([regex]::Escape("data-job=""$($job.JobName)"""))
            foreach ($category in ($job | Get-CallAnalyticsInsight).MatchedCategories) { $html | Should -Match ([regex]::Escape("data-category=""$category""")) }
        }
        $turns = @($script:Call, $second | Get-TranscriptTurn)
        ([regex]::Matches($html, '<li class="turn"')).Count | Should -Be $turns.Count
        $html | Should -Not -Match '\b(src|href)="(?!#)'
    }

    It 'a file that is not call analytics is refused by name and the call is still reported' {
        $saved = Get-ChildItem -LiteralPath $script:Saved -Filter *.json | Select-Object -First 1
        $file = $saved, $script:Call | Export-CallAnalyticsReport -Path (Join-Path $script:Out 'one.html') -ErrorVariable problems -ErrorAction SilentlyContinue
        $file | Should -Not -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'NotCallAnalytics,*'
        $problems[0].Exception.Message | Should -Match ([regex]::Escape($saved.Name))
    }

    It '-WhatIf writes nothing and reads no job' {
        $before = (Get-EmulatorRequestCount)['GetObject']
        $script:Call | Export-CallAnalyticsReport -Path (Join-Path $script:Out 'whatif.html') -WhatIf
        Test-Path (Join-Path $script:Out 'whatif.html') | Should -BeFalse
        (Get-EmulatorRequestCount)['GetObject'] | Should -Be $before
    }
}

Describe 'Export-Transcript from files, items and turns' {
    It 'transcript files from Get-ChildItem go one file per transcript into a folder, named after the job' {
        $folder = (New-Item -ItemType Directory -Path (Join-Path $script:Root 'vtt')).FullName
        $files = Get-ChildItem -LiteralPath $script:Saved -Filter *.json | Export-Transcript -Path $folder -Format Vtt
        $files.Count | Should -Be 2
        ($files.Name | Sort-Object) | Should -Be (@("$($script:Medical.JobName).vtt", "$($script:Standard.JobName).vtt") | Sort-Object)
        $files | ForEach-Object { Get-Content -LiteralPath $_.FullName -TotalCount 1 | Should -Be 'WEBVTT' }
    }

    It 'items of two jobs piped interleaved go to their own files' {
        $folder = (New-Item -ItemType Directory -Path (Join-Path $script:Root 'items')).FullName
        $a = @($script:Standard | Get-TranscriptItem)
        $b = @($script:Medical | Get-TranscriptItem)
        $mixed = for ($i = 0; $i -lt [Math]::Max($a.Count, $b.Count); $i++) { if ($i -lt $a.Count) { $a[$i] }; if ($i -lt $b.Count) { $b[$i] } }
        $files = $mixed | Export-Transcript -Path $folder -Format Srt
        $files.Count | Should -Be 2
        (Get-Content -LiteralPath (Join-Path $folder "$($script:Standard.JobName).srt") -Raw) |
            Should -Be ($script:Standard | ConvertTo-Transcript Srt)
    }

    It 'a second transcript for one file is refused by name and the first is kept' {
        $path = Join-Path $script:Out 'one.srt'
        $files = $script:Standard, $script:Medical | Export-Transcript -Path $path -ErrorVariable problems -ErrorAction SilentlyContinue
        @($files).Count | Should -Be 1
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ExportPathInUse,*'
        $problems[0].TargetObject.JobName | Should -Be $script:Medical.JobName
        (Get-Content -LiteralPath $path -Raw) | Should -Be ($script:Standard | ConvertTo-Transcript Srt)
    }

    It 'turns piped in give cues inside each turn''s time' {
        $turns = @($script:Call | Get-TranscriptTurn)
        $cues = @(Get-Cue ($turns | ConvertTo-Transcript Srt))
        $cues.Count | Should -BeGreaterOrEqual $turns.Count
        $cues[0].Start | Should -Be ([Math]::Round($turns[0].StartTime, 3))
        $cues[-1].End | Should -Be ([Math]::Round($turns[-1].EndTime, 3))
    }

    It 'ConvertTo-Transcript returns one string per transcript, which Set-Content writes as Export-Transcript would' {
        $texts = Get-ChildItem -LiteralPath $script:Saved -Filter *.json | ConvertTo-Transcript -Format Text
        $texts.Count | Should -Be 2
        $texts | Should -BeOfType [string]
        $target = Join-Path $script:Out 'standard.txt'
        $file = $script:Standard | Export-Transcript -Path $target
        Set-Content -LiteralPath (Join-Path $script:Out 'set.txt') -Value ($script:Standard | ConvertTo-Transcript Text) -NoNewline
        (Get-FileHash (Join-Path $script:Out 'set.txt')).Hash | Should -Be (Get-FileHash $file.FullName).Hash
    }
}

Describe 'Export-Transcript refuses what it cannot write, one item at a time' {
    It 'an object that holds no transcript and a file that is not one give their own errors; the good one is written' {
        $bad = Join-Path $script:Root 'not-a-transcript.json'
        Set-Content -LiteralPath $bad -Value '{"hello": 1}'
        $folder = (New-Item -ItemType Directory -Path (Join-Path $script:Root 'mixed')).FullName
        $files = 42, (Get-Item $bad), $script:Standard | Export-Transcript -Path $folder -Format Text -ErrorVariable problems -ErrorAction SilentlyContinue
        @($files).Count | Should -Be 1
        $problems.FullyQualifiedErrorId | ForEach-Object { ($_ -split ',')[0] } | Should -Be 'ExportInputUnsupported', 'NotATranscript'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].TargetObject | Should -Be 42
        Test-Path (Join-Path $folder 'not-a-transcript.txt') | Should -BeFalse
    }

    It 'a -Path whose extension names no format stops the command before anything is read' {
        $before = (Get-EmulatorRequestCount)['GetObject']
        { $script:Standard | Export-Transcript -Path (Join-Path $script:Out 'x.pdf') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExportFormatUnknown,*'
        (Get-EmulatorRequestCount)['GetObject'] | Should -Be $before
    }

    It '-WhatIf names the file it would write, writes nothing and reads no transcript' {
        $before = Get-EmulatorRequestCount
        $said = Invoke-WithTranscript { $script:Call | Export-Transcript -Path (Join-Path $script:Out 'whatif.vtt') -WhatIf }
        $said | Should -Match 'whatif\.vtt'
        Test-Path (Join-Path $script:Out 'whatif.vtt') | Should -BeFalse
        (Get-EmulatorRequestCount)['GetObject'] | Should -Be $before['GetObject']
    }
}
