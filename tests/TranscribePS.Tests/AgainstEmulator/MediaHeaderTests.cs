using System.Buffers.Binary;
using System.Text;
using TranscribePS.Core.Media;
using TranscribePS.Emulator.Media;

namespace TranscribePS.Tests.AgainstEmulator;

/// <summary>
/// The emulator's own reading of media headers (not the module's MediaProbe), on files built byte by byte here, and
/// agreement of the two readings on every file, so a bug in either shows up as a disagreement.
/// </summary>
public class MediaHeaderTests
{
    [Theory]
    [InlineData(12.5, 16000, 1, 16)]
    [InlineData(3, 8000, 2, 8)]
    [InlineData(1, 48000, 2, 24)]
    public void Synthetic_wav_reads_rate_channels_and_length(double seconds, int rate, int channels, int bits)
    {
        var header = MediaHeader.Read(SyntheticMedia.Wav(seconds, rate, channels, bits));

        Assert.Equal(("wav", rate, channels), (header.Format, header.SampleRateHertz, header.Channels));
        Assert.Equal(seconds, header.Duration!.Value.TotalSeconds, precision: 3);
    }

    [Fact]
    public void Wav_with_an_odd_sized_chunk_before_an_extensible_fmt_chunk()
    {
        // LIST (5 bytes + 1 pad byte), then a 40-byte WAVE_FORMAT_EXTENSIBLE fmt, then 2 s of 22.05 kHz stereo 16-bit.
        byte[] wav = Wav(
            Chunk("LIST", "INFOx"u8.ToArray()),
            Chunk("fmt ", Fmt(0xFFFE, channels: 2, rate: 22050, bits: 16, extra: 24)),
            Chunk("data", new byte[2 * 22050 * 4]));

        var header = MediaHeader.Read(wav);

        Assert.Equal(("wav", 22050, 2), (header.Format, header.SampleRateHertz, header.Channels));
        Assert.Equal(2.0, header.Duration!.Value.TotalSeconds, precision: 6);
        AssertAgreesWithTheModule(wav);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(uint.MaxValue)]
    public void Wav_written_as_a_stream_runs_to_the_end_of_the_object(uint declared)
    {
        byte[] wav = Wav(Chunk("fmt ", Fmt(1, channels: 1, rate: 8000, bits: 16)), Chunk("data", new byte[8000 * 2 * 3]));
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(wav.Length - (8000 * 2 * 3) - 4), declared);

