using System.Text;

namespace TranscribePS.Core.Transcripts;

/// <summary>
/// What the end of a standard transcript says about the members that follow <c>results.items</c>: where each one's
/// value starts, so the reader can fetch just those and then stream the items from the first pass.
/// </summary>
/// <param name="ItemsEnd">Offset of the <c>]</c> that closes <c>results.items</c>.</param>
/// <param name="ResultsMembersAfterItems">Members of <c>results</c> after <c>items</c>: name → offset of the value.</param>
/// <param name="RootMembersAfterResults">Top-level members after <c>results</c>: name → offset of the value.</param>
internal sealed record TailFacts(long ItemsEnd, IReadOnlyDictionary<string, long> ResultsMembersAfterItems, IReadOnlyDictionary<string, long> RootMembersAfterResults);

/// <summary>
/// Reads the end of a seekable transcript backwards to learn which members follow <c>results.items</c>, without
/// reading the items themselves.
/// </summary>
/// <remarks>
/// The scan walks back from the end of the file, so it is always in step with the JSON: strings are paired quote to
/// quote (transcript text holds no unescaped quote), a string followed by <c>:</c> is a key, brackets give the depth.
/// It stops inside the first element of a depth-2 array whose member <c>type</c> is <c>pronunciation</c> or
/// <c>punctuation</c> — that array is <c>results.items</c> (no other member of <c>results</c> has elements of that
/// shape; entities, segments and speaker segments do not), and everything it passed on the way is what follows the
/// items. A window starts at 64 KiB and grows up to <see cref="MaxTail"/>; when the items are not reached by then
/// (a huge <c>segments</c> of alternatives after the items, or an unexpected layout) the probe cannot decide and the
/// reader falls back to its full look-ahead pass.
/// </remarks>
internal static class TailProbe
{
    internal const int FirstWindow = 64 * 1024;
    internal const int MaxTail = 16 * 1024 * 1024;

    /// <summary>The facts, or null when the probe cannot decide. The stream's position is left where it was.</summary>
    public static async ValueTask<TailFacts?> ProbeAsync(Stream input, long origin, CancellationToken cancellationToken)
    {
        long length = input.Length;
        long restore = input.Position;
        long available = length - origin;
        if (available <= 0)
        {
            return null;
        }

        byte[] tail = [];
        try
        {
            long window = Math.Min(FirstWindow, available);
            while (true)
            {
                tail = await ExtendAsync(input, length, tail, (int)window, cancellationToken).ConfigureAwait(false);
                var outcome = Scan(tail, length - tail.Length, atStart: tail.Length == available, out var facts);
                if (outcome != ScanOutcome.NeedMore)
                {
                    return facts;
                }

                if (window >= Math.Min(MaxTail, available))
                {
                    return null;
                }

                window = Math.Min(Math.Min(window * 4, MaxTail), available);
            }
        }
        finally
        {
            input.Position = restore;
        }
    }

    internal enum ScanOutcome
    {
        Decided,
        Undecided,
        NeedMore,
    }

