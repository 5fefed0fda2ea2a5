namespace TranscribePS.Emulator.Transcribe.Content;

/// <summary>
/// A conversation a test dictates for a job (by job name) or for a recording (by bucket and key), used instead of
/// the generated one. Text may mark personal data as <c>{TYPE:words}</c> (for example <c>{NAME:Ana Lee}</c>,
/// <c>{CREDIT_DEBIT_NUMBER:4111 1111}</c>) or <c>{words}</c>; such spans are PII for call analytics redaction and
/// PHI entities for medical content identification.
/// </summary>
public sealed record ConversationScript(IReadOnlyList<ScriptedTurn> Turns);

/// <summary>One turn of a dictated conversation.</summary>
/// <param name="Speaker">AGENT or CUSTOMER (call analytics), CLINICIAN or PATIENT (medical, HealthScribe); other names get speakers in order of appearance.</param>
/// <param name="Text">What is said, with punctuation.</param>
/// <param name="Sentiment">POSITIVE, NEGATIVE, NEUTRAL or MIXED; NEUTRAL when omitted.</param>
/// <param name="BeginOffsetMillis">Where the turn starts; omitted: shortly after the previous turn ends. An earlier start than the previous turn's end is an interruption.</param>
/// <param name="Insight">ISSUE, OUTCOME or ACTION_ITEM: the turn's text is reported as that call analytics insight.</param>
public sealed record ScriptedTurn(string Speaker, string Text, string? Sentiment = null, long? BeginOffsetMillis = null, string? Insight = null);
