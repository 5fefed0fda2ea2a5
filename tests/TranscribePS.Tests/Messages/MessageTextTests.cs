using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using TranscribePS.Core;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Storage;

namespace TranscribePS.Tests.Messages;

/// <summary>
/// Every text in <see cref="Core.Messages"/>, built with sample arguments for each of its parameters (each enum
/// value and both sides of every flag, one at a time), read the way a user reads it.
/// </summary>
public sealed partial class MessageTextTests
{
    /// <summary>
    /// Parameters that carry text from elsewhere (a service message, a failure reason, an exception's message) get
    /// a sample ending in a full stop, as such text often does; a message that adds its own full stop after one has
    /// to end the outside text itself.
    /// </summary>
    private static readonly HashSet<string> OutsideText = new(StringComparer.Ordinal) { "reason", "failureReason", "detail", "serviceMessage" };

    public static TheoryData<string> Texts()
    {
        // Argument sets that give the same text would be the same test case (xunit skips such duplicates with a warning).
        var data = new TheoryData<string>();
        foreach (var message in AllTexts(CultureInfo.InvariantCulture).Select(t => t.Name + " => " + t.Text).Distinct(StringComparer.Ordinal))
        {
            data.Add(message);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void No_message_has_a_double_full_stop_or_a_parameter_name_suffix(string message)
    {
        Assert.DoesNotMatch(DoubleFullStop(), message);
        Assert.DoesNotContain("(Parameter '", message, StringComparison.Ordinal);
        Assert.DoesNotMatch(DoubleSpace(), message);
    }

    [Fact]
    public void A_json_readers_position_suffix_never_reaches_the_user()
    {
        const string Reader = "Expected end of string, but instead reached end of data. LineNumber: 0 | BytePositionInLine: 742.";
        const string Serializer = "The JSON value could not be converted to System.Int64. Path: $.Transcript[0] | LineNumber: 3 | BytePositionInLine: 12.";

        string[] texts =
        [
            Core.Messages.TranscriptMalformed("cut.json", 739, Reader),
            Core.Messages.TranscriptNotJson("cut.json", Reader),
            Core.Messages.CategoryRuleJsonUnreadable("rules.json", Serializer),
            Core.Messages.UnreadableResponse("GetMedicalTranscriptionJob", Serializer),
        ];

        Assert.All(texts, t => Assert.DoesNotContain("LineNumber", t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("..", t, StringComparison.Ordinal));
        Assert.Equal("'cut.json' is not a well-formed transcript near byte 739: Expected end of string, but instead reached end of data. The file may be truncated or edited; download it again from the job's output location.", texts[0]);
        Assert.StartsWith("GetMedicalTranscriptionJob returned a response that could not be read (The JSON value could not be converted to System.Int64). Try again;", texts[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_exceeded_without_a_full_stop_reads_as_its_own_sentence()
    {
        var text = Core.Messages.ServiceError(Core.Aws.AwsService.Transcribe, "GetMedicalTranscriptionJob", Core.Aws.AwsErrorKind.Throttled, "LimitExceededException", "Rate exceeded");

        Assert.Equal("GetMedicalTranscriptionJob failed: Rate exceeded. Requests were still throttled after retrying; lower the request rate or try again later.", text);
    }

    [Fact]
    public void Every_message_reads_the_same_in_every_culture()
    {
        var invariant = AllTexts(CultureInfo.InvariantCulture);
        foreach (var culture in new[] { "de-DE", "fr-FR", "ar-SA", "hi-IN" })
        {
            Assert.Equal(invariant, AllTexts(CultureInfo.GetCultureInfo(culture)));
        }
    }

    [Fact]
    public void The_scan_covers_every_message()
    {
        var methods = MessageMethods().Count();
        Assert.True(methods > 100, $"{methods} message methods");
        Assert.Contains(AllTexts(CultureInfo.InvariantCulture), t => t.Name.StartsWith(nameof(Core.Messages.JobFailed), StringComparison.Ordinal) && t.Text.Contains("-Force", StringComparison.Ordinal));
    }

    private static List<(string Name, string Text)> AllTexts(CultureInfo culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            var texts = new List<(string, string)>();
            foreach (var field in typeof(Core.Messages).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(string)))
            {
                texts.Add((field.Name, (string)field.GetValue(null)!));
            }

            foreach (var method in MessageMethods())
            {
                foreach (var args in ArgumentSets(method.GetParameters()))
                {
                    texts.Add((method.Name, (string)method.Invoke(null, args)!));
                }
            }

            return texts;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    private static IEnumerable<MethodInfo> MessageMethods()
        => typeof(Core.Messages).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(string) && !m.IsSpecialName);

    /// <summary>One set of ordinary values, then the same with each parameter swapped for each of its other values.</summary>
    private static IEnumerable<object?[]> ArgumentSets(ParameterInfo[] parameters)
    {
        var choices = parameters.Select(p => Samples(p).ToArray()).ToArray();
        var first = choices.Select(c => c[0]).ToArray();
        yield return first;
        for (int i = 0; i < choices.Length; i++)
        {
            foreach (var other in choices[i].Skip(1))
            {
                var args = (object?[])first.Clone();
                args[i] = other;
                yield return args;
            }
        }
    }

    private static IEnumerable<object?> Samples(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var nullable = Nullable.GetUnderlyingType(type) is not null
            || (!type.IsValueType && new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable);
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var values = underlying switch
        {
            _ when underlying == typeof(string) => OutsideText.Contains(parameter.Name!) ? ["The media file could not be read.", "no full stop"] : new object?[] { "visit-a" },
            _ when underlying == typeof(int) => [3, 1],
            _ when underlying == typeof(long) => [1_234_567_890L],
            _ when underlying == typeof(double) => [2.5],
            _ when underlying == typeof(char) => ['a'],
            _ when underlying == typeof(bool) => [true, false],
            _ when underlying == typeof(TimeSpan) => [TimeSpan.FromSeconds(5400.25)],
            _ when underlying == typeof(object) => ["a value.", 2.5],
            _ when underlying.IsEnum => Enum.GetValues(underlying).Cast<object?>().ToArray(),
            _ when underlying == typeof(IEnumerable<string>) => [new[] { "one", "two" }],
            _ when underlying == typeof(IReadOnlyList<JobKind>) => [new[] { JobKind.Medical }, JobKinds.SearchOrder],
            _ when underlying == typeof(RemovalScope) => [new RemovalScope(true, true), new RemovalScope(false, false), new RemovalScope(true, false), new RemovalScope(false, true)],
            _ when underlying == typeof(JobRemoval) => [Removal()],
            _ when underlying == typeof(SkippedFeature) => [new SkippedFeature("GENERATIVE_SUMMARIZATION", "INSUFFICIENT_CONVERSATION_CONTENT", "The conversation is too short."), new SkippedFeature("OTHER_FEATURE", null, "no full stop"), new SkippedFeature("OTHER_FEATURE", "SOME_REASON", null)],
            _ when underlying == typeof(DateTimeOffset) => [Now],
            _ when underlying == typeof(Core.Waiting.WaitProgress) => [Progress(Now.AddSeconds(8)), Progress(Now.AddSeconds(-1)), Progress(null)],
            _ => throw new InvalidOperationException($"No sample for {underlying.Name} {parameter.Name} of {parameter.Member.Name}: add one, so the message is scanned."),
        };
        return nullable ? values.Append(null) : values;
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 15, 42, TimeSpan.Zero);

    private static Core.Waiting.WaitProgress Progress(DateTimeOffset? nextCheck) => new()
    {
        Total = 9, Queued = 1, InProgress = 2, Completed = 3, Failed = 1, NotFound = 1, TimedOut = 1,
        Elapsed = TimeSpan.FromSeconds(65.5), Started = Now.AddSeconds(-65.5), NextCheck = nextCheck,
    };

    private static JobRemoval Removal() => new()
    {
        Job = new TranscriptionJob { JobName = "visit-a", Kind = JobKind.Medical, Status = JobStatus.Completed },
        Objects = [new S3Location("clinic-out", "medical/visit-a.json")],
        Kept = [new KeptObject("s3://clinic-in/visit-a.wav", Core.Messages.KeptMediaNotOurs)],
        CandidateMedia = new S3Location("clinic-in", "visit-a-0a1b2c3d4e5f.wav"),
    };

    // Two full stops in a row that are neither an ellipsis ("...") nor the quoted names '.' and '..'.
    [GeneratedRegex(@"(?<![.'])\.\.(?![.'])")]
    private static partial Regex DoubleFullStop();

    [GeneratedRegex(@"\S  \S")]
    private static partial Regex DoubleSpace();
}
