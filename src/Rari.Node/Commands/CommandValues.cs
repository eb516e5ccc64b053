using System.Globalization;
using Rari.Domain.Identifiers;

namespace Rari.Node.Commands;

/// <summary>Parses the values of command-line options that several commands share: dates and symbol lists.</summary>
public static class CommandValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
    ];

    /// <summary>
    /// Reads a UTC time: a date (<c>2025-05-06</c>, its midnight), a date and time (<c>2025-05-06T12:00</c>, optional
    /// seconds and <c>Z</c>) or epoch milliseconds.
    /// </summary>
    public static bool TryParseTime(string? text, out long epochMs)
    {
        epochMs = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Length >= 10 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out epochMs))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            epochMs = new DateTimeOffset(time, TimeSpan.Zero).ToUnixTimeMilliseconds();
            return true;
        }

        return false;
    }

    /// <summary>Reads a comma-separated list of symbols (<c>BTCUSDT,ETHUSDT</c>); letters are upper-cased.</summary>
    public static bool TryParseSymbols(string? text, out IReadOnlyList<Symbol> symbols, out string? bad)
    {
        var list = new List<Symbol>();
        symbols = list;
        bad = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var symbol = part.ToUpperInvariant();
            if (symbol.Length is 0 or > 32 || !symbol.All(char.IsAsciiLetterOrDigit))
            {
                bad = part;
                return false;
            }

            if (!list.Contains(new Symbol(symbol)))
            {
                list.Add(new Symbol(symbol));
            }
        }

        return true;
    }

    /// <summary>A UTC time as the console shows it.</summary>
    public static string Date(long epochMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
