using System.Buffers.Binary;
using System.Text;

namespace TranscribePS.Core.Media;

/// <summary>
/// Detects a recording's container from its magic bytes and, for WAV and FLAC, reads duration, channels and
/// sample rate from the header. Reads only headers: a 2 GB file costs a few kilobytes of I/O.
/// </summary>
public static class MediaProbe
{
    /// <summary>The media formats Amazon Transcribe batch jobs accept.</summary>
    public static IReadOnlyList<string> SupportedFormats { get; } = ["mp3", "mp4", "wav", "flac", "ogg", "amr", "webm", "m4a"];

    private const int HeaderWindow = 64 * 1024;

    public static MediaFacts Probe(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.RandomAccess);
        return Probe(stream);
    }

    /// <summary>Probes a stream positioned at the start of the media; a non-seekable one is probed from its first 64 KiB.</summary>
    public static MediaFacts Probe(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            // Headers live in the first kilobytes; copying those makes every probe path able to rewind.
            var prefix = new byte[HeaderWindow];
            // Only the start was read, so whether the file holds what its header declares is unknown.
            return Probe(new MemoryStream(prefix, 0, ReadUpTo(stream, prefix), writable: false)) with { SizeBytes = 0, PresentDuration = null };
        }

        long start = stream.Position;
        long size = stream.Length - start;
        var head = new byte[12];
        int read = ReadUpTo(stream, head);
        var span = head.AsSpan(0, read);
        var facts = new MediaFacts { SizeBytes = Math.Max(size, 0) };

        if (read >= 12 && span[..4].SequenceEqual("RIFF"u8) && span[8..12].SequenceEqual("WAVE"u8))
        {
            return ProbeWav(stream, facts with { Format = "wav" }, size);
        }

        int id3 = read >= 10 && span[..3].SequenceEqual("ID3"u8) ? Id3Length(span) : 0;
        if (read >= 4 && span[..4].SequenceEqual("fLaC"u8))
        {
            stream.Position = start + 4;
            return ProbeFlac(stream, facts with { Format = "flac" });
        }

        if (id3 > 0)
        {
            // An ID3v2 tag can precede FLAC as well as MP3: look past it.
            stream.Position = start + id3;
            var magic = new byte[4];
            if (ReadUpTo(stream, magic) == 4 && magic.AsSpan().SequenceEqual("fLaC"u8))
            {
                return ProbeFlac(stream, facts with { Format = "flac" });
            }

            return facts with { Format = "mp3" };
        }

        if (read >= 2 && span[0] == 0xFF && (span[1] & 0xE0) == 0xE0)
        {
            return facts with { Format = "mp3" };
        }

        if (read >= 4 && span[..4].SequenceEqual("OggS"u8))
        {
            return facts with { Format = "ogg" };
        }

        if (read >= 4 && span[0] == 0x1A && span[1] == 0x45 && span[2] == 0xDF && span[3] == 0xA3)
        {
            return facts with { Format = "webm" };
        }

        if (read >= 5 && span[..5].SequenceEqual("#!AMR"u8))
        {
            return facts with { Format = "amr" };
        }

        if (read >= 12 && span[4..8].SequenceEqual("ftyp"u8))
        {
            string brand = Encoding.ASCII.GetString(span[8..12]);
            return facts with { Format = brand.StartsWith("M4A", StringComparison.Ordinal) || brand.StartsWith("M4B", StringComparison.Ordinal) ? "m4a" : "mp4" };
        }

        return facts;
    }

    /// <summary>The format a file name's extension claims, in the service's words; null when not a supported one.</summary>
    public static string? FormatFromExtension(string path)
    {
        string ext = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        return ext switch
        {
            "wave" => "wav",
            "oga" or "opus" => "ogg",
            "m4v" => "mp4",
            _ => SupportedFormats.Contains(ext) ? ext : null,
        };
    }

    private static MediaFacts ProbeWav(Stream stream, MediaFacts facts, long size)
    {
        var chunkHeader = new byte[8];
        int? channels = null;
        int? sampleRate = null;
        int? bits = null;
        long byteRate = 0;
        long? dataSize = null;
        long? presentSize = null;
        long position = 12;

        while (ReadUpTo(stream, chunkHeader) == 8)
        {
            position += 8;
            var id = chunkHeader.AsSpan(0, 4);
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader.AsSpan(4));
            if (id.SequenceEqual("fmt "u8))
            {
                var fmt = new byte[Math.Min(length, 40u)];
                if (ReadUpTo(stream, fmt) < 16)
                {
                    break;
                }

                channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(2));
                sampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(fmt.AsSpan(4));
                byteRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt.AsSpan(8));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(14));
                if (!Skip(stream, length - fmt.Length + (length & 1)))
                {
                    break;
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                // Streaming writers leave 0 or 0xFFFFFFFF here; the rest of the file is then the data.
                dataSize = length is 0 or uint.MaxValue && size > 0 ? size - position : length;
                if (size - position < dataSize)
                {
                    presentSize = Math.Max(size - position, 0);
                }

                break;
            }
            else if (!Skip(stream, length + (length & 1)))
            {
                break;
            }

            position += length + (length & 1);
        }

        TimeSpan? duration = dataSize is long d && byteRate > 0 ? TimeSpan.FromSeconds((double)d / byteRate) : null;
        TimeSpan? present = presentSize is long p && byteRate > 0 ? TimeSpan.FromSeconds((double)p / byteRate) : null;
        return facts with { Channels = channels, SampleRateHertz = sampleRate, BitsPerSample = bits, Duration = duration, PresentDuration = present };
    }

    private static MediaFacts ProbeFlac(Stream stream, MediaFacts facts)
    {
        var blockHeader = new byte[4];
        if (ReadUpTo(stream, blockHeader) < 4 || (blockHeader[0] & 0x7F) != 0)
        {
            return facts;
        }

        var info = new byte[34];
        if (ReadUpTo(stream, info) < 34)
        {
            return facts;
        }

        // STREAMINFO: 16 bits min and max block size, 24 bits min and max frame size, then from byte 10: 20 bits sample
        // rate, 3 bits channels-1, 5 bits bps-1, 36 bits total samples.
        ulong packed = BinaryPrimitives.ReadUInt64BigEndian(info.AsSpan(10));
        var streamInfo = new FlacStreamInfo(
            MaxBlockSize: BinaryPrimitives.ReadUInt16BigEndian(info.AsSpan(2)),
            MaxFrameSize: info[7] << 16 | info[8] << 8 | info[9],
            SampleRate: (int)(packed >> 44),
            Channels: (int)((packed >> 41) & 0x7) + 1,
            Bits: (int)((packed >> 36) & 0x1F) + 1,
            TotalSamples: (long)(packed & 0xF_FFFF_FFFFUL));
        TimeSpan? duration = streamInfo.SampleRate > 0 && streamInfo.TotalSamples > 0 ? TimeSpan.FromSeconds((double)streamInfo.TotalSamples / streamInfo.SampleRate) : null;
        facts = facts with { SampleRateHertz = streamInfo.SampleRate, Channels = streamInfo.Channels, BitsPerSample = streamInfo.Bits, Duration = duration };

        // The frames follow the last metadata block.
        bool last = (blockHeader[0] & 0x80) != 0;
        while (!last)
        {
            if (ReadUpTo(stream, blockHeader) < 4 || !Skip(stream, blockHeader[1] << 16 | blockHeader[2] << 8 | blockHeader[3]))
            {
                return facts;
            }

            last = (blockHeader[0] & 0x80) != 0;
        }

        long? reached = duration is null ? null : FlacFrames.SamplesReached(stream, stream.Position, streamInfo);
        return reached is long samples && samples < streamInfo.TotalSamples
            ? facts with { PresentDuration = TimeSpan.FromSeconds((double)samples / streamInfo.SampleRate) }
            : facts;
    }

    private static int Id3Length(ReadOnlySpan<byte> header) =>
        10 + ((header[6] & 0x7F) << 21 | (header[7] & 0x7F) << 14 | (header[8] & 0x7F) << 7 | (header[9] & 0x7F));

    private static bool Skip(Stream stream, long count)
    {
        if (stream.Position + count > stream.Length)
        {
            return false;
        }

        stream.Seek(count, SeekOrigin.Current);
        return true;
    }

    private static int ReadUpTo(Stream stream, byte[] buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
