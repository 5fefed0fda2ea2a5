using System.Net;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Emulator.Tests.Server;

public sealed class S3SdkTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private const string Bucket = "recordings";

    [Fact]
    public async Task Put_then_get_returns_the_bytes_content_type_and_metadata()
    {
        using var s3 = Fixture.CreateS3Client();
        var data = RandomNumberGenerator.GetBytes(100_000);
        var put = new PutObjectRequest { BucketName = Bucket, Key = "in/a b+c.wav", InputStream = new MemoryStream(data), ContentType = "audio/wav" };
        put.Metadata.Add("source", "ward-7");
        var putResponse = await s3.PutObjectAsync(put);

        using var get = await s3.GetObjectAsync(Bucket, "in/a b+c.wav");
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);

        Assert.Equal(data, copy.ToArray());
        Assert.Equal("audio/wav", get.Headers.ContentType);
        Assert.Equal("ward-7", get.Metadata["source"]);
        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(data))}\"", putResponse.ETag);
        Assert.Equal(putResponse.ETag, get.ETag);
        Assert.Equal(data, Server.Store.Get(Bucket, "in/a b+c.wav")!.Data);
    }

    [Fact]
    public async Task Put_echoes_the_crc32_checksum_and_head_returns_it_when_checksum_mode_is_enabled()
    {
        using var s3 = Fixture.CreateS3Client();
        var data = "The quick brown fox jumps over the lazy dog"u8.ToArray();
        var put = await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "fox.txt", InputStream = new MemoryStream(data) });
        var head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = "fox.txt", ChecksumMode = ChecksumMode.ENABLED });

        // CRC32 of the pangram is 0x414FA339.
        Assert.Equal("QU+jOQ==", put.ChecksumCRC32);
        Assert.Equal("QU+jOQ==", head.ChecksumCRC32);
        Assert.Equal(data.Length, head.ContentLength);
        Assert.Equal("QU+jOQ==", Server.Store.Get(Bucket, "fox.txt")!.Checksums["CRC32"]);
    }

    [Fact]
    public async Task Head_and_get_of_a_missing_key_answer_not_found()
    {
        using var s3 = Fixture.CreateS3Client();
        var head = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(Bucket, "nothing-here"));
        var get = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync(Bucket, "nothing-here"));

        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("NoSuchKey", get.ErrorCode);
    }

    [Fact]
    public async Task Delete_removes_the_object()
    {
        using var s3 = Fixture.CreateS3Client();
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "gone.txt", ContentBody = "x" });
        await s3.DeleteObjectAsync(Bucket, "gone.txt");

        Assert.Null(Server.Store.Get(Bucket, "gone.txt"));
        Assert.Equal(1, Server.Requests["DeleteObject"]);
    }

    [Fact]
    public async Task Plain_unchunked_bodies_work_too()
    {
        using var s3 = Fixture.CreateS3Client(c => c.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "plain.txt", ContentBody = "plain body", UseChunkEncoding = false });

        Assert.Equal("plain body"u8.ToArray(), Server.Store.Get(Bucket, "plain.txt")!.Data);
    }

    [Fact]
    public async Task A_wrong_secret_key_is_rejected_with_SignatureDoesNotMatch()
    {
        using var s3 = Fixture.CreateS3Client(credentials: new BasicAWSCredentials(Fixture.Settings.AccessKeyId, "not-the-secret"));
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "x", ContentBody = "x" }));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Null(Server.Store.Get(Bucket, "x"));
    }

    [Fact]
    public async Task An_unknown_access_key_is_rejected_with_InvalidAccessKeyId()
    {
        using var s3 = Fixture.CreateS3Client(credentials: new BasicAWSCredentials("AKIDUNKNOWN", Fixture.Settings.SecretAccessKey));
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket }));

        Assert.Equal("InvalidAccessKeyId", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task TransferUtility_uploads_50_MB_in_parts_and_downloads_it_back_byte_exact()
    {
        using var s3 = Fixture.CreateS3Client();
        var data = RandomNumberGenerator.GetBytes(50 * 1024 * 1024);
        var transfer = new TransferUtility(s3);
        await transfer.UploadAsync(new MemoryStream(data), Bucket, "big/recording.wav");

        var stored = Server.Store.Get(Bucket, "big/recording.wav")!;
        Assert.EndsWith("-7\"", stored.ETag, StringComparison.Ordinal);
        Assert.True(Server.Requests["UploadPart"] >= 7);
        Assert.Equal(0, Server.Uploads.Count);

        var path = Path.Combine(Path.GetTempPath(), $"tps-emu-{Guid.NewGuid():N}.bin");
        try
        {
            await transfer.DownloadAsync(new TransferUtilityDownloadRequest { BucketName = Bucket, Key = "big/recording.wav", FilePath = path });
            var downloaded = await File.ReadAllBytesAsync(path);
            Assert.True(data.AsSpan().SequenceEqual(downloaded), "downloaded bytes differ from the upload");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ListObjectsV2_pages_with_max_keys_and_continuation_tokens()
    {
        foreach (var key in new[] { "a/1", "a/2", "a/3", "a/4", "a/5", "b/1" })
        {
            Server.Store.Put(Bucket, key, [1]);
        }

        using var s3 = Fixture.CreateS3Client();
        var pages = new List<ListObjectsV2Response>();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = "a/", MaxKeys = 2 };
        do
        {
            var page = await s3.ListObjectsV2Async(request);
            pages.Add(page);
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (pages[^1].IsTruncated == true);

        Assert.Equal([2, 2, 1], pages.Select(p => p.KeyCount ?? 0));
        Assert.Equal(["a/1", "a/2", "a/3", "a/4", "a/5"], pages.SelectMany(p => p.S3Objects).Select(o => o.Key));
        Assert.Equal([true, true, false], pages.Select(p => p.IsTruncated == true));
    }

    [Fact]
    public async Task ListObjectsV2_groups_common_prefixes_and_honours_start_after()
    {
        foreach (var key in new[] { "in/x.wav", "in/y.wav", "out/x.json", "readme.txt" })
        {
            Server.Store.Put(Bucket, key, [1]);
        }

        using var s3 = Fixture.CreateS3Client();
        var root = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Delimiter = "/" });
        var after = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, StartAfter = "in/x.wav" });

        Assert.Equal(["in/", "out/"], root.CommonPrefixes);
        Assert.Equal(["readme.txt"], root.S3Objects.Select(o => o.Key));
        Assert.Equal(3, root.KeyCount);
        Assert.Equal(["in/y.wav", "out/x.json", "readme.txt"], after.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task ListObjectsV2_of_a_bucket_created_but_never_written_is_empty()
    {
        using var s3 = Fixture.CreateS3Client();
        await s3.PutBucketAsync("fresh-bucket");
        var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "fresh-bucket" });

        Assert.Empty(listing.S3Objects ?? []);
        Assert.Equal(0, listing.KeyCount);
    }

    [Fact]
    public async Task Ranged_get_returns_only_the_requested_bytes()
    {
        Server.Store.Put(Bucket, "range.bin", Enumerable.Range(0, 256).Select(i => (byte)i).ToArray());
        using var s3 = Fixture.CreateS3Client();
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = "range.bin", ByteRange = new ByteRange(16, 31) });
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);

        Assert.Equal(Enumerable.Range(16, 16).Select(i => (byte)i), copy.ToArray());
        Assert.Equal(HttpStatusCode.PartialContent, response.HttpStatusCode);
    }

    [Theory]
    [InlineData("SHA256")]
    [InlineData("SHA1")]
    public async Task Sdk_trailer_sha_checksums_are_verified_stored_and_echoed(string algorithm)
    {
        using var s3 = Fixture.CreateS3Client();
        var data = RandomNumberGenerator.GetBytes(70_000);
        var put = await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = "sum.bin",
            InputStream = new MemoryStream(data),
            ChecksumAlgorithm = ChecksumAlgorithm.FindValue(algorithm),
        });

        var expected = Convert.ToBase64String(algorithm == "SHA256" ? SHA256.HashData(data) : SHA1.HashData(data));
        Assert.Equal(expected, Server.Store.Get(Bucket, "sum.bin")!.Checksums[algorithm]);
        Assert.Equal(expected, algorithm == "SHA256" ? put.ChecksumSHA256 : put.ChecksumSHA1);
    }

    [Fact]
    public async Task DeleteObjects_removes_every_listed_key()
    {
        foreach (var key in new[] { "d/1", "d/2", "d/3" })
        {
            Server.Store.Put(Bucket, key, [1]);
        }

        using var s3 = Fixture.CreateS3Client();
        var response = await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = Bucket, Objects = [new() { Key = "d/1" }, new() { Key = "d/3" }] });

        Assert.Equal(["d/1", "d/3"], response.DeletedObjects.Select(d => d.Key).Order());
        Assert.Equal(["d/2"], Server.Store.List(Bucket).Select(o => o.Key));
    }

    [Fact]
    public async Task Copy_keeps_bytes_and_metadata()
    {
        using var s3 = Fixture.CreateS3Client();
        var put = new PutObjectRequest { BucketName = Bucket, Key = "src.txt", ContentBody = "copy me", ContentType = "text/plain" };
        put.Metadata.Add("origin", "ward-3");
        await s3.PutObjectAsync(put);

        await s3.PutBucketAsync("archive");
        await s3.CopyObjectAsync(Bucket, "src.txt", "archive", "dst.txt");

        var copy = Server.Store.Get("archive", "dst.txt")!;
        Assert.Equal("copy me"u8.ToArray(), copy.Data);
        Assert.Equal("ward-3", copy.Metadata["origin"]);
        Assert.Equal("text/plain", copy.ContentType);
    }

    [Fact]
    public async Task Sdk_retries_a_scripted_500_and_the_second_attempt_lands()
    {
        Server.Faults.Add(TranscribePS.Emulator.Control.FaultRule.Error("PutObject", 500, "InternalError").OnCall(1));
        using var s3 = Fixture.CreateS3Client();
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "retry.txt", ContentBody = "second time lucky" });

        Assert.Equal(2, Server.Requests["PutObject"]);
        Assert.Equal("second time lucky"u8.ToArray(), Server.Store.Get(Bucket, "retry.txt")!.Data);
    }

    [Fact]
    public async Task Creating_a_bucket_twice_in_us_east_1_succeeds_as_in_aws()
    {
        using var s3 = Fixture.CreateS3Client();
        await s3.PutBucketAsync("made-twice");
        await s3.PutBucketAsync("made-twice");

        var buckets = await s3.ListBucketsAsync();

        Assert.Contains("made-twice", buckets.Buckets.Select(b => b.BucketName));
    }

    [Fact]
    public async Task ListBuckets_never_shows_the_service_bucket()
    {
        using var s3 = Fixture.CreateS3Client();
        await s3.PutBucketAsync("customer-bucket");
        Server.Store.Put("aws-transcribe-us-east-1-prod", "111122223333/job/transcript.json", [1]);

        var buckets = (await s3.ListBucketsAsync()).Buckets.Select(b => b.BucketName).ToList();

        Assert.Contains("customer-bucket", buckets);
        Assert.DoesNotContain("aws-transcribe-us-east-1-prod", buckets);
    }
}
