using System.Net;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Emulator;

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
}
