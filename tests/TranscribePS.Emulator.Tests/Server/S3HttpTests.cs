using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using TranscribePS.Emulator.Control;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Emulator.Tests.Server;

public sealed class S3HttpTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Missing_key_answers_NoSuchKey_xml_with_resource_and_request_id()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.S3Async(HttpMethod.Get, "/media/no/such.wav");

        var error = await RawClient.ErrorXmlAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NoSuchKey", error["Code"]);
        Assert.Equal("The specified key does not exist.", error["Message"]);
        Assert.Equal("no/such.wav", error["Key"]);
        Assert.Equal("/media/no/such.wav", error["Resource"]);
        Assert.Equal(response.Headers.GetValues("x-amz-request-id").Single(), error["RequestId"]);
    }

    [Fact]
    public async Task Head_of_a_missing_key_is_404_without_a_body()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.S3Async(HttpMethod.Head, "/media/none");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Ranges_answer_206_with_content_range_and_unsatisfiable_ones_416()
    {
        Server.Store.Put("media", "ten.bin", "0123456789"u8.ToArray());
        using var client = new RawClient(Fixture);

        using var middle = await client.S3Async(HttpMethod.Get, "/media/ten.bin", beforeSigning: r => r.Headers.Range = new(2, 5));
        using var suffix = await client.S3Async(HttpMethod.Get, "/media/ten.bin", beforeSigning: r => r.Headers.TryAddWithoutValidation("Range", "bytes=-3"));
        using var beyond = await client.S3Async(HttpMethod.Get, "/media/ten.bin", beforeSigning: r => r.Headers.Range = new(20, 30));

        Assert.Equal(HttpStatusCode.PartialContent, middle.StatusCode);
        Assert.Equal("bytes 2-5/10", middle.Content.Headers.ContentRange!.ToString());
        Assert.Equal("2345", await middle.Content.ReadAsStringAsync());
        Assert.Equal("789", await suffix.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
        Assert.Equal("InvalidRange", (await RawClient.ErrorXmlAsync(beyond))["Code"]);
        Assert.Equal("bytes */10", beyond.Content.Headers.ContentRange!.ToString());
    }

    [Theory]
    [InlineData("Upper-Case")]
    [InlineData("ab")]
    [InlineData("under_score")]
    [InlineData("192.168.0.1")]
    [InlineData("-leading-dash")]
    public async Task Invalid_bucket_names_are_refused_with_InvalidBucketName(string bucket)
    {
        using var client = new RawClient(Fixture);
        using var response = await client.S3Async(HttpMethod.Put, $"/{bucket}/key", "x"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidBucketName", (await RawClient.ErrorXmlAsync(response))["Code"]);
        Assert.Equal(TestBuckets.Names, Server.Store.Buckets());
    }

    [Fact]
    public async Task Unsigned_request_is_AccessDenied()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.S3Async(HttpMethod.Get, "/media/x", afterSigning: r => r.Headers.Authorization = null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("AccessDenied", (await RawClient.ErrorXmlAsync(response))["Code"]);
    }

    /// <summary>boto3 and `aws s3 presign` sign SigV2 URLs in us-east-1 by default: S3's own answer, not a bare AccessDenied.</summary>
    [Theory]
    [InlineData("query")]
    [InlineData("header")]
    public async Task Signature_version_2_is_answered_as_S3_answers_an_unsupported_signature(string where)
    {
        using var client = new RawClient(Fixture);
        using var response = await client.S3Async(
            HttpMethod.Get,
            where == "query" ? "/media/x?AWSAccessKeyId=TPSEMULATORACCESSKEY&Expires=1893456000&Signature=abc%3D" : "/media/x",
            afterSigning: r => r.Headers.Authorization = where == "query" ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("AWS", "TPSEMULATORACCESSKEY:abc="));

        var error = await RawClient.ErrorXmlAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequest", error["Code"]);
        Assert.Equal("The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.", error["Message"]);
    }

    [Fact]
    public async Task Body_changed_after_signing_is_refused_and_nothing_is_stored()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.S3Async(HttpMethod.Put, "/media/a.txt", "original"u8.ToArray(), afterSigning: r => r.Content = new ByteArrayContent("tampered"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("XAmzContentSHA256Mismatch", (await RawClient.ErrorXmlAsync(response))["Code"]);
        Assert.Null(Server.Store.Get("media", "a.txt"));
    }

    [Fact]
    public async Task Signed_header_changed_after_signing_is_SignatureDoesNotMatch()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.S3Async(
            HttpMethod.Put,
            "/media/a.txt",
            "x"u8.ToArray(),
            beforeSigning: r => r.Headers.TryAddWithoutValidation("x-amz-meta-owner", "alice"),
            afterSigning: r =>
            {
                r.Headers.Remove("x-amz-meta-owner");
                r.Headers.TryAddWithoutValidation("x-amz-meta-owner", "mallory");
            });

        var error = await RawClient.ErrorXmlAsync(response);
        Assert.Equal("SignatureDoesNotMatch", error["Code"]);
        Assert.Contains("x-amz-meta-owner:mallory", error["CanonicalRequest"], StringComparison.Ordinal);
        Assert.Null(Server.Store.Get("media", "a.txt"));
    }

    [Fact]
    public async Task Path_changed_after_signing_is_SignatureDoesNotMatch()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.S3Async(HttpMethod.Put, "/media/a.txt", "x"u8.ToArray(), afterSigning: r => r.RequestUri = new Uri(r.RequestUri!, "/media/b.txt"));

        Assert.Equal("SignatureDoesNotMatch", (await RawClient.ErrorXmlAsync(response))["Code"]);
        Assert.Empty(Server.Store.List("media"));
    }

    [Fact]
    public async Task Query_changed_after_signing_is_SignatureDoesNotMatch()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.S3Async(HttpMethod.Get, "/media?list-type=2&prefix=mine/", afterSigning: r => r.RequestUri = new Uri(r.RequestUri!, "/media?list-type=2&prefix=theirs/"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", (await RawClient.ErrorXmlAsync(response))["Code"]);
    }

    [Fact]
    public async Task Presigned_get_from_the_sdk_works_and_a_changed_key_in_it_does_not()
    {
        Server.Store.Put("media", "shared.txt", "shared"u8.ToArray());
        using var s3 = Fixture.CreateS3Client();
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = "media",
            Key = "shared.txt",
            Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Protocol.HTTP,
            Verb = HttpVerb.GET,
        });
        using var http = new HttpClient();

        using var good = await http.GetAsync(new Uri(url));
        using var bad = await http.GetAsync(new Uri(url.Replace("shared.txt", "other.txt", StringComparison.Ordinal)));

        Assert.Equal("shared", await good.Content.ReadAsStringAsync());
        Assert.Equal("SignatureDoesNotMatch", (await RawClient.ErrorXmlAsync(bad))["Code"]);
    }

    [Fact]
    public async Task Multipart_complete_checks_order_etags_and_part_size_and_builds_the_composite_etag()
    {
        using var s3 = Fixture.CreateS3Client();
        var first = RandomNumberGenerator.GetBytes(5 * 1024 * 1024);
        var second = RandomNumberGenerator.GetBytes(1000);
        var upload = await s3.InitiateMultipartUploadAsync("media", "mp.bin");
        var p1 = await s3.UploadPartAsync(new UploadPartRequest { BucketName = "media", Key = "mp.bin", UploadId = upload.UploadId, PartNumber = 1, InputStream = new MemoryStream(first) });
        var p2 = await s3.UploadPartAsync(new UploadPartRequest { BucketName = "media", Key = "mp.bin", UploadId = upload.UploadId, PartNumber = 2, InputStream = new MemoryStream(second) });

        using var client = new RawClient(Fixture);
        var reversed = $"<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>{p2.ETag}</ETag></Part><Part><PartNumber>1</PartNumber><ETag>{p1.ETag}</ETag></Part></CompleteMultipartUpload>";
        using var outOfOrder = await client.S3Async(HttpMethod.Post, $"/media/mp.bin?uploadId={Uri.EscapeDataString(upload.UploadId)}", Encoding.UTF8.GetBytes(reversed));
        var wrongEtag = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => Complete(s3, upload.Key, upload.UploadId, (1, "\"0123456789abcdef0123456789abcdef\""), (2, p2.ETag)));
        var done = await Complete(s3, upload.Key, upload.UploadId, (1, p1.ETag), (2, p2.ETag));

        // The SDK sorts parts itself, so the wrong order can only come from a raw request.
        Assert.Equal("InvalidPartOrder", (await RawClient.ErrorXmlAsync(outOfOrder))["Code"]);
        Assert.Equal("InvalidPart", wrongEtag.ErrorCode);
        var md5s = MD5.HashData(first).Concat(MD5.HashData(second)).ToArray();
        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(md5s))}-2\"", done.ETag);
        Assert.Equal(first.Concat(second).ToArray(), Server.Store.Get("media", "mp.bin")!.Data);
        Assert.Equal(0, Server.Uploads.Count);
    }

    [Fact]
    public async Task Multipart_with_a_small_part_before_the_last_is_EntityTooSmall_and_abort_forgets_the_upload()
    {
        using var s3 = Fixture.CreateS3Client();
        var upload = await s3.InitiateMultipartUploadAsync("media", "small.bin");
        var p1 = await s3.UploadPartAsync(new UploadPartRequest { BucketName = "media", Key = "small.bin", UploadId = upload.UploadId, PartNumber = 1, InputStream = new MemoryStream(new byte[10]) });
        var p2 = await s3.UploadPartAsync(new UploadPartRequest { BucketName = "media", Key = "small.bin", UploadId = upload.UploadId, PartNumber = 2, InputStream = new MemoryStream(new byte[10]) });

        var tooSmall = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => Complete(s3, upload.Key, upload.UploadId, (1, p1.ETag), (2, p2.ETag)));
        var parts = await s3.ListPartsAsync("media", "small.bin", upload.UploadId);
        await s3.AbortMultipartUploadAsync("media", "small.bin", upload.UploadId);
        var afterAbort = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.UploadPartAsync(new UploadPartRequest { BucketName = "media", Key = "small.bin", UploadId = upload.UploadId, PartNumber = 3, InputStream = new MemoryStream(new byte[1]) }));

        Assert.Equal("EntityTooSmall", tooSmall.ErrorCode);
        Assert.Equal([1, 2], parts.Parts.Select(p => p.PartNumber ?? 0));
        Assert.Equal("NoSuchUpload", afterAbort.ErrorCode);
        Assert.Null(Server.Store.Get("media", "small.bin"));
    }

    [Fact]
    public async Task Put_with_a_wrong_content_md5_is_BadDigest()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.S3Async(
            HttpMethod.Put,
            "/media/md5.txt",
            "payload"u8.ToArray(),
            afterSigning: r => r.Content!.Headers.ContentMD5 = MD5.HashData("something else"u8));

        Assert.Equal("BadDigest", (await RawClient.ErrorXmlAsync(response))["Code"]);
        Assert.Null(Server.Store.Get("media", "md5.txt"));
    }

    [Fact]
    public async Task Put_with_a_wrong_crc32_header_is_BadDigest()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.S3Async(HttpMethod.Put, "/media/crc.txt", "payload"u8.ToArray(), beforeSigning: r => r.Headers.TryAddWithoutValidation("x-amz-checksum-crc32", "AAAAAA=="));

        var error = await RawClient.ErrorXmlAsync(response);
        Assert.Equal("BadDigest", error["Code"]);
        Assert.Equal("The CRC32 you specified did not match the calculated checksum.", error["Message"]);
    }

    [Theory]
    [InlineData("DUoRhQ==", HttpStatusCode.OK)]
    [InlineData("AAAAAA==", HttpStatusCode.BadRequest)]
    public async Task Unsigned_chunked_body_with_a_crc32_trailer_is_stored_only_when_the_trailer_matches(string crc, HttpStatusCode expected)
    {
        using var client = new RawClient(Fixture);
        var body = Encoding.ASCII.GetBytes($"b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:{crc}\r\n\r\n");
        using var response = await client.S3Async(
            HttpMethod.Put,
            "/media/trailer.txt",
            body,
            beforeSigning: r =>
            {
                r.Headers.TryAddWithoutValidation("x-amz-trailer", "x-amz-checksum-crc32");
                r.Headers.TryAddWithoutValidation("x-amz-decoded-content-length", "11");
            },
            payloadHash: "STREAMING-UNSIGNED-PAYLOAD-TRAILER");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, Server.Store.Get("media", "trailer.txt")?.Data.SequenceEqual("hello world"u8.ToArray()) == true);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(crc, response.Headers.GetValues("x-amz-checksum-crc32").Single());
        }
    }

    [Fact]
    public async Task S3_faults_answer_in_s3_xml_and_throttling_is_SlowDown()
    {
        Server.Faults.Add(FaultRule.Error("PutObject", 500, "InternalError", "disk on fire").OnCall(1));
        Server.Faults.Add(FaultRule.Throttle("GetObject"));
        using var client = new RawClient(Fixture);

        using var failed = await client.S3Async(HttpMethod.Put, "/media/f.txt", "x"u8.ToArray());
        using var retried = await client.S3Async(HttpMethod.Put, "/media/f.txt", "x"u8.ToArray());
        using var slowed = await client.S3Async(HttpMethod.Get, "/media/f.txt");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("disk on fire", (await RawClient.ErrorXmlAsync(failed))["Message"]);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, slowed.StatusCode);
        Assert.Equal("SlowDown", (await RawClient.ErrorXmlAsync(slowed))["Code"]);
    }

    [Fact]
    public async Task Unsupported_subresource_answers_NotImplemented()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.S3Async(HttpMethod.Get, "/media?policy");

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal("NotImplemented", (await RawClient.ErrorXmlAsync(response))["Code"]);
    }

    private static Task<CompleteMultipartUploadResponse> Complete(AmazonS3Client s3, string key, string uploadId, params (int Number, string ETag)[] parts) =>
        s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = "media",
            Key = key,
            UploadId = uploadId,
            PartETags = parts.Select(p => new PartETag(p.Number, p.ETag)).ToList(),
        });
}
