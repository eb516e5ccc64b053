namespace Rari.Domain.Identifiers;

/// <summary>
/// An exchange symbol such as <c>BTCUSDT</c>: upper-case ASCII letters and digits, as Aster lists them.
/// </summary>
/// <remarks>Stream names use the lower-case form (<c>btcusdt@kline_1m</c>); <see cref="ToStreamName"/> gives it.</remarks>
public readonly record struct Symbol
{
    /// <summary>The symbol's canonical upper-case text.</summary>
    public string Value { get; }

    /// <summary>Creates a symbol, normalising to upper case.</summary>
    /// <exception cref="ArgumentException">The text is empty or contains characters other than letters and digits.</exception>
    public Symbol(string value)
    {
        if (!TryNormalize(value, out var normalized))
        {
            throw new ArgumentException(
                $"'{value}' is not a valid symbol: use 1-32 letters or digits, for example BTCUSDT.", nameof(value));
        }

        Value = normalized;
    }

    /// <summary>Parses a symbol, returning false instead of throwing for bad text.</summary>
    public static bool TryParse(string? text, out Symbol symbol)
    {
        if (TryNormalize(text, out var normalized))
        {
            symbol = new Symbol(normalized);
            return true;
        }

        symbol = default;
        return false;
    }

    /// <summary>The lower-case form used in WebSocket stream names.</summary>
    public string ToStreamName() => Value.ToLowerInvariant();

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    private static bool TryNormalize(string? text, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrEmpty(text) || text.Length > 32)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        normalized = text.ToUpperInvariant();
        return true;
    }
}
