namespace Rari.Domain.Identifiers;

/// <summary>Identifies one strategy instance, for example <c>grid</c> or <c>vol</c>; part of every client order id it makes.</summary>
/// <param name="Value">The id's text.</param>
public readonly record struct StrategyId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Identifies a trading account (one set of exchange credentials), for example <c>main</c>.</summary>
/// <param name="Value">The id's text.</param>
public readonly record struct AccountId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>The exchange's own numeric order id (Aster's <c>orderId</c>).</summary>
/// <param name="Value">The number the exchange assigned.</param>
public readonly record struct VenueOrderId(long Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The exchange's id for one trade (fill), unique per symbol (Aster's <c>t</c> / <c>id</c>).</summary>
/// <param name="Value">The number the exchange assigned.</param>
public readonly record struct TradeId(long Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
