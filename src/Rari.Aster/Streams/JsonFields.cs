using System.Globalization;
using System.Text.Json;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Streams;

/// <summary>
/// Reads the one-letter fields of stream payloads. Field names are case-sensitive (<c>T</c> and <c>t</c> differ).
/// Decimals may come as JSON strings (Aster's habit) or numbers. A missing or mistyped required field throws
/// <see cref="FormatException"/> naming it, which the stream turns into a logged, skipped message.
/// </summary>
internal static class JsonFields
{
    public static JsonElement Required(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new FormatException($"field '{name}' is missing");

    public static bool Has(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public static string GetText(JsonElement e, string name)
    {
        var value = Required(e, name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"field '{name}' is not text");
    }

    public static string? GetOptionalText(JsonElement e, string name) =>
        Has(e, name) ? GetText(e, name) : null;

    public static decimal GetDecimal(JsonElement e, string name) => ToDecimal(Required(e, name), name);

    public static decimal? GetOptionalDecimal(JsonElement e, string name) =>
        Has(e, name) ? ToDecimal(e.GetProperty(name), name) : null;

    public static long GetLong(JsonElement e, string name)
    {
        var value = Required(e, name);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw new FormatException($"field '{name}' is not a whole number");
    }

    public static long? GetOptionalLong(JsonElement e, string name) => Has(e, name) ? GetLong(e, name) : null;

    public static bool GetBool(JsonElement e, string name) => Required(e, name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(e.GetProperty(name).GetString(), out var parsed) => parsed,
        _ => throw new FormatException($"field '{name}' is not a boolean"),
    };

    public static bool? GetOptionalBool(JsonElement e, string name) => Has(e, name) ? GetBool(e, name) : null;

    public static Symbol GetSymbol(JsonElement e, string name) =>
        Rari.Domain.Identifiers.Symbol.TryParse(GetText(e, name), out var symbol)
            ? symbol
            : throw new FormatException($"field '{name}' is not a symbol");

    /// <summary>A <c>[[price, quantity], …]</c> list.</summary>
    public static IReadOnlyList<BookLevel> GetLevels(JsonElement e, string name)
    {
        var list = Required(e, name);
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"field '{name}' is not a list of levels");
        }

        var levels = new BookLevel[list.GetArrayLength()];
        var i = 0;
        foreach (var level in list.EnumerateArray())
        {
            if (level.ValueKind != JsonValueKind.Array || level.GetArrayLength() < 2)
            {
                throw new FormatException($"field '{name}' holds a level that is not [price, quantity]");
            }

            levels[i++] = new BookLevel(ToDecimal(level[0], name), ToDecimal(level[1], name));
        }

        return levels;
    }

    private static decimal ToDecimal(JsonElement value, string name)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case JsonValueKind.Number when value.TryGetDecimal(out var number):
                return number;
            default:
                throw new FormatException($"field '{name}' is not a number");
        }
    }
}
