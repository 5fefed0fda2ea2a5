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

    /// <summary>"fLaC", then the first metadata block, which must be STREAMINFO (type 0, 34 bytes).</summary>
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
        TimeSpan? length = rate == 0 || samples == 0 ? null : TimeSpan.FromSeconds(samples / (double)rate);
        return new MediaHeader("flac", rate, channels, length);
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
