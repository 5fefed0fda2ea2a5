namespace TranscribePS.Core;

public static partial class Messages
{
    public static string RangedReadNotHonoured(string location) =>
        $"The server of {location} answered a ranged read with the whole object part-way through reading it. Run the command again; if it keeps failing, download the file with Save-TranscribeOutput and read it locally.";

    public static string RangedReadShort(string location) =>
        $"{location} returned fewer bytes than asked for: the object changed or the connection dropped while it was read. Run the command again.";
}
