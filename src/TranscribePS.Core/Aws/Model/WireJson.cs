using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Aws.Model;

/// <summary>The JSON settings of the Transcribe wire format (awsJson1_1): PascalCase names, epoch-second timestamps.</summary>
public static class WireJson
{
    /// <summary>Shared, immutable options for every request and response body.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            // Property names are the C# names, which are the service's member names.
            PropertyNamingPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Numbers are numbers on this wire; a string where a number belongs is a broken response.
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new EpochSecondsConverter());
        options.Converters.Add(new JobStatusConverter());
        options.Converters.Add(new WireEnumConverterFactory());
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Names the wire spelling of an enum member (<c>IN_PROGRESS</c>, <c>redacted_and_unredacted</c>).</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class WireValueAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}

/// <summary>Timestamps travel as epoch seconds, possibly fractional (<c>1767225600.5</c>); kept to the millisecond.</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected a timestamp in epoch seconds, found {reader.TokenType}.");
        }

        var seconds = reader.GetDecimal();
        return DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Round(seconds * 1000m, MidpointRounding.AwayFromZero));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var milliseconds = value.ToUnixTimeMilliseconds();
        if (milliseconds % 1000 == 0)
        {
            writer.WriteNumberValue(milliseconds / 1000);
        }
        else
        {
            writer.WriteRawValue((milliseconds / 1000m).ToString("0.###", CultureInfo.InvariantCulture));
        }
    }
}

internal sealed class JobStatusConverter : JsonConverter<JobStatus>
{
    public override JobStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A job status was null.");
        try
        {
            return JobStatusText.FromWire(text);
        }
        catch (FormatException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, JobStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWire());
}

/// <summary>Serialises enums that carry <see cref="WireValueAttribute"/> on every member as those strings.</summary>
internal sealed class WireEnumConverterFactory : JsonConverterFactory
{
    private static readonly ConcurrentDictionary<Type, JsonConverter> Converters = new();

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum && typeToConvert.GetFields(BindingFlags.Public | BindingFlags.Static)
            .All(f => f.GetCustomAttribute<WireValueAttribute>() is not null);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Converters.GetOrAdd(typeToConvert, t => (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(t))!);
}

internal sealed class WireEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _toWire = [];
    private readonly Dictionary<string, TEnum> _fromWire = new(StringComparer.Ordinal);

    public WireEnumConverter()
    {
        foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (TEnum)field.GetValue(null)!;
            var wire = field.GetCustomAttribute<WireValueAttribute>()!.Value;
            _toWire[value] = wire;
            _fromWire[wire] = value;
        }
    }

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && _fromWire.TryGetValue(text, out var value))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not a known {typeof(TEnum).Name} value.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (!_toWire.TryGetValue(value, out var wire))
        {
            throw new JsonException($"{value} is not a defined {typeof(TEnum).Name} value.");
        }

        writer.WriteStringValue(wire);
    }
}
