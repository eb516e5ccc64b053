namespace Rari.Domain.Instruments;

/// <summary>
/// One row of a symbol's leverage / maintenance-margin table (Aster's <c>leverageBracket</c>): positions whose
/// notional lies in <c>[NotionalFloor, NotionalCap)</c> may use at most <see cref="InitialLeverage"/> and need
/// maintenance margin <c>notional × MaintMarginRatio − Cum</c>.
/// </summary>
/// <param name="Bracket">The bracket's 1-based number.</param>
/// <param name="InitialLeverage">Highest leverage allowed in this bracket.</param>
/// <param name="NotionalFloor">Lowest notional of the bracket, in USDT (inclusive).</param>
/// <param name="NotionalCap">Highest notional of the bracket, in USDT (exclusive).</param>
/// <param name="MaintMarginRatio">Maintenance margin rate, e.g. 0.004 for 0.4 %.</param>
/// <param name="Cum">The bracket's maintenance amount, which makes the schedule continuous across brackets.</param>
public sealed record LeverageBracket(
    int Bracket,
    int InitialLeverage,
    decimal NotionalFloor,
    decimal NotionalCap,
    decimal MaintMarginRatio,
    decimal Cum);
