namespace Rari.Domain.Portfolio;

/// <summary>The one place where an accounting amount comes from a division.</summary>
/// <remarks>
/// Average-cost accounting needs a division in two places: the share of the cost basis a partial close removes,
/// and the initial margin moved into an isolated wallet. Their quotients often do not terminate (302 / 3), and a
/// 28-digit quotient added to a wallet would make the wallet itself round. Quantizing those quotients to
/// <see cref="DivisionScale"/> decimal places keeps every balance an exact decimal sum. It moves no money in or
/// out of the account: the closed share and the share left in the position add up to the exact cost basis, so
/// realized plus unrealized PnL always equals the exact trading cash flow.
/// </remarks>
internal static class Accounting
{
    /// <summary>Decimal places kept from a division (1e-16 USDT, far below any exchange precision).</summary>
    public const int DivisionScale = 16;

    /// <summary>Rounds a quotient to <see cref="DivisionScale"/> places, half to even.</summary>
    public static decimal Quantize(decimal quotient) => decimal.Round(quotient, DivisionScale, MidpointRounding.ToEven);
}
