using TranscribePS.Emulator.Media;
using System.Buffers.Binary;
using System.Text;
using TranscribePS.Core.Media;

namespace TranscribePS.Tests.MediaProbing;

public class MediaProbeTests
{
    private static byte[] Wav(int seconds, int sampleRate, short channels, short bits = 16, bool withListChunk = false, bool streamingSize = false)
    {
        int blockAlign = channels * bits / 8;
        int dataSize = seconds * sampleRate * blockAlign;
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("RIFF"u8);
        w.Write(0);
        w.Write("WAVE"u8);
        if (withListChunk)
        {
            // An odd-sized chunk before fmt checks the pad byte is honoured.
            w.Write("LIST"u8);
            w.Write(5);
            w.Write("INFOx"u8);
            w.Write((byte)0);
        }

        w.Write("fmt "u8);
        w.Write(16);
        w.Write((short)1);
        w.Write(channels);
        w.Write(sampleRate);
        w.Write(sampleRate * blockAlign);
        w.Write((short)blockAlign);
        w.Write(bits);
        w.Write("data"u8);
        w.Write(streamingSize ? -1 : dataSize);
        w.Write(new byte[dataSize]);
        w.Flush();
        return ms.ToArray();
    }

    private static byte[] Flac(int sampleRate, int channels, int bits, long totalSamples)
    {
        var bytes = new byte[4 + 4 + 34];
        "fLaC"u8.CopyTo(bytes);
        bytes[4] = 0x80; // last metadata block, type 0 = STREAMINFO
        bytes[7] = 34;
        ulong packed = ((ulong)sampleRate << 44) | ((ulong)(channels - 1) << 41) | ((ulong)(bits - 1) << 36) | (ulong)totalSamples;
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8 + 10), packed);
        return bytes;
    }

    private static MediaFacts Probe(byte[] bytes) => MediaProbe.Probe(new MemoryStream(bytes));

    [Fact]
    public void Wav_header_gives_duration_channels_rate_and_bits()
    {
        var facts = Probe(Wav(seconds: 3, sampleRate: 16000, channels: 2));

        Assert.Equal("wav", facts.Format);
        Assert.Equal(2, facts.Channels);
        Assert.Equal(16000, facts.SampleRateHertz);
        Assert.Equal(16, facts.BitsPerSample);
        Assert.Equal(TimeSpan.FromSeconds(3), facts.Duration);
    }

    [Fact]
    public void Wav_chunks_before_fmt_are_skipped_including_the_pad_byte()
    {
        var facts = Probe(Wav(seconds: 2, sampleRate: 8000, channels: 1, withListChunk: true));

        Assert.Equal(8000, facts.SampleRateHertz);
        Assert.Equal(1, facts.Channels);
        Assert.Equal(TimeSpan.FromSeconds(2), facts.Duration);
    }

    [Fact]
    public void Wav_written_by_a_streaming_recorder_takes_its_duration_from_the_file_length()
    {
        var facts = Probe(Wav(seconds: 4, sampleRate: 8000, channels: 1, streamingSize: true));

        Assert.Equal(TimeSpan.FromSeconds(4), facts.Duration);
    }

    [Fact]
    public void Flac_streaminfo_gives_rate_channels_bits_and_duration()
    {
        var facts = Probe(Flac(sampleRate: 44100, channels: 2, bits: 24, totalSamples: 44100L * 90));

        Assert.Equal("flac", facts.Format);
        Assert.Equal(44100, facts.SampleRateHertz);
        Assert.Equal(2, facts.Channels);
        Assert.Equal(24, facts.BitsPerSample);
        Assert.Equal(TimeSpan.FromSeconds(90), facts.Duration);
    }

    [Fact]
    public void Whole_flac_has_no_present_duration_and_one_cut_short_reaches_its_last_frame()
    {
        byte[] whole = SyntheticMedia.Flac(10, 16000);
        byte[] cut = whole[..(int)(whole.Length * 0.4)];

        Assert.Null(Probe(whole).PresentDuration);
        var facts = Probe(cut);
        Assert.Equal(TimeSpan.FromSeconds(10), facts.Duration);
        // Frames are 4,096 samples (0.256 s at 16 kHz): the cut ends inside one, whose header counts it whole.
        Assert.InRange(facts.PresentDuration!.Value.TotalSeconds, 4 - 0.52, 4 + 0.52);
    }

    [Fact]
    public void Flac_with_only_its_header_holds_no_audio()
    {
        var facts = Probe(Flac(sampleRate: 16000, channels: 1, bits: 16, totalSamples: 16000L * 3 * 3600));

        Assert.Equal(TimeSpan.FromHours(3), facts.Duration);
        Assert.Equal(TimeSpan.Zero, facts.PresentDuration);
    }

    [Fact]
    public void Flac_frames_after_more_metadata_blocks_are_found()
    {
        byte[] flac = SyntheticMedia.Flac(30, 16000);
        // STREAMINFO no longer last, then a 100-byte PADDING block marked last.
        byte[] padding = [0x81, 0, 0, 100, .. new byte[100]];
        byte[] withPadding = [.. flac[..42], .. padding, .. flac[42..]];
        withPadding[4] = 0x00;

        Assert.Null(Probe(withPadding).PresentDuration);
        Assert.InRange(Probe(withPadding[..(42 + 104 + 200)]).PresentDuration!.Value.TotalSeconds, 1, 10);
    }

    [Fact]
    public void Flac_whose_end_holds_no_frame_header_is_left_unjudged()
    {
        // A large file whose last megabyte is not frames (here zeros) cannot be judged from its end: no refusal.
        byte[] flac = [.. SyntheticMedia.Flac(2, 16000), .. new byte[2 * 1024 * 1024]];

        Assert.Null(Probe(flac).PresentDuration);
    }

    [Fact]
    public void Flac_after_an_id3_tag_is_still_flac()
    {
        var id3 = new byte[10 + 20];
        "ID3"u8.CopyTo(id3);
        id3[3] = 4;
        id3[9] = 20;
        var facts = Probe([.. id3, .. Flac(16000, 1, 16, 16000)]);

        Assert.Equal("flac", facts.Format);
        Assert.Equal(16000, facts.SampleRateHertz);
    }

    [Theory]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB }, "mp3")]
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90, 0x64 }, "mp3")]
    [InlineData(new byte[] { 0x4F, 0x67, 0x67, 0x53, 0, 2 }, "ogg")]
    [InlineData(new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0x9F }, "webm")]
    [InlineData(new byte[] { 0x23, 0x21, 0x41, 0x4D, 0x52, 0x0A }, "amr")]
    public void Compressed_formats_are_recognised_by_their_magic(byte[] head, string format)
    {
        var facts = Probe(head);

        Assert.Equal(format, facts.Format);
        Assert.Null(facts.Duration);
    }

    [Theory]
    [InlineData("M4A ", "m4a")]
    [InlineData("isom", "mp4")]
    [InlineData("mp42", "mp4")]
    public void Mp4_family_is_split_by_brand(string brand, string format)
    {
        var head = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(head, 16);
        "ftyp"u8.CopyTo(head.AsSpan(4));
        Encoding.ASCII.GetBytes(brand).CopyTo(head.AsSpan(8));

        Assert.Equal(format, Probe(head).Format);
    }

    [Fact]
    public void Text_and_empty_files_have_no_format()
    {
        Assert.Null(Probe("hello, this is not audio"u8.ToArray()).Format);
        Assert.Null(Probe([]).Format);
    }

    [Fact]
    public void Wav_whose_data_runs_past_the_end_of_the_file_reports_what_it_really_holds()
    {
        var whole = Wav(seconds: 10, sampleRate: 8000, channels: 1);
        var cut = whole.AsSpan(0, whole.Length - (8000 * 2 * 6)).ToArray();

        var facts = Probe(cut);

        Assert.Equal(TimeSpan.FromSeconds(10), facts.Duration);
        Assert.Equal(TimeSpan.FromSeconds(4), facts.PresentDuration);
        Assert.Null(Probe(whole).PresentDuration);
    }

    [Fact]
    public void Wav_of_a_header_only_declares_hours_and_holds_nothing()
    {
        var facts = Probe(SyntheticMedia.WavHeaderOnly(3 * 3600));

        Assert.Equal(TimeSpan.FromHours(3), facts.Duration);
        Assert.Equal(TimeSpan.Zero, facts.PresentDuration);
    }

    [Fact]
    public void Unseekable_stream_probed_from_its_start_does_not_claim_truncation()
    {
        var whole = Wav(seconds: 10, sampleRate: 16000, channels: 1);

        var facts = MediaProbe.Probe(new UnseekableStream(whole));

        Assert.Equal(TimeSpan.FromSeconds(10), facts.Duration);
        Assert.Null(facts.PresentDuration);
    }

    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public void Truncated_wav_header_gives_format_but_no_facts()
    {
        var facts = Probe(Wav(1, 16000, 1).AsSpan(0, 20).ToArray());

        Assert.Equal("wav", facts.Format);
        Assert.Null(facts.SampleRateHertz);
        Assert.Null(facts.Duration);
    }

    [Theory]
    [InlineData("visit.WAV", "wav")]
    [InlineData("call.flac", "flac")]
    [InlineData("memo.wave", "wav")]
    [InlineData("notes.txt", null)]
    [InlineData("noextension", null)]
    public void Extension_maps_to_the_service_format_word(string path, string? format)
    {
        Assert.Equal(format, MediaProbe.FormatFromExtension(path));
    }

    [Fact]
    public void Probing_a_file_reports_its_size()
    {
        string path = Path.Combine(Path.GetTempPath(), $"probe-{Guid.NewGuid():N}.wav");
        var bytes = Wav(1, 16000, 1);
        File.WriteAllBytes(path, bytes);
        try
        {
            var facts = MediaProbe.Probe(path);
            Assert.Equal(bytes.Length, facts.SizeBytes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Non_seekable_streams_are_probed_from_their_head()
    {
        var facts = MediaProbe.Probe(new ForwardOnlyStream(Flac(16000, 2, 16, 32000)));

        Assert.Equal("flac", facts.Format);
        Assert.Equal(2, facts.Channels);
        Assert.Equal(TimeSpan.FromSeconds(2), facts.Duration);
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
