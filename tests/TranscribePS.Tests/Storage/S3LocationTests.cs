using TranscribePS.Core.Storage;

namespace TranscribePS.Tests.Storage;

public class S3LocationTests
{
    [Theory]
    [InlineData("s3://calls/2026/visit 1.wav", "calls", "2026/visit 1.wav", null)]
    [InlineData("S3://calls/a%20b.wav", "calls", "a%20b.wav", null)]
    [InlineData("s3://calls", "calls", "", null)]
    [InlineData("s3://calls/prefix/", "calls", "prefix/", null)]
    [InlineData("https://s3.amazonaws.com/calls/2026/visit%201.wav", "calls", "2026/visit 1.wav", null)]
    [InlineData("https://s3.eu-west-2.amazonaws.com/calls/k.json", "calls", "k.json", "eu-west-2")]
    [InlineData("https://s3-eu-west-1.amazonaws.com/calls/k.json", "calls", "k.json", "eu-west-1")]
    [InlineData("https://s3-external-1.amazonaws.com/calls/k.json", "calls", "k.json", "us-east-1")]
    [InlineData("https://s3.dualstack.us-west-2.amazonaws.com/calls/k.json", "calls", "k.json", "us-west-2")]
    [InlineData("https://calls.s3.amazonaws.com/2026/k.json", "calls", "2026/k.json", null)]
    [InlineData("https://calls.s3.ap-south-1.amazonaws.com/k.json", "calls", "k.json", "ap-south-1")]
    [InlineData("https://calls.s3-ap-southeast-2.amazonaws.com/k.json", "calls", "k.json", "ap-southeast-2")]
    [InlineData("https://calls.s3.dualstack.eu-central-1.amazonaws.com/k.json", "calls", "k.json", "eu-central-1")]
    [InlineData("https://my.s3.bucket.s3.us-east-2.amazonaws.com/k.json", "my.s3.bucket", "k.json", "us-east-2")]
    [InlineData("https://calls.s3.cn-north-1.amazonaws.com.cn/k.json", "calls", "k.json", "cn-north-1")]
    [InlineData("https://s3.us-gov-west-1.amazonaws.com/calls/k.json", "calls", "k.json", "us-gov-west-1")]
    [InlineData("https://calls.s3.amazonaws.com/%C3%A9t%C3%A9/r%C3%A9sum%C3%A9%2B1.wav", "calls", "été/résumé+1.wav", null)]
    [InlineData("https://calls.s3.amazonaws.com/a+b/50%2525.wav", "calls", "a+b/50%25.wav", null)]
    [InlineData("https://calls.s3.amazonaws.com/dir/../x.wav", "calls", "dir/../x.wav", null)]
    [InlineData("https://calls.s3.amazonaws.com/日本/音声.wav", "calls", "日本/音声.wav", null)]
    public void Parse_reads_bucket_key_and_region_from_every_form(string text, string bucket, string key, string? region)
    {
        var location = S3Location.Parse(text);

        Assert.Equal(bucket, location.Bucket);
        Assert.Equal(key, location.Key);
        Assert.Equal(region, location.Region);
        Assert.False(location.IsPresigned);
    }

