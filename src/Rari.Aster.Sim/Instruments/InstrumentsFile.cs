using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;

namespace Rari.Aster.Sim.Instruments;

/// <summary>
/// Reads instrument definitions: the built-in <c>instruments.json</c> (BTCUSDT, ETHUSDT, SOLUSDT, SUIUSDT, ASTERUSDT,
/// PENGUUSDT) and an optional override file of the same shape, <c>{"symbols":[{…},…]}</c>.
/// </summary>
/// <remarks>
/// <para>An override entry for a built-in symbol replaces only the fields it gives (e.g. just <c>tickSize</c>); an
/// entry for a new symbol must give every field. Decimals may be JSON strings or numbers.</para>
/// <para>Fields: symbol, baseAsset, quoteAsset, pricePrecision, quantityPrecision, minPrice, maxPrice, tickSize,
/// minQty, maxQty, stepSize, marketMinQty, marketMaxQty, marketStepSize, minNotional, maxNumOrders,
/// maxNumAlgoOrders, multiplierUp, multiplierDown, multiplierDecimal, liquidationFee, marketTakeBound,
/// triggerProtect, makerCommissionRate, takerCommissionRate, fundingRate, fundingIntervalHours, fundingFeeCap,
/// fundingFeeFloor, interestRate, onboardDate, leverageBrackets (bracket, initialLeverage, notionalFloor,
/// notionalCap, maintMarginRatio, cum).</para>
/// </remarks>
public static class InstrumentsFile
{
    private const string ResourceName = "Rari.Aster.Sim.Instruments.instruments.json";

    /// <summary>The built-in instruments.</summary>
    public static IReadOnlyList<SymbolSpec> BuiltIn() => Parse(Entries(ReadBuiltInText(), "built-in instruments.json"), "built-in instruments.json");

