using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Storage;
using TranscribePS.Emulator.Control;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Storage;

public sealed class S3TransferEmulatorTests : EmulatorTest, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("transcribeps-s3-");
    private readonly AmazonS3Client _s3;
    private readonly S3Transfer _transfer;

    public S3TransferEmulatorTests(EmulatorFixture fixture)
        : base(fixture)
    {
        _s3 = Fixture.CreateS3Client();
        _transfer = new S3Transfer(_s3);
    }

    public void Dispose()
    {
        _s3.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Small_upload_is_byte_exact_with_its_sha256_in_metadata_and_progress_to_the_end()
    {
        var data = RandomNumberGenerator.GetBytes(300_000);
        var path = Write("visit 1.wav", data);
        var reports = new List<TransferProgress>();

        var result = await _transfer.UploadAsync(path, "recordings", "2026/visit 1.wav", new SynchronousProgress(reports.Add), CancellationToken.None);

        var stored = Server.Store.Get("recordings", "2026/visit 1.wav")!;
        Assert.Equal(data, stored.Data);
        Assert.False(result.Skipped);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant(), result.Sha256);
        Assert.Equal(result.Sha256, stored.Metadata.First(m => m.Key.EndsWith(S3Transfer.Sha256MetadataName, StringComparison.Ordinal)).Value);
        Assert.Equal("s3://recordings/2026/visit 1.wav", result.Location.ToString());
        Assert.Equal(1, Server.Requests["PutObject"]);
        Assert.Equal(0, Server.Requests["UploadPart"]);
        Assert.Equal(data.Length, reports[^1].BytesDone);
    }

    [Fact]
    public async Task Large_upload_goes_in_parts_and_is_byte_exact()
    {
        var data = RandomNumberGenerator.GetBytes(50 * 1024 * 1024);
        var path = Write("long-call.wav", data);
        var reports = new List<TransferProgress>();

        var result = await _transfer.UploadAsync(path, "recordings", "long-call.wav", new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.Equal(data, Server.Store.Get("recordings", "long-call.wav")!.Data);
        Assert.False(result.Skipped);
        Assert.Equal(7, Server.Requests["UploadPart"]);
        Assert.Equal(1, Server.Requests["CompleteMultipartUpload"]);
        Assert.Equal(0, Server.Requests["PutObject"]);
        Assert.Equal(data.Length, reports.Max(r => r.BytesDone));
        Assert.All(reports, r => Assert.Equal(data.Length, r.BytesTotal));
    }

    [Fact]
    public async Task Second_upload_of_the_same_file_is_skipped_without_a_put()
    {
        var path = Write("same.wav", RandomNumberGenerator.GetBytes(64_000));
        var first = await _transfer.UploadAsync(path, "recordings", "same.wav", null, CancellationToken.None);

        var second = await _transfer.UploadAsync(path, "recordings", "same.wav", null, CancellationToken.None);

        Assert.False(first.Skipped);
        Assert.True(second.Skipped);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(1, Server.Requests["PutObject"]);
    }

    [Fact]
    public async Task Changed_file_of_the_same_size_is_uploaded_again()
    {
        var path = Write("changing.wav", new byte[10_000]);
        await _transfer.UploadAsync(path, "recordings", "changing.wav", null, CancellationToken.None);
        var changed = new byte[10_000];
        changed[5_000] = 1;
        File.WriteAllBytes(path, changed);

        var again = await _transfer.UploadAsync(path, "recordings", "changing.wav", null, CancellationToken.None);

        Assert.False(again.Skipped);
        Assert.Equal(changed, Server.Store.Get("recordings", "changing.wav")!.Data);
        Assert.Equal(2, Server.Requests["PutObject"]);
    }

    [Fact]
    public async Task Object_put_by_someone_else_without_our_hash_is_replaced()
    {
        var data = RandomNumberGenerator.GetBytes(2_000);
        Server.Store.Put("recordings", "theirs.wav", data);
        var path = Write("theirs.wav", data);

        var result = await _transfer.UploadAsync(path, "recordings", "theirs.wav", null, CancellationToken.None);

        Assert.False(result.Skipped);
        Assert.Equal(1, Server.Requests["PutObject"]);
    }

    [Fact]
    public async Task Open_read_streams_the_object_and_download_writes_the_file_atomically()
    {
        var data = RandomNumberGenerator.GetBytes(1_000_000);
        Server.Store.Put("transcripts", "call-7.json", data);
        var location = S3Location.Parse("https://s3.us-east-1.amazonaws.com/transcripts/call-7.json");

        await using (var stream = await _transfer.OpenReadAsync(location, CancellationToken.None))
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(data, copy.ToArray());
        }

        var target = Path.Combine(_folder.FullName, "call-7.json");
        var reports = new List<TransferProgress>();
        await _transfer.DownloadToFileAsync(location, target, new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.Equal(data, File.ReadAllBytes(target));
        Assert.Equal(["call-7.json"], _folder.GetFiles().Select(f => f.Name));
        Assert.Equal(new TransferProgress(data.Length, data.Length), reports[^1]);
    }

    /// <summary>Saved outputs hold PHI: 0600 on Unix, not the umask's 0644; the partial file too, while it exists.</summary>
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Downloaded_file_is_owner_only_on_unix_and_stale_partials_of_it_are_removed()
    {
        Server.Store.Put("transcripts", "call-8.json", [1, 2, 3]);
        var target = Path.Combine(_folder.FullName, "call-8.json");
        var stale = Write("call-8.json.part-70ec4651", new byte[100]);
        var otherTarget = Write("call-9.json.part-70ec4651", new byte[10]);
        var notOurs = Write("call-8.json.part-notours1", new byte[10]);
        var held = Write("call-8.json.part-0123abcd", new byte[10]);
        using (new FileStream(held, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            await _transfer.DownloadToFileAsync(new S3Location("transcripts", "call-8.json"), target, null, CancellationToken.None);
        }

        Assert.Equal(LocalFiles.OwnerOnly, File.GetUnixFileMode(target));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(otherTarget));
        Assert.True(File.Exists(notOurs));
        Assert.True(File.Exists(held), "a partial file another download holds open is left to it");
    }

    [Fact]
    public async Task Failed_download_leaves_no_partial_file()
    {
        var target = Path.Combine(_folder.FullName, "missing.json");

        var ex = await Assert.ThrowsAsync<S3Exception>(() => _transfer.DownloadToFileAsync(new S3Location("transcripts", "missing.json"), target, null, CancellationToken.None));

        Assert.Equal(AwsErrorKind.NotFound, ex.Kind);
        Assert.Equal("NoSuchKey", ex.ErrorCode);
        Assert.Empty(_folder.GetFiles());
    }

    [Fact]
    public async Task Head_reports_size_and_hash_and_null_for_a_missing_object_and_delete_removes_it()
    {
        var path = Write("h.wav", RandomNumberGenerator.GetBytes(4_096));
        var uploaded = await _transfer.UploadAsync(path, "recordings", "h.wav", null, CancellationToken.None);

        var head = await _transfer.HeadAsync(uploaded.Location, CancellationToken.None);
        await _transfer.DeleteAsync(uploaded.Location, CancellationToken.None);
        var afterDelete = await _transfer.HeadAsync(uploaded.Location, CancellationToken.None);

        Assert.NotNull(head);
        Assert.Equal(4_096, head.Size);
        Assert.Equal(uploaded.Sha256, head.Sha256);
        Assert.Null(afterDelete);
        Assert.Null(Server.Store.Get("recordings", "h.wav"));
    }

    [Fact]
    public async Task Slow_down_is_retried_by_the_sdk()
    {
        Server.Faults.Add(FaultRule.Throttle("PutObject").OnCall(1));
        var path = Write("retry.wav", RandomNumberGenerator.GetBytes(1_000));

        var result = await _transfer.UploadAsync(path, "recordings", "retry.wav", null, CancellationToken.None);

        Assert.False(result.Skipped);
        Assert.Equal(2, Server.Requests["PutObject"]);
        Assert.NotNull(Server.Store.Get("recordings", "retry.wav"));
    }

    [Fact]
    public async Task Wrong_credentials_are_access_denied()
    {
        using var wrong = Fixture.CreateS3Client(credentials: new BasicAWSCredentials(Fixture.Settings.AccessKeyId, "wrong-secret"));
        var denied = new S3Transfer(wrong);

        var ex = await Assert.ThrowsAsync<S3Exception>(() => denied.OpenReadAsync(new S3Location("transcripts", "x.json"), CancellationToken.None));

        Assert.Equal(AwsErrorKind.AccessDenied, ex.Kind);
    }

    private string Write(string name, byte[] data)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, data);
        return path;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order and complete on return.</summary>
    private sealed class SynchronousProgress(Action<TransferProgress> report) : IProgress<TransferProgress>
    {
        private readonly object _gate = new();

        public void Report(TransferProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
