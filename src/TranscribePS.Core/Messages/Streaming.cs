namespace TranscribePS.Core;

public static partial class Messages
{
    public static string RangedReadNotHonoured(string location) =>
        $"The server of {location} answered a ranged read with the whole object part-way through reading it. Run the command again; if it keeps failing, download the file with Save-TranscribeOutput and read it locally.";

    public static string ReadBrokenOff(string location, int attempts, string detail) =>
        Text($"Reading {location} broke off part-way {attempts} times: the connection dropped before the whole object arrived. Check the network or proxy, then run the command again. Last error: {detail}");

    public static string JobOutputGone(string jobName, string location, string remove) =>
        $"The output of Transcribe job '{jobName}' is gone: S3 holds no {location}. It was deleted or moved after the job wrote it, and the service does not write it again. Restore the object (from a copy or an S3 version), or remove the job ({remove}) and start the recording again.";

    public static string JobOutputDamaged(string jobName, string location, string problem, string remove) =>
        $"The output of Transcribe job '{jobName}' ({location}) cannot be read as a whole transcript. {problem} That object in S3 is what the job left, so reading it again gives the same bytes: restore it (from a copy or an S3 version), or remove the job ({remove}) and start the recording again.";

    public static string JobOutputUnreadable(string jobName, string problem) =>
        $"Reading the output of Transcribe job '{jobName}' failed. {problem}";

    public static string RangedReadShort(string location) =>
        $"{location} returned fewer bytes than asked for: the object changed or the connection dropped while it was read. Run the command again.";
}
