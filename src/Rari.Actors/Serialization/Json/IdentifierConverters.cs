using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rari.Domain.Identifiers;

namespace Rari.Actors.Serialization.Json;

/// <summary>
/// Writes a text identifier as a plain JSON string (<c>"BTCUSDT"</c>, not <c>{"value":"BTCUSDT"}</c>) and reads it back
/// through the identifier's own constructor, so an invalid id in a payload fails the read instead of entering the state.
/// Also writes it as a dictionary key.
/// </summary>
/// <typeparam name="TId">The identifier.</typeparam>
internal abstract class TextIdConverter<TId> : JsonConverter<TId>
    where TId : struct
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"{typeof(TId).Name} must be a JSON string, not {reader.TokenType}.");
        }

        return Create(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (TextOf(value) is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Create(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(TextOf(value) ?? throw new JsonException($"A default {typeof(TId).Name} cannot be a dictionary key."));
    }

    protected abstract TId Parse(string text);

    protected abstract string? TextOf(TId value);

    private TId Create(string text)
    {
        try
        {
            return Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }
}

/// <summary>A <see cref="Symbol"/> as its text, e.g. <c>"BTCUSDT"</c>.</summary>
internal sealed class SymbolConverter : TextIdConverter<Symbol>
{
    protected override Symbol Parse(string text) => new(text);

    protected override string? TextOf(Symbol value) => value.Value;
}

/// <summary>A <see cref="ClientOrderId"/> as its text, e.g. <c>"rari-grid-BTCUSDT-42"</c>.</summary>
internal sealed class ClientOrderIdConverter : TextIdConverter<ClientOrderId>
{
    protected override ClientOrderId Parse(string text) => new(text);

    protected override string? TextOf(ClientOrderId value) => value.Value;
}

/// <summary>A <see cref="StrategyId"/> as its text, e.g. <c>"grid"</c>.</summary>
internal sealed class StrategyIdConverter : TextIdConverter<StrategyId>
{
    protected override StrategyId Parse(string text) => new(text);

    protected override string? TextOf(StrategyId value) => value.Value;
}

/// <summary>An <see cref="AccountId"/> as its text, e.g. <c>"main"</c>.</summary>
internal sealed class AccountIdConverter : TextIdConverter<AccountId>
{
    protected override AccountId Parse(string text) => new(text);

    protected override string? TextOf(AccountId value) => value.Value;
}

/// <summary>
/// Writes a numeric venue identifier as a plain JSON number (<c>123456</c>); reads a number or a numeric string, so an
/// id written by a client that cannot hold 64-bit numbers still reads.
/// </summary>
/// <typeparam name="TId">The identifier.</typeparam>
internal abstract class NumericIdConverter<TId> : JsonConverter<TId>
    where TId : struct
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => Create(reader.GetInt64()),
        JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => Create(value),
        _ => throw new JsonException($"{typeof(TId).Name} must be a whole JSON number, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(ValueOf(value));
    }

    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? Create(value)
            : throw new JsonException($"{typeof(TId).Name} key must be a whole number.");

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(ValueOf(value).ToString(CultureInfo.InvariantCulture));
    }

    protected abstract TId Create(long value);

    protected abstract long ValueOf(TId value);
}

/// <summary>A <see cref="VenueOrderId"/> as its number.</summary>
internal sealed class VenueOrderIdConverter : NumericIdConverter<VenueOrderId>
{
    protected override VenueOrderId Create(long value) => new(value);

    protected override long ValueOf(VenueOrderId value) => value.Value;
}

/// <summary>A <see cref="TradeId"/> as its number.</summary>
internal sealed class TradeIdConverter : NumericIdConverter<TradeId>
{
    protected override TradeId Create(long value) => new(value);

    protected override long ValueOf(TradeId value) => value.Value;
}
