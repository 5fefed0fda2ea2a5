using System.Buffers.Binary;

namespace TranscribePS.Emulator.Media;

/// <summary>
/// What the emulated service reads from a media object's first bytes: the container and, for WAV and FLAC, the
/// stream's sample rate, channels and length. The emulator's own reading, written apart from the module's probe, so
/// a bug in the module's header parsing shows up against the emulator instead of being agreed with.
/// </summary>
public sealed record MediaHeader(string? Format, int? SampleRateHertz = null, int? Channels = null, TimeSpan? Duration = null)
{
    /// <summary>Reads a whole stored object (the emulator keeps objects in memory).</summary>
    public static MediaHeader Read(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return ReadWave(data);
        }

        var afterTag = data[Id3TagLength(data)..];
        if (afterTag.StartsWith("fLaC"u8))
        {
            return ReadFlac(afterTag);
        }

        if (afterTag.Length < data.Length || data.Length >= 2 && data[0] == 0xFF && (data[1] & 0xE0) == 0xE0)
        {
            return new MediaHeader("mp3");
        }

        if (data.StartsWith("OggS"u8))
        {
            return new MediaHeader("ogg");
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return new MediaHeader("webm");
        }

        if (data.StartsWith("#!AMR"u8))
        {
            return new MediaHeader("amr");
        }

        if (data.Length >= 12 && data.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = data.Slice(8, 3);
            return new MediaHeader(brand.SequenceEqual("M4A"u8) || brand.SequenceEqual("M4B"u8) ? "m4a" : "mp4");
        }

