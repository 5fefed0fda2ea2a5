using System.Security.Cryptography;
using System.Text;

namespace TranscribePS.Emulator.Transcribe.Content;

/// <summary>Identifiers that look like the service's UUIDs but are derived from the job, so outputs are reproducible.</summary>
internal static class ContentIds
{
    public static string Uuid(string jobName, string purpose, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{jobName}\n{purpose}\n{index}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
