using System.Text;
using TranscribePS.Emulator.Auth;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Emulator.Tests.Server;

/// <summary>
/// AWS's published SigV4 test-suite vectors (aws-c-auth's aws-signing-test-suite/v4, credentials AKIDEXAMPLE,
/// 20150830T123600Z, us-east-1, service "service") and S3's documented chunked-upload example, typed in as data.
/// </summary>
public sealed class SigV4VectorTests
{
    private const string SuiteSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public static TheoryData<string, string> HeaderSignedVectors => new()
    {
        { "get-vanilla", Auth("GET / HTTP/1.1", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31") },
        { "get-vanilla-query-order-key-case", Auth("GET /?Param2=value2&Param1=value1 HTTP/1.1", "host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500") },
        {
            "get-vanilla-query-unreserved",
            Auth(
                "GET /?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz HTTP/1.1",
                "host;x-amz-date",
                "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197")
        },
        { "get-utf8", Auth("GET /\u1234 HTTP/1.1", "host;x-amz-date", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85") },
        { "get-space-normalized", Auth("GET /example space/ HTTP/1.1", "host;x-amz-date", "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741") },
        { "get-slash-dot-slash-normalized", Auth("GET /./ HTTP/1.1", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31") },
        {
            "get-header-value-trim",
            Auth("GET / HTTP/1.1", "host;my-header1;my-header2;x-amz-date", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736", "My-Header1: value1", "My-Header2: \"a   b   c\"")
        },
        {
            "get-header-value-order",
            Auth(
                "GET / HTTP/1.1",
                "host;my-header1;x-amz-date",
                "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01",
                "My-Header1:value4",
                "My-Header1:value1",
                "My-Header1:value3",
                "My-Header1:value2")
        },
        {
            "get-vanilla-with-session-token",
            Auth(
                "GET / HTTP/1.1",
                "host;x-amz-date;x-amz-security-token",
                "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8",
                "X-Amz-Security-Token:6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267")
        },
        { "post-vanilla", Auth("POST / HTTP/1.1", "host;x-amz-date", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b") },
        { "post-header-key-sort", Auth("POST / HTTP/1.1", "host;my-header1;x-amz-date", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c", "My-Header1:value1") },
        {
            "post-x-www-form-urlencoded",
            "POST / HTTP/1.1\nContent-Type:application/x-www-form-urlencoded\nHost:example.amazonaws.com\nContent-Length:13\n"
            + "x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\n"
            + "Authorization:AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, Signature=d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b\n"
            + "X-Amz-Date:20150830T123600Z\n\nParam1=value1"
        },
    };

    [Theory]
    [MemberData(nameof(HeaderSignedVectors))]
    public void Published_header_signed_vector_verifies(string name, string requestText)
    {
        var outcome = SuiteVerifier().Verify(ParseRequest(requestText), "service");

        Assert.True(outcome.Succeeded, $"{name}: {outcome.Failure} {outcome.Message}\n{outcome.CanonicalRequest}");
    }

    [Theory]
    [MemberData(nameof(HeaderSignedVectors))]
    public void Published_vector_with_one_signature_digit_changed_is_rejected(string name, string requestText)
    {
        var at = requestText.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length;
        var flipped = requestText[..at] + (requestText[at] == '0' ? '1' : '0') + requestText[(at + 1)..];

        var outcome = SuiteVerifier().Verify(ParseRequest(flipped), "service");

        Assert.True(outcome.Failure == AuthFailure.SignatureMismatch, $"{name}: {outcome.Failure}");
    }

    [Fact]
    public void Canonical_request_of_post_x_www_form_urlencoded_has_the_signed_headers_and_body_hash()
    {
        var request = ParseRequest(HeaderSignedVectors.Single(v => (string)v[0] == "post-x-www-form-urlencoded")[1].ToString()!);

        var outcome = SuiteVerifier().Verify(request, "service");

        Assert.Equal(
            "POST\n/\n\ncontent-length:13\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n"
            + "x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\nx-amz-date:20150830T123600Z\n\n"
            + "content-length;content-type;host;x-amz-content-sha256;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            outcome.CanonicalRequest);
    }

    [Fact]
    public void Published_signing_key_derivation_matches()
    {
        var key = SigV4.SigningKey(SuiteSecret, "20150830", "us-east-1", "service");

        Assert.Equal("938127b5336810ddb6a5d6af445fcac9e371f9ed418ed386b022aed82901be75", Convert.ToHexStringLower(key));
    }

    [Fact]
    public void Published_presigned_vector_verifies_within_its_expiry_and_is_refused_after()
    {
        const string request = "GET /?Param2=value2&Param1=value1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request"
            + "&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Expires=3600&X-Amz-Signature=86012e2c9ad4d77369f5d81c11f75158aae4f895a085212cc6d3f923d300bed5 HTTP/1.1\n"
            + "Host:example.amazonaws.com\n\n";
        var clock = new FixedClock(SuiteTime.AddMinutes(30));

        var fresh = SuiteVerifier(clock).Verify(ParseRequest(request), "service");
        clock.Advance(TimeSpan.FromMinutes(31));
        var stale = SuiteVerifier(clock).Verify(ParseRequest(request), "service");

        Assert.True(fresh.Succeeded, $"{fresh.Failure} {fresh.Message}\n{fresh.CanonicalRequest}");
        Assert.Equal(AuthFailure.Expired, stale.Failure);
    }

    [Fact]
    public void Header_signed_request_more_than_15_minutes_off_is_refused_as_skewed()
    {
        var request = ParseRequest(Auth("GET / HTTP/1.1", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));

        var outcome = SuiteVerifier(new FixedClock(SuiteTime.AddMinutes(16))).Verify(request, "service");

        Assert.Equal(AuthFailure.TimeSkewed, outcome.Failure);
        Assert.Contains("20150830T123600Z", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credential_scoped_to_another_region_or_service_is_refused()
    {
        var request = ParseRequest(Auth("GET / HTTP/1.1", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));

        var otherRegion = new SigV4Verifier([new("AKIDEXAMPLE", SuiteSecret)], "eu-west-1", new FixedClock(SuiteTime)).Verify(request, "service");
        var otherService = SuiteVerifier().Verify(request, "transcribe");

        Assert.Equal(AuthFailure.WrongRegion, otherRegion.Failure);
        Assert.Equal(AuthFailure.WrongService, otherService.Failure);
    }

    [Fact]
    public void A_security_token_header_that_is_not_signed_is_refused()
    {
        var request = ParseRequest(Auth("GET / HTTP/1.1", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", "X-Amz-Security-Token:smuggled"));

        var outcome = SuiteVerifier().Verify(request, "service");

        Assert.Equal(AuthFailure.UnsignedHeader, outcome.Failure);
    }

    [Fact]
    public void Unknown_access_key_and_missing_authorization_are_told_apart()
    {
        var unknown = ParseRequest(Auth("GET / HTTP/1.1", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31").Replace("AKIDEXAMPLE", "AKIDOTHER", StringComparison.Ordinal));
        var missing = ParseRequest("GET / HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z\n\n");

        Assert.Equal(AuthFailure.UnknownAccessKey, SuiteVerifier().Verify(unknown, "service").Failure);
        Assert.Equal(AuthFailure.MissingAuthentication, SuiteVerifier().Verify(missing, "service").Failure);
    }

    [Fact]
    public void S3_documented_chunked_upload_verifies_every_chunk_and_yields_the_payload()
    {
        var outcome = S3ExampleVerifier().Verify(S3ChunkedExample(corruptSecondChunk: false), "s3");

        Assert.True(outcome.Succeeded, $"{outcome.Failure} {outcome.Message}\n{outcome.CanonicalRequest}");
        Assert.Equal(66560, outcome.Payload.Length);
        Assert.All(outcome.Payload, b => Assert.Equal((byte)'a', b));
    }

    [Fact]
    public void S3_documented_chunked_upload_with_a_changed_chunk_is_refused()
    {
        var outcome = S3ExampleVerifier().Verify(S3ChunkedExample(corruptSecondChunk: true), "s3");

        Assert.Equal(AuthFailure.ChunkSignatureMismatch, outcome.Failure);
    }

    [Fact]
    public void Sdk_captured_signed_trailer_upload_verifies_and_yields_payload_and_checksum()
    {
        var outcome = SdkTrailerVerifier().Verify(SdkTrailerCapture(SdkTrailerBody), "s3");

        Assert.True(outcome.Succeeded, $"{outcome.Failure} {outcome.Message}\n{outcome.CanonicalRequest}");
        Assert.Equal("hello world"u8.ToArray(), outcome.Payload);
        Assert.Equal("DUoRhQ==", outcome.Trailers["x-amz-checksum-crc32"]);
    }

    [Fact]
    public void Sdk_captured_upload_with_a_changed_trailer_value_is_refused()
    {
        var outcome = SdkTrailerVerifier().Verify(SdkTrailerCapture(SdkTrailerBody.Replace("DUoRhQ==", "AAAAAA==", StringComparison.Ordinal)), "s3");

        Assert.Equal(AuthFailure.ChunkSignatureMismatch, outcome.Failure);
    }

    [Fact]
    public void Unsigned_trailer_body_is_decoded_without_signatures()
    {
        var outcome = SdkTrailerVerifier().Verify(UnsignedTrailerRequest(decodedLength: "11"), "s3");

        Assert.True(outcome.Succeeded, $"{outcome.Failure} {outcome.Message}");
        Assert.Equal("hello world"u8.ToArray(), outcome.Payload);
        Assert.Equal("DUoRhQ==", outcome.Trailers["x-amz-checksum-crc32"]);
    }

    [Fact]
    public void Decoded_length_that_disagrees_with_the_body_is_refused()
    {
        var outcome = SdkTrailerVerifier().Verify(UnsignedTrailerRequest(decodedLength: "12"), "s3");

        Assert.Equal(AuthFailure.DecodedLengthMismatch, outcome.Failure);
    }

    private static SignedRequest UnsignedTrailerRequest(string decodedLength) => SignForS3(new SignedRequest
    {
        Method = "PUT",
        RawPath = "/bench/k",
        Headers =
        [
            new("Host", "example.com"),
            new("x-amz-content-sha256", SigV4.StreamingUnsignedPayloadTrailer),
            new("x-amz-date", "20261121T064816Z"),
            new("x-amz-decoded-content-length", decodedLength),
        ],
        Body = Encoding.ASCII.GetBytes("b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n"),
    });

    [Theory]
    [InlineData("/a/./b/../c", "/a/c")]
    [InlineData("//example//", "/example/")]
    [InlineData("/", "/")]
    [InlineData("/example/..", "/")]
    public void Path_normalization_removes_dot_and_empty_segments(string path, string expected) =>
        Assert.Equal(expected, SigV4.NormalizePath(path));

    [Theory]
    [InlineData("/bucket/a%20b%2Bc.wav", CanonicalPathMode.EncodeOnce, "/bucket/a%20b%2Bc.wav")]
    [InlineData("/bucket/a/./b", CanonicalPathMode.EncodeOnce, "/bucket/a/./b")]
    [InlineData("/a%20b", CanonicalPathMode.NormalizeEncodeTwice, "/a%2520b")]
    public void Canonical_uri_is_encoded_once_for_s3_and_twice_elsewhere(string raw, CanonicalPathMode mode, string expected) =>
        Assert.Equal(expected, SigV4.CanonicalUri(raw, mode));

    private static string Auth(string requestLine, string signedHeaders, string signature, params string[] extraHeaders) =>
        requestLine + "\nHost:example.amazonaws.com\n" + string.Concat(extraHeaders.Select(h => h + "\n"))
        + $"Authorization:AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders={signedHeaders}, Signature={signature}\n"
        + "X-Amz-Date:20150830T123600Z\n\n";

    private static SigV4Verifier SuiteVerifier(TimeProvider? clock = null) =>
        new([new("AKIDEXAMPLE", SuiteSecret)], "us-east-1", clock ?? new FixedClock(SuiteTime), _ => CanonicalPathMode.NormalizeEncodeOnce);

    private static SigV4Verifier S3ExampleVerifier() =>
        new([new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")], "us-east-1", new FixedClock(new DateTimeOffset(2013, 5, 24, 0, 0, 0, TimeSpan.Zero)));

    /// <summary>The S3 docs' "PUT Object in chunks": 66560 bytes of 'a' as 64 KiB + 1 KiB + final chunk.</summary>
    private static SignedRequest S3ChunkedExample(bool corruptSecondChunk)
    {
        var body = new MemoryStream();
        foreach (var (size, signature) in new[]
        {
            (65536, "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648"),
            (1024, "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497"),
            (0, "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"),
        })
        {
            body.Write(Encoding.ASCII.GetBytes($"{size:x};chunk-signature={signature}\r\n"));
            var data = Enumerable.Repeat((byte)'a', size).ToArray();
            if (corruptSecondChunk && size == 1024)
            {
                data[10] = (byte)'b';
            }

            body.Write(data);
            body.Write("\r\n"u8);
        }

        return new SignedRequest
        {
            Method = "PUT",
            RawPath = "/examplebucket/chunkObject.txt",
            Headers =
            [
                new("Host", "s3.amazonaws.com"),
                new("x-amz-date", "20130524T000000Z"),
                new("x-amz-storage-class", "REDUCED_REDUNDANCY"),
                new("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9"),
                new("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
                new("Content-Encoding", "aws-chunked"),
                new("x-amz-decoded-content-length", "66560"),
                new("Content-Length", "66824"),
            ],
            Body = body.ToArray(),
        };
    }

    /// <summary>
    /// A PutObject that AWSSDK.S3 4.0.104.2 sent (captured on the wire; credentials AK/SK): signed chunks and a
    /// signed CRC32 trailer placed straight after the final chunk.
    /// </summary>
    private const string SdkTrailerBody =
        "B;chunk-signature=e3bbb3165d80993bac84166a690541f056f4241083d416f08ec10abaddbf0924\r\nhello world\r\n"
        + "0;chunk-signature=237326deef32324589a50a9a056edae3761ba8891f767795556a03a2ba4d3513\r\n"
        + "x-amz-checksum-crc32:DUoRhQ==\r\n"
        + "x-amz-trailer-signature:7fc7e0b0e0ced8e83a9b6f341017bc64b7e25946ffc97418fe1c14c9af885b0a\r\n\r\n";

    private static SigV4Verifier SdkTrailerVerifier() =>
        new([new("AK", "SK")], "us-east-1", new FixedClock(new DateTimeOffset(2026, 11, 21, 6, 48, 16, TimeSpan.Zero)));

    private static SignedRequest SdkTrailerCapture(string body) => new()
    {
        Method = "PUT",
        RawPath = "/bench/k",
        Headers =
        [
            new("x-amz-sdk-checksum-algorithm", "CRC32"),
            new("Host", "127.0.0.1:47123"),
            new("X-Amz-Date", "20261121T064816Z"),
            new("X-Amz-Trailer", "x-amz-checksum-crc32"),
            new("X-Amz-Decoded-Content-Length", "11"),
            new("X-Amz-Content-SHA256", SigV4.StreamingPayloadTrailer),
            new("Authorization", "AWS4-HMAC-SHA256 Credential=AK/20261121/us-east-1/s3/aws4_request, SignedHeaders=content-encoding;content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-sdk-checksum-algorithm;x-amz-trailer, Signature=3991876705ded394de90b4373683a7765e6ecb0a0a78d9228f1a7c77b1667a99"),
            new("Content-Length", "304"),
            new("Content-Type", "text/plain"),
            new("Content-Encoding", "aws-chunked"),
        ],
        Body = Encoding.ASCII.GetBytes(body),
    };

    /// <summary>Header-signs a request (every header it has) with AK/SK for s3 in us-east-1.</summary>
    private static SignedRequest SignForS3(SignedRequest request)
    {
        var headers = request.Headers.Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).ToList();
        var signed = headers.Select(h => h.Key.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        var amzDate = request.Header("x-amz-date")!;
        var canonical = SigV4.CanonicalRequest(request.Method, SigV4.CanonicalUri(request.RawPath, CanonicalPathMode.EncodeOnce), string.Empty, SigV4.CanonicalHeaders(signed, headers), string.Join(';', signed), request.Header("x-amz-content-sha256")!);
        var scope = $"{amzDate[..8]}/us-east-1/s3/aws4_request";
        var signature = SigV4.Sign(SigV4.SigningKey("SK", amzDate[..8], "us-east-1", "s3"), SigV4.StringToSign(amzDate, scope, canonical));
        headers.Add(new("Authorization", $"AWS4-HMAC-SHA256 Credential=AK/{scope}, SignedHeaders={string.Join(';', signed)}, Signature={signature}"));
        return new SignedRequest { Method = request.Method, RawPath = request.RawPath, Headers = headers, Body = request.Body };
    }

    /// <summary>Reads the suite's request files: request line, "Name:value" header lines, blank line, body.</summary>
    private static SignedRequest ParseRequest(string text)
    {
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var lines = text[..split].Split('\n');
        var parts = lines[0].Split(' ');
        var target = string.Join(' ', parts[1..^1]);
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return new SignedRequest
        {
            Method = parts[0],
            RawPath = query < 0 ? target : target[..query],
            RawQuery = query < 0 ? string.Empty : target[(query + 1)..],
            Headers = lines[1..].Select(l => l.Split(':', 2)).Select(kv => new KeyValuePair<string, string>(kv[0], kv[1])).ToList(),
            Body = Encoding.UTF8.GetBytes(text[(split + 2)..]),
        };
    }
}
