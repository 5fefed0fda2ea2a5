using TranscribePS.Emulator.Auth;
using TranscribePS.Emulator.Transcribe;

namespace TranscribePS.Emulator.Hosting;

/// <summary>Settings of one emulator instance.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The well-known key pair every emulator accepts unless told otherwise. Not an AWS credential.</summary>
    public static readonly EmulatorCredential DefaultCredential = new("TPSEMULATORACCESSKEY", "tps/emulator/secret/key/not/an/aws/secret");

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    public string Region { get; set; } = "us-east-1";

    /// <summary>Accepted key pairs; the first is the one <see cref="EmulatorServer.AccessKeyId"/> reports.</summary>
    public IList<EmulatorCredential> Credentials { get; } = [DefaultCredential];

    /// <summary>Settings handed to the Transcribe service (job timing, concurrent-job quotas).</summary>
    public TranscribeOptions Transcribe { get; set; } = new();

    /// <summary>Request-rate limits that differ from AWS's defaults, by operation ("*" = all; null = unlimited).</summary>
    public IDictionary<string, int?> RequestQuotas { get; } = new Dictionary<string, int?>(StringComparer.Ordinal);

    /// <summary>S3's minimum size of every multipart part but the last (5 MiB, as in AWS).</summary>
    public long MinimumPartSize { get; set; } = 5 * 1024 * 1024;

    /// <summary>Seed for probabilistic faults, so a run can be repeated.</summary>
    public int? FaultSeed { get; set; }

    /// <summary>
    /// The service clock: object timestamps and the Transcribe job engine. Signature checks (clock skew, presign
    /// expiry) and request-rate windows always use the real clock, since clients sign with real time.
    /// </summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>
    /// Buckets that exist from the start and again after every reset (besides the service's own output bucket).
    /// Any other bucket must be created with CreateBucket; S3 answers NoSuchBucket until then, as AWS does.
    /// </summary>
    public IList<string> Buckets { get; } = [];

    /// <summary>Write one line per request to stderr (method, path, operation, status).</summary>
    public bool Verbose { get; set; }
}
