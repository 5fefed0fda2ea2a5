using TranscribePS.Core.Media;
using TranscribePS.Emulator.Media;

namespace TranscribePS.Tests.AgainstEmulator;

public class SyntheticMediaTests
{
    [Theory]
    [InlineData(12.5, 16000, 1, 16)]
    [InlineData(3, 8000, 2, 8)]
    [InlineData(1, 48000, 2, 24)]
    public void Wav_reads_back_with_the_requested_duration_rate_channels_and_bits(double seconds, int rate, int channels, int bits)
    {
        byte[] wav = SyntheticMedia.Wav(seconds, rate, channels, bits);
        var facts = MediaProbe.Probe(new MemoryStream(wav));

        Assert.Equal("wav", facts.Format);
        Assert.Equal(rate, facts.SampleRateHertz);
        Assert.Equal(channels, facts.Channels);
        Assert.Equal(bits, facts.BitsPerSample);
        Assert.Equal(seconds, facts.Duration!.Value.TotalSeconds, precision: 3);
        Assert.Equal(44 + (long)Math.Round(seconds * rate) * channels * bits / 8, wav.Length);
    }

    [Fact]
    public void Wav_holds_a_tone_not_silence()
    {
        byte[] wav = SyntheticMedia.Wav(0.1);

        Assert.Contains(wav.Skip(44), b => b != 0);
    }

    [Fact]
    public void Wav_header_only_declares_audio_it_does_not_carry()
    {
        byte[] header = SyntheticMedia.WavHeaderOnly(3600, 16000, 1);
        var facts = MediaProbe.Probe(new MemoryStream(header));

        Assert.Equal(44, header.Length);
        Assert.Equal(3600, facts.Duration!.Value.TotalSeconds, precision: 3);
    }

    [Theory]
    [InlineData(10, 16000, 1, 16)]
    [InlineData(2.5, 44100, 2, 24)]
    public void Flac_reads_back_with_the_requested_duration_rate_and_channels(double seconds, int rate, int channels, int bits)
    {
        byte[] flac = SyntheticMedia.Flac(seconds, rate, channels, bits);
        var facts = MediaProbe.Probe(new MemoryStream(flac));

        Assert.Equal("flac", facts.Format);
        Assert.Equal(rate, facts.SampleRateHertz);
        Assert.Equal(channels, facts.Channels);
        Assert.Equal(bits, facts.BitsPerSample);
        Assert.Equal(seconds, facts.Duration!.Value.TotalSeconds, precision: 3);
    }

    [Fact]
    public void Flac_frames_carry_valid_sync_codes_and_crc8_headers()
    {
        byte[] flac = SyntheticMedia.Flac(2, 16000, 1, 16);
        int first = 4 + 4 + 34;

        // 2 s at 16 kHz = 32000 samples = 7 full frames of 4096 and one of 3328: eight frames.
        int frames = 0;
        for (int i = first; i < flac.Length - 1; i++)
        {
            if (flac[i] == 0xFF && flac[i + 1] == 0xF8)
            {
                frames++;
            }
        }

        Assert.Equal(8, frames);
        Assert.Equal(0xFF, flac[first]);
        Assert.Equal(0xF8, flac[first + 1]);
        Assert.Equal(Crc8(flac.AsSpan(first, 5)), flac[first + 5]);
    }

    [Fact]
    public void Mp3_frames_are_detected_as_mp3()
    {
        Assert.Equal("mp3", MediaProbe.Probe(new MemoryStream(SyntheticMedia.Mp3(2))).Format);
    }

    [Fact]
    public void Unsupported_bit_depth_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticMedia.Wav(1, 16000, 1, 12));
    }

    private static byte Crc8(ReadOnlySpan<byte> data)
    {
        int crc = 0;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++)
            {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }

        return (byte)crc;
    }
}