        Assert.Equal(3.0, MediaHeader.Read(wav).Duration!.Value.TotalSeconds, precision: 6);
        AssertAgreesWithTheModule(wav);
    }

    [Fact]
    public void Wav_without_a_fmt_chunk_is_wav_with_nothing_known()
    {
        byte[] wav = Wav(Chunk("data", new byte[100]));

        Assert.Equal(new MediaHeader("wav"), MediaHeader.Read(wav));
    }

    [Theory]
    [InlineData(10, 16000, 1, 16)]
    [InlineData(2.5, 44100, 2, 24)]
    [InlineData(1, 96000, 8, 16)]
    public void Synthetic_flac_reads_rate_channels_and_length(double seconds, int rate, int channels, int bits)
    {
        byte[] flac = SyntheticMedia.Flac(seconds, rate, channels, bits);
        var header = MediaHeader.Read(flac);

        Assert.Equal(("flac", rate, channels), (header.Format, header.SampleRateHertz, header.Channels));
        Assert.Equal(seconds, header.Duration!.Value.TotalSeconds, precision: 3);
        AssertAgreesWithTheModule(flac);
    }

    [Fact]
    public void Flac_behind_an_id3_tag_is_flac()
    {
        byte[] tag = [.. "ID3"u8, 4, 0, 0, 0, 0, 1, 0, .. new byte[128]]; // syncsafe size 0x80 = 128
        byte[] flac = [.. tag, .. SyntheticMedia.Flac(4, 32000, 2, 16)];

        var header = MediaHeader.Read(flac);

        Assert.Equal(("flac", 32000, 2), (header.Format, header.SampleRateHertz, header.Channels));
        Assert.Equal(4.0, header.Duration!.Value.TotalSeconds, precision: 3);
        AssertAgreesWithTheModule(flac);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Flac_cut_short_is_as_long_as_its_frames_and_both_readings_agree(double kept)
    {
        byte[] whole = SyntheticMedia.Flac(60, 16000);
        byte[] cut = whole[..(int)(whole.Length * kept)];

        var emulator = MediaHeader.Read(cut);
        var module = MediaProbe.Probe(new MemoryStream(cut));

        // Frames are 4,096 samples (0.256 s) but not all the same size (frame numbers past 127 take two bytes), so
        // the share of bytes kept is the share of time only roughly.
        Assert.InRange(emulator.Duration!.Value.TotalSeconds, (60 * kept) - 2, (60 * kept) + 2);
        Assert.Equal(module.PresentDuration!.Value.TotalSeconds, emulator.Duration.Value.TotalSeconds, precision: 1);
    }

    [Fact]
    public void Flac_whose_first_block_is_not_streaminfo_is_flac_with_nothing_known()
    {
        byte[] flac = SyntheticMedia.Flac(1);
        flac[4] = 0x84; // last block, type 4 (VORBIS_COMMENT)

        Assert.Equal(new MediaHeader("flac"), MediaHeader.Read(flac));
    }

    public static TheoryData<string, byte[]> Magic => new()
    {
        { "mp3", SyntheticMedia.Mp3(1) },
        { "mp3", [.. "ID3"u8, 3, 0, 0, 0, 0, 0, 2, 0, 0, 0xFF, 0xFB, 0x90, 0x00] },
        { "ogg", [.. "OggS"u8, 0, 2, .. new byte[20]] },
        { "webm", [0x1A, 0x45, 0xDF, 0xA3, .. new byte[20]] },
        { "amr", [.. "#!AMR\n"u8, .. new byte[20]] },
        { "m4a", [0, 0, 0, 0x20, .. "ftypM4A "u8, .. new byte[20]] },
        { "mp4", [0, 0, 0, 0x20, .. "ftypisom"u8, .. new byte[20]] },
    };

    [Theory]
    [MemberData(nameof(Magic))]
    public void Compressed_containers_are_known_by_their_first_bytes(string format, byte[] data)
    {
        Assert.Equal(new MediaHeader(format), MediaHeader.Read(data));
        AssertAgreesWithTheModule(data);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text, not audio")]
    [InlineData("RIFF\0\0\0\0AVI ")]
    public void Anything_else_has_no_format(string text)
    {
        Assert.Equal(new MediaHeader(Format: null), MediaHeader.Read(Encoding.ASCII.GetBytes(text)));
    }

    /// <summary>Both readings see the same file: a disagreement means one of them is wrong.</summary>
    private static void AssertAgreesWithTheModule(byte[] data)
    {
        var module = MediaProbe.Probe(new MemoryStream(data));
        var emulator = MediaHeader.Read(data);

        Assert.Equal((module.Format, module.SampleRateHertz, module.Channels), (emulator.Format, emulator.SampleRateHertz, emulator.Channels));
        Assert.Equal(module.Duration?.TotalMilliseconds, emulator.Duration?.TotalMilliseconds);
    }

    private static byte[] Wav(params byte[][] chunks)
    {
        byte[] body = [.. "WAVE"u8, .. chunks.SelectMany(c => c)];
        var riff = new byte[8];
        "RIFF"u8.CopyTo(riff);
        BinaryPrimitives.WriteUInt32LittleEndian(riff.AsSpan(4), (uint)body.Length);
        return [.. riff, .. body];
    }

    private static byte[] Chunk(string id, byte[] body)
    {
        var header = new byte[8];
        Encoding.ASCII.GetBytes(id).CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)body.Length);
        return body.Length % 2 == 1 ? [.. header, .. body, 0] : [.. header, .. body];
    }

    private static byte[] Fmt(ushort tag, int channels, int rate, int bits, int extra = 0)
    {
        var fmt = new byte[16 + extra];
        int blockAlign = channels * bits / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), (uint)(rate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        return fmt;
    }
}
