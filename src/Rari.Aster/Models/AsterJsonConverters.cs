using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rari.Domain.Market;

namespace Rari.Aster.Models;

/// <summary>Reads text fields that the venue sometimes sends as numbers or booleans, keeping the raw text.</summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected text, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Reads decimals from JSON numbers or decimal strings (<c>"0.010"</c>); an empty string reads as 0.</summary>
internal sealed class LenientDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetDecimal(out var number)
                ? number
                : decimal.Parse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a decimal, found {reader.TokenType}.");
        }

        var text = reader.GetString();
        if (string.IsNullOrEmpty(text))
        {
            return 0m;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a decimal.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}

/// <summary>Reads booleans from <c>true</c>/<c>false</c> or their text (<c>"true"</c>, <c>"FALSE"</c>), as positionRisk sends them.</summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String when bool.TryParse(reader.GetString(), out var value) => value,
        _ => throw new JsonException($"Expected a boolean, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>Reads <see cref="WireValue{TEnum}"/> values, keeping unknown text.</summary>
internal sealed class WireValueConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(WireValue<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireValueConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class WireValueConverter<TEnum> : JsonConverter<WireValue<TEnum>>
        where TEnum : struct, Enum
    {
        public override WireValue<TEnum> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => WireValue.Parse<TEnum>(reader.GetString()),
            JsonTokenType.Number => WireValue.Parse<TEnum>(System.Text.Encoding.UTF8.GetString(reader.ValueSpan)),
            _ => throw new JsonException($"Expected {typeof(TEnum).Name} text, found {reader.TokenType}."),
        };

        public override void Write(Utf8JsonWriter writer, WireValue<TEnum> value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Raw);
    }
}

/// <summary>Reads a book level, <c>["65000.1","0.250"]</c>.</summary>
internal sealed class BookLevelConverter : JsonConverter<BookLevel>
{
    public override BookLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var values = JsonArrays.ReadDecimals(ref reader, options, 2);
        return new BookLevel(values[0], values[1]);
    }

    public override void Write(Utf8JsonWriter writer, BookLevel value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Price.ToString(CultureInfo.InvariantCulture));
        writer.WriteStringValue(value.Quantity.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndArray();
    }
}

/// <summary>
/// Reads a kline array, <c>[openTime, open, high, low, close, volume, closeTime, quoteVolume, trades, takerBuyBase,
/// takerBuyQuote, ignore]</c>.
/// </summary>
internal sealed class AsterKlineConverter : JsonConverter<AsterKline>
{
    public override AsterKline Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var v = JsonArrays.ReadDecimals(ref reader, options, 11);
        return new AsterKline
        {
            OpenTime = (long)v[0],
            Open = v[1],
            High = v[2],
            Low = v[3],
            Close = v[4],
            Volume = v[5],
            CloseTime = (long)v[6],
            QuoteVolume = v[7],
            TradeCount = (long)v[8],
            TakerBuyBaseVolume = v[9],
            TakerBuyQuoteVolume = v[10],
        };
    }

    public override void Write(Utf8JsonWriter writer, AsterKline value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Klines are only read.");
}

/// <summary>Reads positional arrays of numbers or decimal strings.</summary>
internal static class JsonArrays
{
    /// <summary>Reads an array whose first <paramref name="count"/> elements are numbers or decimal text; extra elements are skipped.</summary>
    public static decimal[] ReadDecimals(ref Utf8JsonReader reader, JsonSerializerOptions options, int count)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array, found {reader.TokenType}.");
        }

        var converter = (JsonConverter<decimal>)options.GetConverter(typeof(decimal));
        var values = new decimal[count];
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (index < count)
            {
                values[index] = converter.Read(ref reader, typeof(decimal), options);
            }
            else
            {
                reader.Skip();
            }

            index++;
        }

        return index >= count
            ? values
            : throw new JsonException($"Expected at least {count} elements, found {index}.");
    }
}