    /// <summary>The built-in instruments with <paramref name="overridePath"/> applied (null for none).</summary>
    /// <exception cref="InvalidDataException">A file is invalid; the message names the symbol and the field.</exception>
    public static IReadOnlyList<SymbolSpec> Load(string? overridePath)
    {
        var builtIn = Entries(ReadBuiltInText(), "built-in instruments.json");
        if (overridePath is null)
        {
            return Parse(builtIn, "built-in instruments.json");
        }

        string text;
        try
        {
            text = File.ReadAllText(overridePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Instruments file '{overridePath}' cannot be read: {e.Message}", e);
        }

        return Parse(Merge(builtIn, Entries(text, overridePath), overridePath), overridePath);
    }

    /// <summary>Parses instrument JSON of the file's shape (every field required).</summary>
    /// <exception cref="InvalidDataException">The JSON is invalid.</exception>
    public static IReadOnlyList<SymbolSpec> Parse(string json, string sourceName) => Parse(Entries(json, sourceName), sourceName);

    private static string ReadBuiltInText()
    {
        using var stream = typeof(InstrumentsFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<JsonObject> Entries(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Instruments file '{source}' is not valid JSON: {e.Message}", e);
        }

        if (root is not JsonObject obj || obj["symbols"] is not JsonArray symbols)
        {
            throw new InvalidDataException($"Instruments file '{source}' must be an object with a \"symbols\" array.");
        }

        var entries = new List<JsonObject>();
        for (var i = 0; i < symbols.Count; i++)
        {
            entries.Add(symbols[i] as JsonObject
                ?? throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Instruments file '{source}': entry #{i + 1} must be an object.")));
        }

        return entries;
    }

    private static List<JsonObject> Merge(List<JsonObject> builtIn, List<JsonObject> overrides, string source)
    {
        var merged = builtIn.Select(e => (JsonObject)e.DeepClone()).ToList();
        for (var i = 0; i < overrides.Count; i++)
        {
            var entry = overrides[i];
            var symbol = entry["symbol"]?.GetValueKind() == JsonValueKind.String ? entry["symbol"]!.GetValue<string>() : null;
            if (string.IsNullOrWhiteSpace(symbol))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Instruments file '{source}': entry #{i + 1}, field \"symbol\", is missing."));
            }

            var target = merged.FirstOrDefault(e => string.Equals(e["symbol"]?.GetValue<string>(), symbol, StringComparison.OrdinalIgnoreCase));
            if (target is null)
            {
                merged.Add((JsonObject)entry.DeepClone());
                continue;
            }

            foreach (var (name, value) in entry)
            {
                target[name] = value?.DeepClone();
            }
        }

        return merged;
    }

    private static List<SymbolSpec> Parse(List<JsonObject> entries, string source)
    {
        var specs = new List<SymbolSpec>();
        var seen = new HashSet<Symbol>();
        for (var i = 0; i < entries.Count; i++)
        {
            var spec = new EntryReader(entries[i], source, i + 1).Read();
            if (!seen.Add(spec.Instrument.Symbol))
            {
                throw new InvalidDataException($"Instruments file '{source}': symbol {spec.Instrument.Symbol} is defined twice.");
            }

            specs.Add(spec);
        }

        return specs;
    }

    /// <summary>Reads one entry, naming the entry and field in every error.</summary>
    private sealed class EntryReader(JsonObject entry, string source, int index)
    {
        private string _name = string.Create(CultureInfo.InvariantCulture, $"entry #{index}");

        public SymbolSpec Read()
        {
            var symbolText = Text("symbol");
            if (!Symbol.TryParse(symbolText, out var symbol))
            {
                throw Fail("symbol", "must be letters and digits, such as BTCUSDT.");
            }

            _name = $"symbol {symbol}";
            try
            {
                var instrument = new Instrument(
                    symbol,
                    Text("baseAsset"),
                    Text("quoteAsset"),
                    Int("pricePrecision"),
                    Int("quantityPrecision"),
                    new PriceFilter(Decimal("minPrice"), Decimal("maxPrice"), Decimal("tickSize")),
                    new LotSizeFilter(Decimal("minQty"), Decimal("maxQty"), Decimal("stepSize")),
                    new LotSizeFilter(Decimal("marketMinQty"), Decimal("marketMaxQty"), Decimal("marketStepSize")),
                    new MinNotionalFilter(Decimal("minNotional")),
                    new PercentPriceFilter(Decimal("multiplierUp"), Decimal("multiplierDown"), Int("multiplierDecimal")),
                    Int("maxNumOrders"),
                    Int("maxNumAlgoOrders"),
                    Brackets(),
                    Decimal("liquidationFee"),
                    Decimal("marketTakeBound"));
                var intervalHours = Int("fundingIntervalHours");
                if (intervalHours is <= 0 or > 24 || 24 % intervalHours != 0)
                {
                    throw Fail("fundingIntervalHours", "must divide a day: 1, 2, 3, 4, 6, 8, 12 or 24.");
                }

                return new SymbolSpec(
                    instrument,
                    Decimal("triggerProtect"),
                    Decimal("makerCommissionRate"),
                    Decimal("takerCommissionRate"),
                    Decimal("fundingRate"),
                    intervalHours,
                    Decimal("fundingFeeCap"),
                    Decimal("fundingFeeFloor"),
                    Decimal("interestRate"),
                    Long("onboardDate"));
            }
            catch (ArgumentException e)
            {
                // The Domain's messages name the filter and field; drop the runtime's "(Parameter …)" tail.
                var reason = e.Message.Split('\n')[0].Split(" (Parameter", StringSplitOptions.None)[0];
                throw new InvalidDataException($"Instruments file '{source}': {_name}: {reason}", e);
            }
        }

        private List<LeverageBracket> Brackets()
        {
            if (entry["leverageBrackets"] is not JsonArray list || list.Count == 0)
            {
                throw Fail("leverageBrackets", "must be a non-empty array.");
            }

            var brackets = new List<LeverageBracket>();
            foreach (var node in list)
            {
                if (node is not JsonObject row)
                {
                    throw Fail("leverageBrackets", "must hold objects.");
                }

                var reader = new EntryReader(row, source, index) { _name = _name + ", leverage bracket" };
                brackets.Add(new LeverageBracket(
                    reader.Int("bracket"),
                    reader.Int("initialLeverage"),
                    reader.Decimal("notionalFloor"),
                    reader.Decimal("notionalCap"),
                    reader.Decimal("maintMarginRatio"),
                    reader.Decimal("cum")));
            }

            return brackets;
        }

        private string Text(string field) =>
            entry[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text
                ? text
                : throw Fail(field, "is missing or not a non-empty string.");

        private decimal Decimal(string field) => entry[field] switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var number) => number,
            JsonValue value when value.GetValueKind() == JsonValueKind.String
                && decimal.TryParse(value.GetValue<string>(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) => parsed,
            null => throw Fail(field, "is missing."),
            _ => throw Fail(field, "must be a decimal number (string or number)."),
        };

        private long Long(string field) => entry[field] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number)
            ? number
            : throw Fail(field, "is missing or not a whole number.");

        private int Int(string field)
        {
            var value = Long(field);
            return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Fail(field, "is out of range.");
        }

        private InvalidDataException Fail(string field, string problem) =>
            new($"Instruments file '{source}': {_name}, field \"{field}\", {problem}");
    }
}
