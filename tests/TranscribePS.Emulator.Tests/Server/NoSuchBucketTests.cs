using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Emulator.Tests.Server;

/// <summary>
/// A bucket that was never created answers NoSuchBucket (404), as S3 does, whatever the operation: a typo in a
/// bucket name fails here as it fails in AWS, instead of quietly creating the bucket.
/// </summary>
public sealed class NoSuchBucketTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private const string Typo = "recordigns";

    public static TheoryData<string> Operations => new() { "GetObject", "PutObject", "ListObjectsV2", "ListObjects", "DeleteObject", "CreateMultipartUpload", "DeleteObjects", "CopyObject" };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task An_operation_on_a_bucket_never_created_answers_NoSuchBucket(string operation)
    {
        Server.Store.Put("recordings", "src.wav", [1, 2, 3]);
        using var s3 = Fixture.CreateS3Client();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => operation switch
        {
            "GetObject" => s3.GetObjectAsync(Typo, "visit.wav"),
            "PutObject" => s3.PutObjectAsync(new PutObjectRequest { BucketName = Typo, Key = "visit.wav", ContentBody = "x" }),
            "ListObjectsV2" => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Typo }),
            "ListObjects" => s3.ListObjectsAsync(Typo),
            "DeleteObject" => s3.DeleteObjectAsync(Typo, "visit.wav"),
            "CreateMultipartUpload" => s3.InitiateMultipartUploadAsync(Typo, "visit.wav"),
            "DeleteObjects" => s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = Typo, Objects = [new() { Key = "visit.wav" }] }),
            "CopyObject" => s3.CopyObjectAsync("recordings", "src.wav", Typo, "copy.wav"),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        });

        Assert.Equal("NoSuchBucket", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("The specified bucket does not exist", error.Message);
        Assert.DoesNotContain(Typo, Server.Store.Buckets());
    }

    [Fact]
    public async Task HeadBucket_and_HeadObject_of_a_bucket_never_created_are_404_without_a_body()
    {
        using var client = new RawClient(Fixture);
        using var bucket = await client.S3Async(HttpMethod.Head, "/" + Typo);
        using var obj = await client.S3Async(HttpMethod.Head, $"/{Typo}/visit.wav");

        Assert.Equal(HttpStatusCode.NotFound, bucket.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, obj.StatusCode);
        Assert.Empty(await bucket.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Copying_from_a_bucket_never_created_answers_NoSuchBucket()
    {
        using var s3 = Fixture.CreateS3Client();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.CopyObjectAsync(Typo, "src.wav", "recordings", "copy.wav"));

        Assert.Equal("NoSuchBucket", error.ErrorCode);
    }

    [Fact]
    public async Task After_CreateBucket_the_same_calls_succeed_and_DeleteBucket_makes_it_missing_again()
    {
        using var s3 = Fixture.CreateS3Client();
        await s3.PutBucketAsync("made-now");

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "made-now", Key = "a.txt", ContentBody = "x" });
        var head = await s3.GetBucketLocationAsync("made-now");
        await s3.DeleteObjectAsync("made-now", "a.txt");
        await s3.DeleteBucketAsync("made-now");
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "made-now" }));

        Assert.Equal(HttpStatusCode.OK, head.HttpStatusCode);
        Assert.Equal("NoSuchBucket", error.ErrorCode);
    }

    [Fact]
    public async Task The_start_up_buckets_exist_and_ListBuckets_shows_them()
    {
        using var s3 = Fixture.CreateS3Client();

        var listed = (await s3.ListBucketsAsync()).Buckets.Select(b => b.BucketName);

        Assert.Equal(TestBuckets.Names, listed);
    }

    [Fact]
    public async Task NoSuchBucket_names_the_bucket_in_the_error_document()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.S3Async(HttpMethod.Get, $"/{Typo}/visit.wav");

        var error = await RawClient.ErrorXmlAsync(response);

        Assert.Equal("NoSuchBucket", error["Code"]);
        Assert.Equal(Typo, error["BucketName"]);
    }
}
