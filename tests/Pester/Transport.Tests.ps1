#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# Plain http off this machine is refused before any request; with -AllowInsecureEndpoint it goes, with one warning.
# Each case runs a child pwsh inside a user + network namespace that has only loopback (`unshare -rn`), so whatever
# the module does, no packet can leave the machine. Where unshare is unavailable the tests are skipped, visibly, and
# fail under CI=true.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:Manifest = Get-TestModulePath
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) "tps-transport-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $script:Folder | Out-Null
    $script:Wav = (New-TestWav -Path (Join-Path $script:Folder 'visit.wav') -Seconds 2).FullName
    $script:Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')

    $script:Isolation = $null
    $unshare = Get-Command unshare -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $unshare) { $script:Isolation = 'unshare is not installed' }
    else {
        $probe = & $unshare.Source -rn sh -c 'ip -o link 2>/dev/null | grep -vc " lo:" || true' 2>&1
        if ($LASTEXITCODE -ne 0) { $script:Isolation = "unshare -rn is not permitted here: $probe" }
        elseif ("$probe".Trim() -ne '0') { $script:Isolation = "the namespace unshare -rn made has interfaces besides loopback: $probe" }
    }

    function Skip-WithoutIsolation {
        if ($script:Isolation) {
            if ($env:CI -eq 'true') { throw "No network namespace with only loopback ($script:Isolation): the transport check cannot run, and CI=true requires it." }
            Set-ItResult -Skipped -Because "no network namespace with only loopback: $script:Isolation"
        }
    }

    function Invoke-Isolated([string] $Command) {
        # The child gets the module, the recording and a secret-looking session token; its findings come back as JSON.
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$($script:Manifest -replace "'", "''")'
`$env:AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'; `$env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
foreach (`$n in 'AWS_ENDPOINT_URL','AWS_ENDPOINT_URL_S3','AWS_ENDPOINT_URL_TRANSCRIBE','AWS_PROFILE','TRANSCRIBEPS_ALLOW_INSECURE_ENDPOINT') { [Environment]::SetEnvironmentVariable(`$n, `$null) }
`$wav = '$($script:Wav -replace "'", "''")'
`$jobs = @(); `$errors = @(); `$warnings = @()
try { `$jobs = @($Command -WarningVariable +warnings -WarningAction SilentlyContinue -ErrorVariable +errors -ErrorAction SilentlyContinue) }
catch { `$errors += `$_ }
# A terminating error reaches -ErrorVariable as its exception and the catch as its record: keep the records.
`$errors = @(`$errors | Where-Object { `$_ -is [System.Management.Automation.ErrorRecord] })
[pscustomobject]@{
    Jobs = `$jobs.Count
    ErrorIds = @(`$errors | ForEach-Object { `$_.FullyQualifiedErrorId })
    Messages = @(`$errors | ForEach-Object { `$_.Exception.Message })
    Warnings = @(`$warnings | ForEach-Object { "`$_" })
} | ConvertTo-Json -Compress
"@
        $output = & unshare -rn $script:Pwsh -NoProfile -NonInteractive -Command $script 2>&1
        $json = @($output) | Where-Object { "$_" -like '{*' } | Select-Object -Last 1
        if (-not $json) { throw "The isolated pwsh printed no result: $($output -join [Environment]::NewLine)" }
        $json | ConvertFrom-Json
    }
}

AfterAll {
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Plain http to another machine' {
    It 'is refused before any request, naming the endpoint and the switch' {
        Skip-WithoutIsolation
        $r = Invoke-Isolated 'Start-MedicalConversationJob -LiteralPath $wav -OutputBucket clinic -Region us-east-1 -SessionToken FQoGZXIvYXdzEJr-SECRET -EndpointUrl http://198.51.100.7:8080'

        $r.Jobs | Should -Be 0
        $r.ErrorIds | Should -Be @('InsecureEndpoint,TranscribePS.Commands.StartMedicalConversationJobCommand')
        $r.Messages[0] | Should -BeLike "*'http://198.51.100.7:8080' from -EndpointUrl is plain http*-AllowInsecureEndpoint*"
    }

    It 'is refused when AWS_ENDPOINT_URL names it' {
        Skip-WithoutIsolation
        $r = Invoke-Isolated '$env:AWS_ENDPOINT_URL = ''http://198.51.100.7:8080''; Get-TranscribeJob -Name visit-1 -Region us-east-1'

        $r.ErrorIds | Should -Be @('InsecureEndpoint,TranscribePS.Commands.GetTranscribeJobCommand')
        $r.Messages[0] | Should -BeLike '*from AWS_ENDPOINT_URL is plain http*'
    }

    It 'goes with -AllowInsecureEndpoint, warning once for the command' {
        Skip-WithoutIsolation
        $r = Invoke-Isolated 'Start-MedicalConversationJob -LiteralPath $wav, $wav -OutputBucket clinic -Region us-east-1 -EndpointUrl http://198.51.100.7:8080 -AllowInsecureEndpoint'

        @($r.Warnings) | Should -HaveCount 1
        $r.Warnings[0] | Should -BeLike '*http://198.51.100.7:8080 over plain http, unencrypted, as -AllowInsecureEndpoint allows*'
        # It went: the namespace has no route off the machine, so the request itself fails - never the check.
        $r.ErrorIds | Should -Not -BeNullOrEmpty
        $r.ErrorIds | Should -Not -Match '^InsecureEndpoint'
        $r.Jobs | Should -Be 0
        Write-Host "With -AllowInsecureEndpoint in the namespace: $($r.ErrorIds -join '; ') / $($r.Messages -join '; ')"
    }

    It 'goes to loopback over plain http without a warning' {
        Skip-WithoutIsolation
        $r = Invoke-Isolated 'Get-TranscribeJob -Name visit-1 -Region us-east-1 -EndpointUrl http://127.0.0.1:9'

        $r.Warnings | Should -BeNullOrEmpty
        $r.ErrorIds | Should -Not -Match '^InsecureEndpoint'
    }
}
