using System.Globalization;
using System.Text;

namespace TranscribePS.Emulator.Auth;

/// <summary>The seed signature and scope that chain the signature of each aws-chunked chunk.</summary>
public sealed record ChunkSigning(byte[] SigningKey, string AmzDate, string Scope, string SeedSignature);

/// <summary>
/// Removes aws-chunked framing: "hex-size[;chunk-signature=sig]\r\n data \r\n" … a zero-size chunk, then optional
/// trailer lines ("name:value\r\n", with x-amz-trailer-signature when signed) and a blank line.
/// </summary>
public sealed class AwsChunkedDecoder(ChunkSigning? signing, bool expectTrailer)
{
    public sealed record Result(byte[] Payload, IReadOnlyDictionary<string, string> Trailers, AuthFailure? Failure, string Message);

    public Result Decode(ReadOnlySpan<byte> body)
    {
        var payload = new MemoryStream();
        var previous = signing?.SeedSignature;
        var position = 0;
        while (true)
        {
            var lineEnd = IndexOfCrLf(body, position);
            if (lineEnd < 0)
            {
                return Malformed("a chunk header is not terminated by CRLF");
            }

            var header = Encoding.ASCII.GetString(body[position..lineEnd]);
            position = lineEnd + 2;
            var semicolon = header.IndexOf(';', StringComparison.Ordinal);
            var sizeText = semicolon < 0 ? header : header[..semicolon];
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0 || position + size > body.Length)
            {
                return Malformed($"chunk size '{sizeText}' is not valid hex or runs past the body");
            }

            var data = body.Slice(position, size);
            if (signing is not null)
            {
                const string marker = "chunk-signature=";
                var sigAt = header.IndexOf(marker, StringComparison.Ordinal);
                if (sigAt < 0)
                {
                    return Malformed("a chunk has no chunk-signature");
                }

                var given = header[(sigAt + marker.Length)..].Trim();
                var expected = SigV4.Sign(signing.SigningKey, SigV4.ChunkStringToSign(signing.AmzDate, signing.Scope, previous!, data));
                if (!SigV4.FixedTimeEquals(expected, given.ToLowerInvariant()))
                {
                    return new([], new Dictionary<string, string>(), AuthFailure.ChunkSignatureMismatch, "The chunk signature we calculated does not match the signature you provided.");
                }

                previous = expected;
            }

            payload.Write(data);
            position += size;
            if (size == 0)
            {
                break;
            }

            if (position + 2 > body.Length || body[position] != '\r' || body[position + 1] != '\n')
            {
                return Malformed("chunk data is not followed by CRLF");
            }

            position += 2;
        }

        return ReadTrailers(body[position..], payload.ToArray(), previous);
    }

    private Result ReadTrailers(ReadOnlySpan<byte> rest, byte[] payload, string? previousSignature)
    {
        var trailers = new Dictionary<string, string>(StringComparer.Ordinal);
        string? trailerSignature = null;
        foreach (var line in Encoding.ASCII.GetString(rest).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return Malformed($"trailer line '{line}' is not name:value");
            }

            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (name == "x-amz-trailer-signature")
            {
                trailerSignature = value;
            }
            else
            {
                trailers[name] = value;
            }
        }

        if (signing is not null && expectTrailer)
        {
            if (trailerSignature is null)
            {
                return Malformed("the trailer has no x-amz-trailer-signature");
            }

            var expected = SigV4.Sign(signing.SigningKey, SigV4.TrailerStringToSign(signing.AmzDate, signing.Scope, previousSignature!, trailers));
            if (!SigV4.FixedTimeEquals(expected, trailerSignature.ToLowerInvariant()))
            {
                return new([], trailers, AuthFailure.ChunkSignatureMismatch, "The trailer signature we calculated does not match the signature you provided.");
            }
        }

        if (!expectTrailer && trailers.Count > 0)
        {
            return Malformed("trailing headers were sent but x-amz-content-sha256 announced none");
        }

        return new(payload, trailers, null, string.Empty);
    }

    private static int IndexOfCrLf(ReadOnlySpan<byte> body, int from)
    {
        var index = body[from..].IndexOf("\r\n"u8);
        return index < 0 ? -1 : from + index;
    }

    private static Result Malformed(string why) =>
        new([], new Dictionary<string, string>(), AuthFailure.MalformedChunkedBody, $"The aws-chunked body is malformed: {why}.");
}
