using Microsoft.AspNetCore.Http;

namespace TranscribePS.Emulator.Control;

/// <summary>
/// The answer to a call hit by <see cref="FaultAction.CutResponse"/> or <see cref="FaultAction.Stall"/>: the call is
/// handled as usual, its answer written to memory, and only <see cref="ReleaseAsync"/> sends it, late or cut short.
/// </summary>
internal sealed class HeldAnswer
{
    private readonly HttpContext _context;
    private readonly FaultRule _rule;
    private readonly Stream _body;
    private readonly MemoryStream _held = new();

    private HeldAnswer(HttpContext context, FaultRule rule)
    {
        _context = context;
        _rule = rule;
        _body = context.Response.Body;
        context.Response.Body = _held;
    }

    public static bool Applies(FaultRule rule) => rule.Action is FaultAction.CutResponse or FaultAction.Stall;

    /// <summary>From now on the answer to <paramref name="context"/> is held, for <see cref="Of"/> to release.</summary>
    public static void Hold(HttpContext context, FaultRule rule) => context.Items[typeof(HeldAnswer)] = new HeldAnswer(context, rule);

    /// <summary>The held answer of <paramref name="context"/>, if any.</summary>
    public static HeldAnswer? Of(HttpContext context) => context.Items.TryGetValue(typeof(HeldAnswer), out var held) ? held as HeldAnswer : null;

    /// <summary>
    /// Sends the answer: a stall after its delay, whole; a cut with the headers as written (the full Content-Length)
    /// and the first <see cref="FaultRule.AfterBytes"/> bytes of the body. Kestrel then closes the connection, as it
    /// does for every answer shorter than its Content-Length, after what was sent has gone out.
    /// </summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        _context.Response.Body = _body;
        var answer = _held.GetBuffer().AsMemory(0, (int)_held.Length);
        if (_rule.Action == FaultAction.Stall)
        {
            await Task.Delay(_rule.LatencyMilliseconds, ct).ConfigureAwait(false);
        }
        else
        {
            answer = answer[..(int)Math.Min(answer.Length, _rule.AfterBytes)];
        }

        await _context.Response.StartAsync(ct).ConfigureAwait(false);
        await _body.WriteAsync(answer, ct).ConfigureAwait(false);
        await _body.FlushAsync(ct).ConfigureAwait(false);
    }
}