    /// <summary>Scans <paramref name="tail"/> (the file's last bytes, starting at file offset <paramref name="baseOffset"/>) backwards.</summary>
    internal static ScanOutcome Scan(ReadOnlySpan<byte> tail, long baseOffset, bool atStart, out TailFacts? facts)
    {
        facts = null;
        var resultsAfter = new Dictionary<string, long>(StringComparer.Ordinal);
        var rootAfter = new Dictionary<string, long>(StringComparer.Ordinal);

        // Containers open at each depth, seen from the end: '}' or ']' (depth 1 = inside the root object).
        var containers = new List<byte>();
        // Per depth: where the value most recently passed at that depth starts, and the last string value passed.
        var valueStart = new List<long>();
        var lastString = new List<string?>();
        long itemsEnd = -1;
        long depth2ArrayEnd = -1;
        bool sawColon = false;
        int i = tail.Length - 1;
        while (i >= 0)
        {
            byte b = tail[i];
            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    i--;
                    continue;
                case (byte)'}' or (byte)']':
                    containers.Add(b);
                    valueStart.Add(-1);
                    lastString.Add(null);
                    if (containers.Count == 3 && b == (byte)']')
                    {
                        depth2ArrayEnd = baseOffset + i;
                    }

                    sawColon = false;
                    i--;
                    continue;
                case (byte)'{' or (byte)'[':
                    if (containers.Count == 0 || containers[^1] != (b == (byte)'{' ? (byte)'}' : (byte)']'))
                    {
                        return ScanOutcome.Undecided;
                    }

                    containers.RemoveAt(containers.Count - 1);
                    valueStart.RemoveAt(valueStart.Count - 1);
                    lastString.RemoveAt(lastString.Count - 1);
                    if (containers.Count > 0)
                    {
                        // The container just closed is the value of the member (or element) one level up.
                        valueStart[^1] = baseOffset + i;
                    }

                    if (containers.Count == 0)
                    {
                        // Back at the root's own '{' without meeting the items: not a layout this probe knows.
                        return ScanOutcome.Undecided;
                    }

                    if (containers.Count == 1)
                    {
                        // The object just left did not hold the items, so it was not results: its members do not count.
                        resultsAfter.Clear();
                    }

                    sawColon = false;
                    i--;
                    continue;
                case (byte)':':
                    sawColon = true;
                    i--;
                    continue;
                case (byte)',':
                    sawColon = false;
                    i--;
                    continue;
                case (byte)'"':
                    int open = FindOpeningQuote(tail, i);
                    if (open < 0)
                    {
                        return atStart ? ScanOutcome.Undecided : ScanOutcome.NeedMore;
                    }

                    if (containers.Count == 0)
                    {
                        return ScanOutcome.Undecided;
                    }

                    var text = Encoding.UTF8.GetString(tail[(open + 1)..i]);
                    if (sawColon)
                    {
                        int depth = containers.Count;
                        long start = valueStart[^1];
                        if (depth == 1 && start >= 0)
                        {
                            rootAfter.TryAdd(text, start);
                        }
                        else if (depth == 2 && start >= 0)
                        {
                            resultsAfter.TryAdd(text, start);
                        }
                        else if (depth == 4 && containers[1] == (byte)'}' && containers[2] == (byte)']' && containers[3] == (byte)'}'
                            && text == "type" && lastString[^1] is "pronunciation" or "punctuation")
                        {
                            itemsEnd = depth2ArrayEnd;
                        }

                        if (itemsEnd >= 0)
                        {
                            facts = new TailFacts(itemsEnd, resultsAfter, rootAfter);
                            return ScanOutcome.Decided;
                        }

                        valueStart[^1] = -1;
                        lastString[^1] = null;
                    }
                    else
                    {
                        lastString[^1] = text;
                        valueStart[^1] = baseOffset + open;
                    }

                    sawColon = false;
                    i = open - 1;
                    continue;
                default:
                    if (containers.Count == 0)
                    {
                        return ScanOutcome.Undecided;
                    }

                    // A number, true, false or null: its first character is where the value starts.
                    valueStart[^1] = baseOffset + i;
                    i--;
                    continue;
            }
        }

        return atStart ? ScanOutcome.Undecided : ScanOutcome.NeedMore;
    }

    /// <summary>The index of the quote opening the string whose closing quote is at <paramref name="close"/>, or -1 when it lies before the window.</summary>
    private static int FindOpeningQuote(ReadOnlySpan<byte> tail, int close)
    {
        for (int j = close - 1; j >= 0; j--)
        {
            if (tail[j] != (byte)'"')
            {
                continue;
            }

            int backslashes = 0;
            while (j - backslashes - 1 >= 0 && tail[j - backslashes - 1] == (byte)'\\')
            {
                backslashes++;
            }

            if (j - backslashes - 1 < 0 && backslashes > 0)
            {
                // The run of backslashes may go on before the window: cannot tell yet.
                return -1;
            }

            if (backslashes % 2 == 0)
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Reads the last <paramref name="window"/> bytes, reusing the <paramref name="known"/> end already read.</summary>
    private static async ValueTask<byte[]> ExtendAsync(Stream input, long length, byte[] known, int window, CancellationToken cancellationToken)
    {
        var tail = new byte[window];
        int missing = window - known.Length;
        known.CopyTo(tail, missing);
        input.Position = length - window;
        await input.ReadExactlyAsync(tail.AsMemory(0, missing), cancellationToken).ConfigureAwait(false);
        return tail;
    }
}
