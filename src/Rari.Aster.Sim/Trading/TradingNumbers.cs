using Rari.Aster.Sim.Instruments;
using Rari.Aster.Sim.Json;

namespace Rari.Aster.Sim.Trading;

/// <summary>
/// How the trading replies write decimals (all as JSON strings, never with an exponent):
/// <list type="bullet">
/// <item>prices on the tick grid (order, stop, fill, mark prices): at least the tick's decimals, more only when the
/// value has more, so nothing is rounded away;</item>
/// <item>quantities: at least the step's decimals;</item>
/// <item>averages (<c>avgPrice</c>, <c>entryPrice</c>, liquidation price), which can be repeating fractions:
/// rounded half away from zero to the tick's decimals plus <see cref="AverageExtraDecimals"/>;</item>
/// <item>money (balances, PnL, margins, commissions, notionals): at least <see cref="MoneyDecimals"/> decimals, as
/// Aster's account endpoints show them (<c>"122607.35137903"</c>), and more when the amount has more (a commission
/// of 3.4217 × 10.5 × 0.00035 has nine), up to <see cref="MaxMoneyDecimals"/>: the venue keeps money exact, and a
/// client adding up the income history must arrive at the balance to the last digit.</item>
/// </list>
/// </summary>
internal static class TradingNumbers
{
    /// <summary>Decimals every money amount shows at least.</summary>
    public const int MoneyDecimals = 8;

    /// <summary>Decimals a money amount shows at most (only values that are not finite decimals reach it).</summary>
    public const int MaxMoneyDecimals = 16;

    /// <summary>Decimals an average price carries beyond the tick's.</summary>
    public const int AverageExtraDecimals = 5;

    public static string Price(SymbolSpec spec, decimal value) => AsterNumber.AtLeast(value, spec.PriceDecimals);

    public static string Quantity(SymbolSpec spec, decimal value) => AsterNumber.AtLeast(value, spec.QuantityDecimals);

    public static string Average(SymbolSpec spec, decimal value)
    {
        var decimals = Math.Min(28, spec.PriceDecimals + AverageExtraDecimals);
        return AsterNumber.AtLeast(Math.Round(value, decimals, MidpointRounding.AwayFromZero), spec.PriceDecimals);
    }

    public static string Money(decimal value) =>
        AsterNumber.AtLeast(Math.Round(value, MaxMoneyDecimals, MidpointRounding.AwayFromZero), MoneyDecimals);
}
