using System.Buffers.Binary;

namespace TranscribePS.Emulator.Media;

/// <summary>
/// Makes recordings for tests, the bench and the demo: PCM WAV (a quiet tone), FLAC (a valid stream of constant
/// frames), and MPEG audio frames. Their headers state what was asked for, so duration, channels and sample rate
/// read back exactly.
/// </summary>
public static class SyntheticMedia
{
    private const int FlacBlockSize = 4096;

    /// <summary>A complete PCM WAV file.</summary>
    public static byte[] Wav(double seconds, int sampleRate = 16000, int channels = 1, int bitsPerSample = 16)
    {
        long length = 44 + (FrameCount(seconds, sampleRate, channels, bitsPerSample) * channels * (bitsPerSample / 8));
        var wav = new byte[length];
        using var buffer = new MemoryStream(wav);
        WriteWav(buffer, seconds, sampleRate, channels, bitsPerSample);
        return wav;
    }

    /// <summary>Streams a PCM WAV file (for recordings too large to build in memory).</summary>
    public static void WriteWav(Stream destination, double seconds, int sampleRate = 16000, int channels = 1, int bitsPerSample = 16)
    {
        ArgumentNullException.ThrowIfNull(destination);
        long frames = FrameCount(seconds, sampleRate, channels, bitsPerSample);
        int bytesPerSample = bitsPerSample / 8;
        destination.Write(WavHeader(frames * channels * bytesPerSample, sampleRate, channels, bitsPerSample));

        // A quiet 220 Hz tone (real audio rather than digital silence, the same on every channel). 220 whole cycles
        // fit in one second, so one second is computed once and repeated.
        int frameBytes = channels * bytesPerSample;
        var second = new byte[sampleRate * frameBytes];
        for (int i = 0; i < sampleRate; i++)
        {
            double value = 0.05 * Math.Sin(2 * Math.PI * 220 * i / sampleRate);
            for (int c = 0; c < channels; c++)
            {
                WriteSample(second.AsSpan((i * channels + c) * bytesPerSample, bytesPerSample), value, bitsPerSample);
            }
        }

        for (long written = 0; written < frames; written += sampleRate)
        {
            destination.Write(second, 0, (int)Math.Min(sampleRate, frames - written) * frameBytes);
        }
    }

    /// <summary>
    /// Only the 44-byte header of a WAV file that declares <paramref name="seconds"/> of audio: a truncated recording
    /// (the service reads no audio in it), or the start of a long one whose zeroed data follows (a sparse file).
    /// </summary>
    public static byte[] WavHeaderOnly(double seconds, int sampleRate = 16000, int channels = 1, int bitsPerSample = 16) =>
        WavHeader(FrameCount(seconds, sampleRate, channels, bitsPerSample) * channels * (bitsPerSample / 8), sampleRate, channels, bitsPerSample);

