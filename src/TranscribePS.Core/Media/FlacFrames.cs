namespace TranscribePS.Core.Media;

/// <summary>What a FLAC stream's STREAMINFO block says (the fields the frame check needs).</summary>
internal sealed record FlacStreamInfo(int MaxBlockSize, int MaxFrameSize, int SampleRate, int Channels, int Bits, long TotalSamples);

/// <summary>
/// How far a FLAC file's audio really reaches, read from its last frames: FLAC is compressed, so its size says nothing
/// about its length, but every frame header carries the number of its first sample (or its frame number). The end of
/// the file is searched for frame headers (sync code, fields that agree with STREAMINFO, CRC-8), and the last header
/// that follows on from an earlier one there (or starts the stream) gives the samples reached. Reads at most
/// <see cref="MaxWindow"/> bytes from the end.
/// </summary>
internal static class FlacFrames
{
    private const int DefaultWindow = 256 * 1024;
    private const int MaxWindow = 1024 * 1024;
    private const int MaxCandidates = 4096;

    private static readonly int[] SampleRates = [0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000];

    /// <summary>
    /// The number of samples the frames at the end of the file reach; 0 when the whole audio was searched and holds no
    /// frame; null when this cannot be told (no frame that follows on from another in the part searched).
    /// </summary>
    public static long? SamplesReached(Stream stream, long audioStart, FlacStreamInfo info)
    {
        long end = stream.Length;
        long audio = end - audioStart;
        if (audio <= 0)
        {
            return 0;
        }

        // Two whole frames must fit in the window for one to follow on from the other.
        long window = info.MaxFrameSize > 0 ? Math.Min((2L * info.MaxFrameSize) + 64, MaxWindow) : DefaultWindow;
        window = Math.Min(window, audio);
        var data = new byte[window];
        stream.Position = end - window;
        int read = 0;
        while (read < data.Length)
        {
            int n = stream.Read(data, read, data.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        // From the end backwards (the last frames are what matter), then put back in file order.
        var headers = new List<(long Start, int BlockSize)>();
        for (int at = read - 6; at >= 0 && headers.Count < MaxCandidates; at--)
        {
            if (data[at] == 0xFF && (data[at + 1] & 0xFE) == 0xF8 && TryHeader(data.AsSpan(at, read - at), info) is { } header)
            {
                headers.Add(header);
            }
        }

        headers.Reverse();

        for (int i = headers.Count - 1; i >= 0; i--)
        {
            var candidate = headers[i];
            bool followsOn = candidate.Start == 0;
            for (int j = i - 1; j >= 0 && !followsOn; j--)
            {
                followsOn = headers[j].Start + headers[j].BlockSize == candidate.Start;
            }

            if (followsOn)
            {
                return candidate.Start + candidate.BlockSize;
            }
        }

        return window == audio && headers.Count < MaxCandidates ? 0 : null;
    }

    /// <summary>A frame header at the start of <paramref name="d"/>: its first sample and block size, or null.</summary>
    private static (long Start, int BlockSize)? TryHeader(ReadOnlySpan<byte> d, FlacStreamInfo info)
    {
        bool variable = (d[1] & 1) == 1;
        int blockCode = d[2] >> 4;
        int rateCode = d[2] & 0xF;
        int channelCode = d[3] >> 4;
        int sizeCode = (d[3] >> 1) & 0x7;
        if (blockCode == 0 || rateCode == 15 || channelCode > 10 || sizeCode == 3 || (d[3] & 1) != 0)
        {
            return null;
        }

        if ((channelCode < 8 ? channelCode + 1 : 2) != info.Channels)
        {
            return null;
        }

        int bits = sizeCode switch { 0 => info.Bits, 1 => 8, 2 => 12, 4 => 16, 5 => 20, 6 => 24, _ => 32 };
        if (bits != info.Bits || rateCode is >= 1 and <= 11 && SampleRates[rateCode] != info.SampleRate)
        {
            return null;
        }

        int at = 4;
        if (!TryCodedNumber(d, ref at, out long number))
        {
            return null;
        }

        int blockSize;
        switch (blockCode)
        {
            case 1:
                blockSize = 192;
                break;
            case <= 5:
                blockSize = 576 << (blockCode - 2);
                break;
            case 6:
                if (at + 1 > d.Length)
                {
                    return null;
                }

                blockSize = d[at++] + 1;
                break;
            case 7:
                if (at + 2 > d.Length)
                {
                    return null;
                }

                blockSize = (d[at] << 8 | d[at + 1]) + 1;
                at += 2;
                break;
            default:
                blockSize = 256 << (blockCode - 8);
                break;
        }

        at += rateCode switch { 12 => 1, 13 or 14 => 2, _ => 0 };
        if (at >= d.Length || Crc8(d[..at]) != d[at] || info.MaxBlockSize > 0 && blockSize > info.MaxBlockSize)
        {
            return null;
        }

        // A fixed-blocksize stream numbers frames; every frame but the last holds the nominal (maximum) block size.
        return variable ? (number, blockSize) : info.MaxBlockSize > 0 ? (number * info.MaxBlockSize, blockSize) : null;
    }

    /// <summary>The UTF-8-style coded frame or sample number (1 to 7 bytes, up to 36 bits).</summary>
    private static bool TryCodedNumber(ReadOnlySpan<byte> d, ref int at, out long value)
    {
        value = 0;
        if (at >= d.Length)
        {
            return false;
        }

        byte first = d[at++];
        int more;
        if (first < 0x80)
        {
            value = first;
            return true;
        }
        else if ((first & 0xE0) == 0xC0)
        {
            more = 1;
            value = first & 0x1F;
        }
        else if ((first & 0xF0) == 0xE0)
        {
            more = 2;
            value = first & 0x0F;
        }
        else if ((first & 0xF8) == 0xF0)
        {
            more = 3;
            value = first & 0x07;
        }
        else if ((first & 0xFC) == 0xF8)
        {
            more = 4;
            value = first & 0x03;
        }
        else if ((first & 0xFE) == 0xFC)
        {
            more = 5;
            value = first & 0x01;
        }
        else if (first == 0xFE)
        {
            more = 6;
        }
        else
        {
            return false;
        }

        for (int i = 0; i < more; i++)
        {
            if (at >= d.Length || (d[at] & 0xC0) != 0x80)
            {
                return false;
            }

            value = value << 6 | (long)(d[at++] & 0x3F);
        }

        return true;
    }

    /// <summary>CRC-8 of a frame header: polynomial x^8 + x^2 + x + 1, initial value 0.</summary>
    private static byte Crc8(ReadOnlySpan<byte> bytes)
    {
        int crc = 0;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++)
            {
                crc = (crc & 0x80) != 0 ? (crc << 1) ^ 0x07 : crc << 1;
            }
        }

        return (byte)crc;
    }
}
