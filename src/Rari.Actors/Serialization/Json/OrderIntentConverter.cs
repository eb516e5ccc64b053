using System.Text.Json;
using System.Text.Json.Serialization;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Actors.Serialization.Json;

/// <summary>
/// Writes an <see cref="OrderIntent"/> as a flat object and reads it back through <see cref="OrderIntent.Create"/>, the
/// only way to make one (its constructor is private): a payload holding a combination the venue would refuse fails the
/// read with the intent's own message instead of producing an invalid intent.
/// </summary>
/// <remarks>Absent optional fields (quantity, price, stop price, time in force) are not written; enums are their journaled numbers.</remarks>
internal sealed class OrderIntentConverter : JsonConverter<OrderIntent>
{
    private const string ClientOrderIdName = "clientOrderId";
    private const string StrategyIdName = "strategyId";
    private const string SymbolName = "symbol";
    private const string SideName = "side";
    private const string TypeName = "type";
    private const string QuantityName = "quantity";
    private const string PriceName = "price";
    private const string StopPriceName = "stopPrice";
    private const string TimeInForceName = "timeInForce";
    private const string ReduceOnlyName = "reduceOnly";
    private const string ClosePositionName = "closePosition";
    private const string PositionSideName = "positionSide";

    public override OrderIntent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"An order intent must be a JSON object, not {reader.TokenType}.");
        }

        string? clientOrderId = null;
        string? strategyId = null;
        string? symbol = null;
        int? side = null;
        int? type = null;
        decimal? quantity = null;
        decimal? price = null;
        decimal? stopPrice = null;
        int? timeInForce = null;
        var reduceOnly = false;
        var closePosition = false;
        var positionSide = (int)PositionSide.Both;

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            var isNull = reader.TokenType == JsonTokenType.Null;
            switch (name)
            {
                case ClientOrderIdName: clientOrderId = isNull ? null : reader.GetString(); break;
                case StrategyIdName: strategyId = isNull ? null : reader.GetString(); break;
                case SymbolName: symbol = isNull ? null : reader.GetString(); break;
                case SideName: side = isNull ? null : reader.GetInt32(); break;
                case TypeName: type = isNull ? null : reader.GetInt32(); break;
                case QuantityName: quantity = isNull ? null : reader.GetDecimal(); break;
                case PriceName: price = isNull ? null : reader.GetDecimal(); break;
                case StopPriceName: stopPrice = isNull ? null : reader.GetDecimal(); break;
                case TimeInForceName: timeInForce = isNull ? null : reader.GetInt32(); break;
                case ReduceOnlyName: reduceOnly = reader.GetBoolean(); break;
                case ClosePositionName: closePosition = reader.GetBoolean(); break;
                case PositionSideName: positionSide = reader.GetInt32(); break;
                default: reader.Skip(); break;
            }
        }

        try
        {
            return OrderIntent.Create(
                new ClientOrderId(clientOrderId ?? throw Missing(ClientOrderIdName)),
                new StrategyId(strategyId ?? throw Missing(StrategyIdName)),
                new Symbol(symbol ?? throw Missing(SymbolName)),
                (OrderSide)(side ?? throw Missing(SideName)),
                (OrderType)(type ?? throw Missing(TypeName)),
                quantity,
                price,
                stopPrice,
                (TimeInForce?)timeInForce,
                reduceOnly,
                closePosition,
                (PositionSide)positionSide);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"The order intent cannot be restored: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, OrderIntent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString(ClientOrderIdName, value.ClientOrderId.Value);
        writer.WriteString(StrategyIdName, value.StrategyId.Value);
        writer.WriteString(SymbolName, value.Symbol.Value);
        writer.WriteNumber(SideName, (int)value.Side);
        writer.WriteNumber(TypeName, (int)value.Type);
        WriteOptional(writer, QuantityName, value.Quantity);
        WriteOptional(writer, PriceName, value.Price);
        WriteOptional(writer, StopPriceName, value.StopPrice);
        if (value.TimeInForce is { } timeInForce)
        {
            writer.WriteNumber(TimeInForceName, (int)timeInForce);
        }

        writer.WriteBoolean(ReduceOnlyName, value.ReduceOnly);
        writer.WriteBoolean(ClosePositionName, value.ClosePosition);
        writer.WriteNumber(PositionSideName, (int)value.PositionSide);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static JsonException Missing(string name) => new($"The order intent has no '{name}'.");
}
