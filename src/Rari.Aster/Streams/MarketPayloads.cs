using System.Text.Json;
using Rari.Domain.Market;
using static Rari.Aster.Streams.JsonFields;

namespace Rari.Aster.Streams;

/// <summary>
/// Turns market stream payloads (fact sheet §4.3 field names) into <see cref="MarketData{T}"/> events. A combined
/// connection wraps each payload as <c>{"stream":…,"data":…}</c>; an all-symbol stream's data is an array.
/// </summary>
internal static class MarketPayloads
{
    /// <summary>The stream name of a combined-stream message, or empty for an unwrapped payload.</summary>
    public static string StreamOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.String
            ? stream.GetString()!
            : string.Empty;

    /// <summary>Parses one message into its events (several for an array).</summary>
    /// <exception cref="FormatException">The message is not a payload this client reads; the text says why.</exception>
    public static IReadOnlyList<MarketStreamEvent> Parse(JsonElement root)
    {
        var stream = StreamOf(root);
        var data = stream.Length > 0 ? Required(root, "data") : root;
        if (data.ValueKind == JsonValueKind.Array)
        {
            var events = new List<MarketStreamEvent>(data.GetArrayLength());
            foreach (var item in data.EnumerateArray())
            {
                events.Add(ParseOne(stream, item));
            }

            return events;
        }

        return [ParseOne(stream, data)];
    }

    private static MarketStreamEvent ParseOne(string stream, JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the payload is not an object");
        }

        var type = GetText(data, "e");
        var time = GetLong(data, "E");
        return type switch
        {
            "kline" => new MarketData<KlineUpdate>(stream, ParseKline(data), time),
            "aggTrade" => new MarketData<Trade>(stream, ParseAggTrade(data), time),
            "bookTicker" => new MarketData<BookTicker>(stream, ParseBookTicker(data), time),
            "markPriceUpdate" => new MarketData<MarkPriceUpdate>(stream, ParseMarkPrice(data, time), time),
            "depthUpdate" when StreamNames.IsPartialDepth(stream) => new MarketData<DepthSnapshot>(stream, ParsePartialDepth(data, time), time),
            "depthUpdate" => new MarketData<DepthUpdate>(stream, ParseDepth(data, time), time),
            "24hrTicker" => new MarketData<Ticker24Hour>(stream, ParseTicker(data), time),
            "24hrMiniTicker" => new MarketData<MiniTicker24Hour>(stream, ParseMiniTicker(data), time),
            _ => throw new FormatException($"event type '{type}' is not one this client reads"),
        };
    }

    private static KlineUpdate ParseKline(JsonElement data)
    {
        var k = Required(data, "k");
        var intervalText = GetText(k, "i");
        if (!KlineInterval.TryParse(intervalText, out var interval))
        {
            throw new FormatException($"kline interval '{intervalText}' is unknown");
        }

        var kline = new Kline(
            GetLong(k, "t"), GetDecimal(k, "o"), GetDecimal(k, "h"), GetDecimal(k, "l"), GetDecimal(k, "c"), GetDecimal(k, "v"), GetDecimal(k, "q"), GetLong(k, "n"));
        return new KlineUpdate(GetSymbol(k, "s"), interval, kline, GetBool(k, "x"), GetLong(k, "T"), GetDecimal(k, "V"), GetDecimal(k, "Q"));
    }

    private static Trade ParseAggTrade(JsonElement data) =>
        new(GetSymbol(data, "s"), GetLong(data, "a"), GetDecimal(data, "p"), GetDecimal(data, "q"), GetLong(data, "T"), GetBool(data, "m"));

    // bookTicker carries T (transaction time) on Aster; fall back to E where it is absent.
    private static BookTicker ParseBookTicker(JsonElement data) => new(
        GetSymbol(data, "s"), GetDecimal(data, "b"), GetDecimal(data, "B"), GetDecimal(data, "a"), GetDecimal(data, "A"), GetLong(data, "u"),
        GetOptionalLong(data, "T") ?? GetLong(data, "E"));

    private static MarkPriceUpdate ParseMarkPrice(JsonElement data, long time) => new(
        GetSymbol(data, "s"), GetDecimal(data, "p"), GetDecimal(data, "i"), GetDecimal(data, "P"), GetDecimal(data, "r"), GetLong(data, "T"), time);

    private static DepthUpdate ParseDepth(JsonElement data, long time) => new(
        GetSymbol(data, "s"), GetLong(data, "U"), GetLong(data, "u"), GetLong(data, "pu"), GetLevels(data, "b"), GetLevels(data, "a"), time);

    // A partial book is a full top-N snapshot as of update id u.
    private static DepthSnapshot ParsePartialDepth(JsonElement data, long time) => new(
        GetSymbol(data, "s"), GetLong(data, "u"), GetLevels(data, "b"), GetLevels(data, "a"), GetOptionalLong(data, "T") ?? time);

    private static Ticker24Hour ParseTicker(JsonElement data) => new(
        GetSymbol(data, "s"), GetDecimal(data, "p"), GetDecimal(data, "P"), GetDecimal(data, "w"), GetDecimal(data, "c"), GetDecimal(data, "Q"),
        GetDecimal(data, "o"), GetDecimal(data, "h"), GetDecimal(data, "l"), GetDecimal(data, "v"), GetDecimal(data, "q"),
        GetLong(data, "O"), GetLong(data, "C"), GetLong(data, "F"), GetLong(data, "L"), GetLong(data, "n"));

    private static MiniTicker24Hour ParseMiniTicker(JsonElement data) => new(
        GetSymbol(data, "s"), GetDecimal(data, "c"), GetDecimal(data, "o"), GetDecimal(data, "h"), GetDecimal(data, "l"), GetDecimal(data, "v"), GetDecimal(data, "q"));
}