        return new MediaHeader(Format: null);
    }

    /// <summary>RIFF chunks after "WAVE": "fmt " gives rate, channels and bytes per second; "data" gives the length.</summary>
    private static MediaHeader ReadWave(ReadOnlySpan<byte> data)
    {
        int? rate = null, channels = null;
        uint bytesPerSecond = 0;
        int at = 12;
        while (at + 8 <= data.Length)
        {
            var id = data.Slice(at, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(at + 4, 4));
            int body = at + 8;
            if (id.SequenceEqual("fmt "u8) && size >= 16 && body + 16 <= data.Length)
            {
                channels = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(body + 2, 2));
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(body + 4, 4));
                bytesPerSecond = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(body + 8, 4));
            }
            else if (id.SequenceEqual("data"u8))
            {
                // A writer that streams leaves the size 0 or 0xFFFFFFFF: the audio then runs to the end of the object.
                // A size past the end of the object (a copy that did not finish) counts only what is there: the service
                // reads the audio, not the header's claim, so a 44-byte file that declares hours is too short.
                long audioBytes = size is 0 or uint.MaxValue ? data.Length - body : Math.Min(size, data.Length - body);
                TimeSpan? length = bytesPerSecond == 0 ? null : TimeSpan.FromSeconds(audioBytes / (double)bytesPerSecond);
                return new MediaHeader("wav", rate, channels, length);
            }

            // Chunks are word-aligned: an odd size is followed by one pad byte.
            long next = body + (long)size + (size % 2);
            if (next > data.Length)
            {
                break;
            }

            at = (int)next;
        }

        return new MediaHeader("wav", rate, channels);
    }

    /// <summary>
    /// "fLaC", then the first metadata block, which must be STREAMINFO (type 0, 34 bytes). The service decodes the audio,
    /// so a file cut short is as long as its frames, not as STREAMINFO's total: the frames are walked from the first,
    /// each header (sync code, CRC-8) having to carry the next frame or sample number, and the length is where that
    /// chain ends.
    /// </summary>
    private static MediaHeader ReadFlac(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 + 34 || (data[4] & 0x7F) != 0)
        {
            return new MediaHeader("flac");
        }

        // STREAMINFO from byte 10: sample rate (20 bits), channels - 1 (3), bits per sample - 1 (5), total samples (36).
        var info = data.Slice(8, 34);
        int rate = info[10] << 12 | info[11] << 4 | info[12] >> 4;
        int channels = ((info[12] >> 1) & 0b111) + 1;
        long samples = (long)(info[13] & 0x0F) << 32 | (long)info[14] << 24 | (long)info[15] << 16 | (long)info[16] << 8 | info[17];
        if (rate == 0 || samples == 0)
        {
            return new MediaHeader("flac", rate, channels);
        }

        long decoded = Math.Min(samples, DecodableSamples(data, AudioStart(data)));
        return new MediaHeader("flac", rate, channels, TimeSpan.FromSeconds(decoded / (double)rate));
    }

    /// <summary>Where the frames begin: after the metadata block whose header has the "last" bit.</summary>
    private static int AudioStart(ReadOnlySpan<byte> data)
    {
        int at = 4;
        while (at + 4 <= data.Length)
        {
            bool last = (data[at] & 0x80) != 0;
            at += 4 + (data[at + 1] << 16 | data[at + 2] << 8 | data[at + 3]);
            if (last)
            {
                break;
            }
        }

        return Math.Min(at, data.Length);
    }

    /// <summary>Samples covered by the chain of frames from the first one: each next header must start where the last ended.</summary>
    private static long DecodableSamples(ReadOnlySpan<byte> data, int at)
    {
        long next = 0;
        long frameIndex = 0;
        for (int i = at; i + 6 <= data.Length; i++)
        {
            if (data[i] != 0xFF || (data[i + 1] & 0xFE) != 0xF8 || FrameHeader(data[i..]) is not var (variable, number, block, length))
            {
                continue;
            }

            long first = variable ? number : number == frameIndex ? next : -1;
            if (first != next)
            {
                continue;
            }

            next += block;
            frameIndex++;
            i += length - 1;
        }

        return next;
    }

    /// <summary>A frame header: blocking strategy, coded number, block size and header length including its CRC-8.</summary>
    private static (bool Variable, long Number, int Block, int Length)? FrameHeader(ReadOnlySpan<byte> f)
    {
        int blockCode = f[2] >> 4;
        int rateCode = f[2] & 0x0F;
        if (blockCode == 0 || rateCode == 0x0F || (f[3] & 0x01) != 0 || (f[3] >> 4) > 10)
        {
            return null;
        }

        int pos = 4;
        int extra = f[pos] switch { < 0x80 => 0, >= 0xC0 and < 0xE0 => 1, >= 0xE0 and < 0xF0 => 2, >= 0xF0 and < 0xF8 => 3, >= 0xF8 and < 0xFC => 4, >= 0xFC and < 0xFE => 5, 0xFE => 6, _ => -1 };
        if (extra < 0 || pos + 1 + extra > f.Length)
        {
            return null;
        }

        long number = extra == 0 ? f[pos] : f[pos] & (0x3F >> extra);
        for (int k = 1; k <= extra; k++)
        {
            number = number << 6 | (long)(f[pos + k] & 0x3F);
        }

        pos += 1 + extra;
        int block = blockCode switch
        {
            1 => 192,
            >= 2 and <= 5 => 576 * (1 << (blockCode - 2)),
            6 => pos < f.Length ? f[pos] + 1 : -1,
            7 => pos + 1 < f.Length ? (f[pos] << 8 | f[pos + 1]) + 1 : -1,
            _ => 256 * (1 << (blockCode - 8)),
        };
        pos += blockCode == 6 ? 1 : blockCode == 7 ? 2 : 0;
        pos += rateCode == 12 ? 1 : rateCode is 13 or 14 ? 2 : 0;
        if (block < 0 || pos >= f.Length)
        {
            return null;
        }

        byte crc = 0;
        for (int k = 0; k < pos; k++)
        {
            crc ^= f[k];
            for (int b = 0; b < 8; b++)
            {
                crc = (byte)((crc & 0x80) != 0 ? (crc << 1) ^ 0x07 : crc << 1);
            }
        }

        return crc == f[pos] ? ((f[1] & 1) == 1, number, block, pos + 1) : null;
    }

    /// <summary>The length of a leading ID3v2 tag (10-byte header + syncsafe size), or 0 when there is none.</summary>
    private static int Id3TagLength(ReadOnlySpan<byte> data)
    {
        if (data.Length < 10 || !data.StartsWith("ID3"u8))
        {
            return 0;
        }

        int size = 0;
        for (int i = 6; i < 10; i++)
        {
            size = size << 7 | (data[i] & 0x7F);
        }

        return Math.Min(10 + size, data.Length);
    }
}
