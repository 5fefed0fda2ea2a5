using System.Security.Cryptography;
using Amazon.S3;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Storage;
using TranscribePS.Emulator.Auth;
using TranscribePS.Emulator.Control;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Storage;

/// <summary>Reads whose body breaks off part-way (the emulator's CutResponse): fetched again or resumed, or one clear failure.</summary>
public sealed class BrokenReadEmulatorTests : EmulatorTest, IDisposable
{
    private const int Window = 64 * 1024;
    private static readonly byte[] Data = RandomNumberGenerator.GetBytes(300_000);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("transcribeps-broken-");
    private readonly AmazonS3Client _s3;
    private readonly HttpClient _http = new();
    private readonly S3Transfer _transfer;
    private readonly S3Location _location = new("transcripts", "medical/visit.json");

    public BrokenReadEmulatorTests(EmulatorFixture fixture)
        : base(fixture)
    {
        _s3 = Fixture.CreateS3Client();
        _transfer = new S3Transfer(_s3, _http) { FirstReadRetryDelay = TimeSpan.FromMilliseconds(1) };
        Server.Store.Put(_location.Bucket, _location.Key, Data);
    }

    public void Dispose()
    {
        _s3.Dispose();
        _http.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_download_that_breaks_off_twice_resumes_where_it_stopped_and_the_file_is_whole()
    {
        Server.Faults.Add(FaultRule.CutResponse("GetObject", 100_000).OnCalls(1, 2));
        var target = Path.Combine(_folder.FullName, "visit.json");
        var reports = new List<TransferProgress>();

        await _transfer.DownloadToFileAsync(_location, target, new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.Equal(Data, File.ReadAllBytes(target));
        Assert.Equal(["visit.json"], _folder.GetFiles().Select(f => f.Name));
        Assert.Equal(3, Server.Requests["GetObject"]);
        // Resumed, not restarted: every byte was counted once, so progress only ever grew, to the whole size.
        Assert.Equal(reports.Select(r => r.BytesDone).Order(), reports.Select(r => r.BytesDone));
        Assert.Equal(new TransferProgress(Data.Length, Data.Length), reports[^1]);
    }

    [Fact]
    public async Task A_download_through_a_presigned_url_that_breaks_off_resumes_too()
    {
        var url = Presigner.PresignGet(Server.Endpoint, _location.Bucket, _location.Key, new EmulatorCredential(Server.AccessKeyId, Server.SecretAccessKey), Server.Region, DateTimeOffset.UtcNow, 900);
        Server.Faults.Add(FaultRule.CutResponse("GetObject", 50_000).OnCall(1));
        var target = Path.Combine(_folder.FullName, "visit.json");

        await _transfer.DownloadToFileAsync(S3Location.Parse(url), target, null, CancellationToken.None);

        Assert.Equal(Data, File.ReadAllBytes(target));
        Assert.Equal(2, Server.Requests["GetObject"]);
    }

    [Fact]
    public async Task A_download_that_keeps_breaking_off_fails_as_a_service_fault_naming_the_object_and_leaves_no_file()
    {
        Server.Faults.Add(FaultRule.CutResponse("GetObject", 1000));
        var target = Path.Combine(_folder.FullName, "visit.json");

        var ex = await Assert.ThrowsAsync<S3Exception>(() => _transfer.DownloadToFileAsync(_location, target, null, CancellationToken.None));

        Assert.Equal(AwsErrorKind.ServiceFault, ex.Kind);
        Assert.Contains("s3://transcripts/medical/visit.json broke off part-way 4 times", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(ex.InnerException);
        Assert.Empty(_folder.GetFiles());
        Assert.Equal(S3Transfer.ReadAttempts, Server.Requests["GetObject"]);
    }

    [Fact]
    public async Task A_seekable_read_fetches_a_window_again_when_its_body_breaks_off()
    {
        // The first window's GET and the third window's (the second was read ahead) are cut.
        Server.Faults.Add(FaultRule.CutResponse("GetObject", 10).OnCall(1));
        Server.Faults.Add(FaultRule.CutResponse("GetObject", 10).OnCall(4));
        using var copy = new MemoryStream();

        await using (var stream = await _transfer.OpenSeekableReadAsync(_location, Window, CancellationToken.None))
        {
            await stream.CopyToAsync(copy);
        }

        Assert.Equal(Data, copy.ToArray());
        Assert.Equal(((Data.Length + Window - 1) / Window) + 2, Server.Requests["GetObject"]);
    }

    [Fact]
    public async Task A_seekable_read_that_keeps_breaking_off_fails_as_a_service_fault()
    {
        Server.Faults.Add(FaultRule.CutResponse("GetObject", 10));

        var ex = await Assert.ThrowsAsync<S3Exception>(() => _transfer.OpenSeekableReadAsync(_location, Window, CancellationToken.None));

        Assert.Equal(AwsErrorKind.ServiceFault, ex.Kind);
        Assert.Equal("S3ServiceFault", ex.ErrorId);
        Assert.Contains("broke off part-way", ex.Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<TransferProgress> report) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value) => report(value);
    }
}