    /// <summary>A valid FLAC stream: STREAMINFO, then constant (silent) frames of 4096 samples.</summary>
    public static byte[] Flac(double seconds, int sampleRate = 16000, int channels = 1, int bitsPerSample = 16)
    {
        long totalSamples = FrameCount(seconds, sampleRate, channels, bitsPerSample);
        if (sampleRate is <= 0 or > 655350)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate));
        }

        using var buffer = new MemoryStream();
        buffer.Write("fLaC"u8);
        var header = new byte[4 + 34];
        header[0] = 0x80; // last metadata block, type 0 = STREAMINFO
        header[3] = 34;
        var info = header.AsSpan(4);
        BinaryPrimitives.WriteUInt16BigEndian(info, FlacBlockSize);
        BinaryPrimitives.WriteUInt16BigEndian(info[2..], FlacBlockSize);
        ulong packed = ((ulong)sampleRate << 44) | ((ulong)(channels - 1) << 41) | ((ulong)(bitsPerSample - 1) << 36) | (ulong)totalSamples;
        BinaryPrimitives.WriteUInt64BigEndian(info[10..], packed);
        buffer.Write(header);

        long frameNumber = 0;
        for (long done = 0; done < totalSamples; done += FlacBlockSize, frameNumber++)
        {
            int block = (int)Math.Min(FlacBlockSize, totalSamples - done);
            WriteFlacFrame(buffer, frameNumber, block, channels, bitsPerSample);
        }

        return buffer.ToArray();
    }

    /// <summary>MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz) lasting about <paramref name="seconds"/>: detected as mp3.</summary>
    public static byte[] Mp3(double seconds)
    {
        const int frameBytes = 417; // 144 * 128000 / 44100, no padding
        int frames = Math.Max(1, (int)Math.Round(seconds * 44100 / 1152));
        var data = new byte[frames * frameBytes];
        for (int f = 0; f < frames; f++)
        {
            data[f * frameBytes] = 0xFF;
            data[(f * frameBytes) + 1] = 0xFB;
            data[(f * frameBytes) + 2] = 0x90;
            data[(f * frameBytes) + 3] = 0x00;
        }

        return data;
    }

    private static long FrameCount(double seconds, int sampleRate, int channels, int bitsPerSample)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 8);
        if (bitsPerSample is not (8 or 16 or 24))
        {
            throw new ArgumentOutOfRangeException(nameof(bitsPerSample), bitsPerSample, "Use 8, 16 or 24 bits per sample.");
        }

        return (long)Math.Round(seconds * sampleRate);
    }

    private static byte[] WavHeader(long dataBytes, int sampleRate, int channels, int bitsPerSample)
    {
        var header = new byte[44];
        var span = header.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)Math.Min(uint.MaxValue, 36 + dataBytes));
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(sampleRate * channels * bitsPerSample / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)(channels * bitsPerSample / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], (ushort)bitsPerSample);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)Math.Min(uint.MaxValue - 36, dataBytes));
        return header;
    }

    private static void WriteSample(Span<byte> target, double value, int bits)
    {
        switch (bits)
        {
            case 8:
                target[0] = (byte)(128 + (int)(value * 127)); // 8-bit WAV is unsigned
                break;
            case 16:
                BinaryPrimitives.WriteInt16LittleEndian(target, (short)(value * short.MaxValue));
                break;
            default:
                int sample = (int)(value * 8_388_607);
                target[0] = (byte)sample;
                target[1] = (byte)(sample >> 8);
                target[2] = (byte)(sample >> 16);
                break;
        }
    }

    private static void WriteFlacFrame(Stream destination, long frameNumber, int blockSize, int channels, int bitsPerSample)
    {
        var frame = new List<byte> { 0xFF, 0xF8 }; // sync code, fixed block size
        bool fullBlock = blockSize == FlacBlockSize;
        // Block size 4096 (code 12) or "16-bit size-1 follows" (code 7); sample rate and size from STREAMINFO (code 0).
        frame.Add((byte)((fullBlock ? 0xC : 0x7) << 4));
        frame.Add((byte)((channels - 1) << 4));
        frame.AddRange(Utf8Number(frameNumber));
        if (!fullBlock)
        {
            frame.Add((byte)((blockSize - 1) >> 8));
            frame.Add((byte)(blockSize - 1));
        }

        frame.Add(Crc8(frame));
        for (int c = 0; c < channels; c++)
        {
            frame.Add(0x00); // subframe header: CONSTANT, no wasted bits
            for (int b = 0; b < bitsPerSample / 8; b++)
            {
                frame.Add(0x00); // the constant value: silence
            }
        }

        ushort crc = Crc16(frame);
        frame.Add((byte)(crc >> 8));
        frame.Add((byte)crc);
        destination.Write(frame.ToArray());
    }

    /// <summary>FLAC frame numbers use UTF-8's variable-length coding, extended to 36 bits.</summary>
    private static byte[] Utf8Number(long value)
    {
        if (value < 0x80)
        {
            return [(byte)value];
        }

        int continuation = value switch
        {
            < 0x800 => 1,
            < 0x10000 => 2,
            < 0x200000 => 3,
            < 0x4000000 => 4,
            < 0x80000000 => 5,
            _ => 6,
        };
        var bytes = new byte[continuation + 1];
        for (int i = continuation; i > 0; i--)
        {
            bytes[i] = (byte)(0x80 | (value & 0x3F));
            value >>= 6;
        }

        byte lead = (byte)(0xFF << (7 - continuation));
        bytes[0] = (byte)(lead | value);
        return bytes;
    }

    private static byte Crc8(IEnumerable<byte> data)
    {
        byte crc = 0;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++)
            {
                crc = (byte)((crc & 0x80) != 0 ? (crc << 1) ^ 0x07 : crc << 1);
            }
        }

        return crc;
    }

    private static ushort Crc16(IEnumerable<byte> data)
    {
        ushort crc = 0;
        foreach (byte b in data)
        {
            crc ^= (ushort)(b << 8);
            for (int i = 0; i < 8; i++)
            {
                crc = (ushort)((crc & 0x8000) != 0 ? (crc << 1) ^ 0x8005 : crc << 1);
            }
        }

        return crc;
    }
}
