namespace Rari.Domain.Identifiers;

/// <summary>
/// The id we give an order (Aster's <c>newClientOrderId</c>). It is derived from persisted state,
/// so a retry or a restart can never create a second order for one intent.
/// </summary>
/// <remarks>
/// Aster accepts 1-36 characters matching <c>^[\.A-Z\:/a-z0-9_-]{1,36}$</c>; the constructor enforces it
/// so that an invalid id fails here, not at the exchange.
/// </remarks>
public readonly record struct ClientOrderId
{
    /// <summary>The longest id Aster accepts.</summary>
    public const int MaxLength = 36;

    /// <summary>The id's text, exactly as sent to the exchange.</summary>
    public string Value { get; }

    /// <summary>Creates a client order id, validating it against Aster's rules.</summary>
    /// <exception cref="ArgumentException">The id is empty, too long or has a character Aster refuses.</exception>
    public ClientOrderId(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException(
                $"'{value}' is not a valid client order id: use 1-{MaxLength} characters from A-Z a-z 0-9 . : / _ -.",
                nameof(value));
        }

        Value = value;
    }

    /// <summary>True when <paramref name="value"/> satisfies Aster's client-order-id rule.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '/' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
