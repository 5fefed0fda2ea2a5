using System.Buffers.Binary;
using System.Text;
using TranscribePS.Emulator.Media;

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

    /// <summary>A 16-bit PCM WAV from the emulator's <see cref="SyntheticMedia"/>.</summary>
    public string Wav(string fileName, int channels = 1, int sampleRate = 16_000, double seconds = 1.0) =>
        Write(fileName, SyntheticMedia.Wav(seconds, sampleRate, channels));

    /// <summary>
    /// A 16 kHz mono WAV of <paramref name="seconds"/> as a sparse file: the header, then a data chunk of the length it
    /// declares that takes no disk space (the file is whole, unlike a truncated one).
    /// </summary>
    public string LongWav(string fileName, double seconds)
    {
        var header = SyntheticMedia.WavHeaderOnly(seconds);
        string path = Write(fileName, header);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(header.Length + BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(40)));
        return path;
    }

    /// <summary>A WAV whose header declares <paramref name="declaredSeconds"/> but that ends after <paramref name="presentSeconds"/> (16 kHz mono).</summary>
    public string TruncatedWav(string fileName, double declaredSeconds, double presentSeconds = 0) =>
        Write(fileName, [.. SyntheticMedia.WavHeaderOnly(declaredSeconds), .. new byte[(int)(presentSeconds * 16_000 * 2)]]);

    public string Flac(string fileName, int channels = 2, int sampleRate = 16_000, double seconds = 1.0) =>
        Write(fileName, SyntheticMedia.Flac(seconds, sampleRate, channels));

    public string Mp3(string fileName) => Write(fileName, SyntheticMedia.Mp3(1.0));

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
