using System.Diagnostics;
using TranscribePS.Emulator.Hosting;
using TranscribePS.Emulator.Transcribe;

namespace TranscribePS.Emulator.Tests.Server;

public sealed class ProgramTests
{
    [Fact]
    public void Settings_print_as_the_four_aws_environment_lines()
    {
        var settings = new EmulatorSettings(new Uri("http://127.0.0.1:4566/"), "AKID", "SECRET", "eu-west-1");

        Assert.Equal(
            ["AWS_ENDPOINT_URL=http://127.0.0.1:4566", "AWS_ACCESS_KEY_ID=AKID", "AWS_SECRET_ACCESS_KEY=SECRET", "AWS_REGION=eu-west-1"],
            settings.ToEnvironmentLines());
    }

    [Fact]
    public void Settings_print_as_powershell_env_assignments_with_quotes_doubled()
    {
        var settings = new EmulatorSettings(new Uri("http://127.0.0.1:4566/"), "AKID", "it's", "eu-west-1");

        Assert.Equal(
            ["$env:AWS_ENDPOINT_URL = 'http://127.0.0.1:4566'", "$env:AWS_ACCESS_KEY_ID = 'AKID'", "$env:AWS_SECRET_ACCESS_KEY = 'it''s'", "$env:AWS_REGION = 'eu-west-1'"],
            settings.ToPowerShellLines());
    }

    [Theory]
    [InlineData(new string[0], "AWS_REGION=eu-west-1|$env:AWS_REGION = 'eu-west-1'")]
    [InlineData(new[] { "--format", "env" }, "AWS_REGION=eu-west-1")]
    [InlineData(new[] { "--format", "pwsh" }, "$env:AWS_REGION = 'eu-west-1'")]
    public void Format_option_chooses_which_forms_are_printed(string[] args, string regionLines)
    {
        var settings = new EmulatorSettings(new Uri("http://127.0.0.1:4566/"), "AKID", "SECRET", "eu-west-1");

        var lines = settings.Lines(EmulatorCommandLine.Parse(args).Format);

        Assert.Equal(regionLines.Split('|'), lines.Where(l => l.Contains("AWS_REGION", StringComparison.Ordinal)));
    }

    [Fact]
    public void Command_line_defaults_to_any_port_us_east_1_and_the_emulator_keys()
    {
        var parsed = EmulatorCommandLine.Parse([]);

        Assert.Equal(0, parsed.Options.Port);
        Assert.Equal("us-east-1", parsed.Options.Region);
        Assert.Equal([EmulatorOptions.DefaultCredential], parsed.Options.Credentials);
        Assert.Equal(TranscribeTimingMode.Instant, parsed.Options.Transcribe.TimingMode);
        Assert.False(parsed.Options.Verbose);
    }

    [Fact]
    public void Command_line_takes_port_region_keys_timing_and_verbose()
    {
        var parsed = EmulatorCommandLine.Parse(["--port", "4566", "--region", "eu-west-2", "--access-key", "AK", "--secret-key", "SK", "--timing", "realistic", "--verbose"]);

        Assert.Equal(4566, parsed.Options.Port);
        Assert.Equal("eu-west-2", parsed.Options.Region);
        Assert.Equal("AK", Assert.Single(parsed.Options.Credentials).AccessKeyId);
        Assert.Equal(TranscribeTimingMode.Realistic, parsed.Options.Transcribe.TimingMode);
        Assert.True(parsed.Options.Verbose);
    }

    [Fact]
    public void Command_line_bucket_option_lists_the_buckets_that_exist_from_the_start()
    {
        var parsed = EmulatorCommandLine.Parse(["--bucket", "clinic-in", "--bucket", "clinic-out"]);

        Assert.Equal(["clinic-in", "clinic-out"], parsed.Options.Buckets);
        Assert.Empty(EmulatorCommandLine.Parse([]).Options.Buckets);
    }

    [Theory]
    [InlineData("--bucket", "Upper_Case")]
    [InlineData("--bucket")]
    [InlineData("--port", "http")]
    [InlineData("--timing", "fast")]
    [InlineData("--access-key", "AK")]
    [InlineData("--bind", "0.0.0.0")]
    [InlineData("--format", "bash")]
    [InlineData("--port")]
    public void Bad_command_lines_are_refused_with_a_reason(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse(args));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task Started_process_prints_the_settings_for_sh_and_pwsh_and_serves_on_loopback()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TranscribePS.Emulator.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "--port", "0", "--region", "eu-central-1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var lines = new List<string>();
            while (lines.Count < 8)
            {
                lines.Add(await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("emulator exited: " + await process.StandardError.ReadToEndAsync(timeout.Token)));
            }

            Assert.Matches(@"^AWS_ENDPOINT_URL=http://127\.0\.0\.1:\d+$", lines[0]);
            Assert.Equal($"AWS_ACCESS_KEY_ID={EmulatorOptions.DefaultCredential.AccessKeyId}", lines[1]);
            Assert.Equal($"AWS_SECRET_ACCESS_KEY={EmulatorOptions.DefaultCredential.SecretAccessKey}", lines[2]);
            Assert.Equal("AWS_REGION=eu-central-1", lines[3]);
            Assert.Equal($"$env:AWS_ENDPOINT_URL = '{lines[0]["AWS_ENDPOINT_URL=".Length..]}'", lines[4]);
            Assert.Equal("$env:AWS_REGION = 'eu-central-1'", lines[7]);
            using var http = new HttpClient();
            var health = await http.GetStringAsync(new Uri(new Uri(lines[0]["AWS_ENDPOINT_URL=".Length..]), "/_emulator/health"), timeout.Token);
            Assert.Contains("eu-central-1", health, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_port_in_use_is_reported_in_one_line_and_exit_code_1()
    {
        await using var occupant = await EmulatorServer.StartAsync();
        var dll = Path.Combine(AppContext.BaseDirectory, "TranscribePS.Emulator.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "--port", occupant.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("could not listen on 127.0.0.1", error, StringComparison.Ordinal);
        Assert.Empty(await process.StandardOutput.ReadToEndAsync(timeout.Token));
    }
}