    [Fact]
    public void Presigned_url_is_recognised_and_kept_whole_but_never_printed()
    {
        const string url = "https://s3.us-east-1.amazonaws.com/aws-transcribe-us-east-1-prod/1234/call-7/asrOutput.json?X-Amz-Security-Token=IQoJb3JpZ2luX2VjEFAKE&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=900&X-Amz-Credential=ASIAEXAMPLE%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=abcdef0123";

        var location = S3Location.Parse(url);

        Assert.True(location.IsPresigned);
        Assert.Equal(url, location.PresignedUrl.OriginalString);
        Assert.Equal("aws-transcribe-us-east-1-prod", location.Bucket);
        Assert.Equal("1234/call-7/asrOutput.json", location.Key);
        Assert.Equal("asrOutput.json", location.FileName);
        Assert.Equal("s3://aws-transcribe-us-east-1-prod/1234/call-7/asrOutput.json", location.ToString());
        Assert.DoesNotContain("IQoJb3JpZ2luX2VjEFAKE", location.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:45401/aws-transcribe-us-east-1-prod/123/call-7/asrOutput.json?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=ab12")]
    [InlineData("https://minio.example.net/aws-transcribe-us-east-1-prod/123/call-7/asrOutput.json?X-Amz-Signature=ab12&X-Amz-Expires=900")]
    public void Presigned_url_on_an_S3_compatible_host_is_read_path_style_as_given(string url)
    {
        var location = S3Location.Parse(url);

        Assert.True(location.IsPresigned);
        Assert.Equal(url, location.PresignedUrl.OriginalString);
        Assert.Equal("s3://aws-transcribe-us-east-1-prod/123/call-7/asrOutput.json", location.ToString());
        Assert.Null(location.Region);
    }

    [Theory]
    [InlineData("https://example.com/calls/k.wav")]
    [InlineData("https://calls.s3-website-us-east-1.amazonaws.com/k.wav")]
    [InlineData("https://dynamodb.us-east-1.amazonaws.com/")]
    [InlineData("ftp://calls/k.wav")]
    [InlineData("C:\\recordings\\k.wav")]
    [InlineData("calls/k.wav")]
    public void Non_s3_addresses_are_rejected_with_the_accepted_forms(string text)
    {
        var ex = Assert.Throws<FormatException>(() => S3Location.Parse(text));

        Assert.Contains("is not an S3 location", ex.Message, StringComparison.Ordinal);
        Assert.Contains("s3://bucket/key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejection_of_a_url_with_a_query_does_not_echo_the_query()
    {
        var ok = S3Location.TryParse("https://example.com/k.json?X-Amz-Security-Token=SECRETTOKEN", out _, out var error);

        Assert.False(ok);
        Assert.DoesNotContain("SECRETTOKEN", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SafeName_shows_a_presigned_url_as_its_s3_form_without_signature_or_token()
    {
        var name = S3Location.SafeName("https://svc-bucket.s3.us-east-1.amazonaws.com/calls/call-7.json?X-Amz-Signature=abc123&X-Amz-Security-Token=SECRETTOKEN");

        Assert.Equal("s3://svc-bucket/calls/call-7.json", name);
    }

    [Theory]
    [InlineData("s3://calls/k.json")]
    [InlineData("https://calls.s3.amazonaws.com/k.json")]
    [InlineData("not a uri")]
    public void SafeName_leaves_addresses_without_a_signature_as_given(string uri) =>
        Assert.Equal(uri, S3Location.SafeName(uri));

    [Theory]
    [InlineData("s3://")]
    [InlineData("s3:///key")]
    [InlineData("s3://a/key")]
    [InlineData("https://s3.amazonaws.com/")]
    [InlineData("")]
    public void Missing_or_invalid_bucket_is_rejected(string text) =>
        Assert.False(S3Location.TryParse(text, out _, out _));

    [Fact]
    public void Https_forms_parse_to_the_same_bucket_and_key_with_spaces_unicode_and_reserved_characters()
    {
        var location = new S3Location("calls", "2026/01 visit/résumé #1+2%.wav");

        foreach (var text in new[]
        {
            location.ToString(),
            "https://s3.eu-west-1.amazonaws.com/calls/2026/01%20visit/r%C3%A9sum%C3%A9%20%231%2B2%25.wav",
            "https://calls.s3.eu-west-1.amazonaws.com/2026/01%20visit/r%C3%A9sum%C3%A9%20%231%2B2%25.wav",
        })
        {
            var parsed = S3Location.Parse(text);
            Assert.Equal(location.Bucket, parsed.Bucket);
            Assert.Equal(location.Key, parsed.Key);
        }
    }
}
