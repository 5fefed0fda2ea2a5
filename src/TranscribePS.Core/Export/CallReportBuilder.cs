using System.Text;
using TranscribePS.Core.Analytics;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Core.Export;

/// <summary>
/// Builds the call analytics report a call at a time, with memory bounded by one call whatever the batch: each call's
/// section is written to a private temp file (owner-only, deleted when closed) as soon as the call is added, and only
/// its insight is kept for the batch table, which opens the page and is written at the end. The first call is held
/// until a second one shows that the report is a batch (a single call's heading differs).
/// </summary>
public sealed class CallReportBuilder : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly List<CallAnalyticsInsight> _insights = [];
    private CallReport? _held;
    private FileStream? _spool;
    private StreamWriter? _sections;

    /// <summary>Calls added so far.</summary>
    public int Count => _insights.Count;

    /// <summary>The insight of the first call (a single call's report is titled after it).</summary>
    public CallAnalyticsInsight? FirstInsight => _insights.Count > 0 ? _insights[0] : null;

    public void Add(CallReport call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _insights.Add(call.Insight);
        if (_insights.Count == 1)
        {
            _held = call;
            return;
        }

        _spool ??= ReplayStore.CreateSpool();
        _sections ??= new StreamWriter(_spool, Utf8, 1 << 16, leaveOpen: true);
        if (_held is not null)
        {
            CallReportWriter.WriteCall(_sections, _held, 1, inBatch: true);
            _held = null;
        }

        CallReportWriter.WriteCall(_sections, call, _insights.Count, inBatch: true);
    }

    /// <summary>Writes the whole page: start, batch table (two calls or more), the sections, end.</summary>
    public void WriteTo(TextWriter output, string title)
    {
        ArgumentNullException.ThrowIfNull(output);
        CallReportWriter.WriteStart(output, title);
        if (_insights.Count > 1)
        {
            CallReportWriter.WriteBatchTable(output, _insights);
        }

        if (_held is not null)
        {
            CallReportWriter.WriteCall(output, _held, 1, inBatch: false);
        }
        else if (_sections is not null)
        {
            _sections.Flush();
            _spool!.Position = 0;
            using var reader = new StreamReader(_spool, Utf8, detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true);
            var buffer = new char[1 << 15];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
            }
        }

        CallReportWriter.WriteEnd(output, empty: _insights.Count == 0);
    }

    public void Dispose()
    {
        _sections?.Dispose();
        _spool?.Dispose();
        _sections = null;
        _spool = null;
        _held = null;
    }
}
