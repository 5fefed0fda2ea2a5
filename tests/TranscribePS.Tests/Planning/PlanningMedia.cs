using System.Buffers.Binary;
using System.Text;

namespace TranscribePS.Tests.Planning;

/// <summary>Tiny recordings written to a temporary folder, deleted with the instance.</summary>
public sealed class PlanningMedia : IDisposable
{
    public PlanningMedia()
    {
        Folder = Path.Combine(Path.GetTempPath(), "tps-planning-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>A 16-bit PCM WAV of silence; <paramref name="claimedDataBytes"/> lets the header state more audio than is written.</summary>
    public string Wav(string fileName, int channels = 1, int sampleRate = 16_000, double seconds = 1.0, uint? claimedDataBytes = null)
    {
        int blockAlign = channels * 2;
        int dataBytes = (int)(sampleRate * seconds) * blockAlign;
        var bytes = new byte[44 + dataBytes];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(36 + dataBytes));
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], claimedDataBytes ?? (uint)dataBytes);
        return Write(fileName, bytes);
    }

    /// <summary>A FLAC stream with only its STREAMINFO block: enough for the header probe.</summary>
    public string Flac(string fileName, int channels = 2, int sampleRate = 16_000, double seconds = 1.0)
    {
        var bytes = new byte[4 + 4 + 34];
        "fLaC"u8.CopyTo(bytes);
        bytes[4] = 0x80; // last metadata block, type 0 = STREAMINFO
        bytes[7] = 34;
        ulong totalSamples = (ulong)(sampleRate * seconds);
        ulong packed = ((ulong)sampleRate << 44) | ((ulong)(channels - 1) << 41) | ((ulong)(16 - 1) << 36) | totalSamples;
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8 + 10), packed);
        return Write(fileName, bytes);
    }

    /// <summary>An MP3 frame header followed by padding.</summary>
    public string Mp3(string fileName) => Write(fileName, [0xFF, 0xFB, 0x90, 0x64, .. new byte[400]]);

    public string Text(string fileName, string content) => Write(fileName, Encoding.UTF8.GetBytes(content));

    public string Empty(string fileName) => Write(fileName, []);

    /// <summary>A WAV header on a sparse file of the given size: large on paper, nothing on disk.</summary>
    public string SparseWav(string fileName, long sizeBytes, int channels = 2)
    {
        string path = Wav(fileName, channels, seconds: 0.6);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(sizeBytes);
        return path;
    }

    public string Write(string fileName, byte[] bytes)
    {
        string path = Path.Combine(Folder, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
