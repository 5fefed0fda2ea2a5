using System.Globalization;
using TranscribePS.Emulator.Auth;
using TranscribePS.Emulator.Transcribe;

namespace TranscribePS.Emulator.Hosting;

/// <summary>
/// The emulator's command line: --port N (0 = any free port), --region, --access-key, --secret-key,
/// --timing instant|realistic, --format both|env|pwsh (how the settings are printed), --bucket NAME (repeatable:
/// buckets that exist from the start), --verbose.
/// </summary>
public sealed record EmulatorCommandLine(EmulatorOptions Options, SettingsFormat Format = SettingsFormat.Both)
{
    public const string Usage =
        "Usage: TranscribePS.Emulator [--port N] [--region us-east-1] [--access-key KEY --secret-key SECRET] [--timing instant|realistic] [--format both|env|pwsh] [--bucket NAME]... [--verbose]";

    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static EmulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        string? accessKey = null;
        string? secretKey = null;
        var format = SettingsFormat.Both;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--verbose")
            {
                options.Verbose = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value. {Usage}");
            }

            var value = args[++i];
            switch (name)
            {
                case "--port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                    {
                        throw new ArgumentException($"--port must be 0-65535, not '{value}'.");
                    }

                    options.Port = port;
                    break;
                case "--region":
                    options.Region = value;
                    break;
                case "--access-key":
                    accessKey = value;
                    break;
                case "--secret-key":
                    secretKey = value;
                    break;
                case "--timing":
                    options.Transcribe.TimingMode = value switch
                    {
                        "instant" => TranscribeTimingMode.Instant,
                        "realistic" => TranscribeTimingMode.Realistic,
                        _ => throw new ArgumentException($"--timing must be 'instant' or 'realistic', not '{value}'."),
                    };
                    break;
                case "--bucket":
                    if (!S3.BucketNames.IsValid(value))
                    {
                        throw new ArgumentException($"--bucket '{value}' is not a valid S3 bucket name (3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit).");
                    }

                    options.Buckets.Add(value);
                    break;
                case "--format":
                    format = value switch
                    {
                        "both" => SettingsFormat.Both,
                        "env" => SettingsFormat.Env,
                        "pwsh" => SettingsFormat.PowerShell,
                        _ => throw new ArgumentException($"--format must be 'both', 'env' or 'pwsh', not '{value}'."),
                    };
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'. {Usage}");
            }
        }

        if ((accessKey is null) != (secretKey is null))
        {
            throw new ArgumentException("--access-key and --secret-key go together.");
        }

        if (accessKey is not null)
        {
            options.Credentials.Clear();
            options.Credentials.Add(new EmulatorCredential(accessKey, secretKey!));
        }

        return new EmulatorCommandLine(options, format);
    }
}
