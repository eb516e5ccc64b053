using Rari.Backtest.Reports;

namespace Rari.Backtest.Results;

/// <summary>What one backtest run produced: the report for the writers, the money totals, and how fast it ran.</summary>
/// <param name="Report">Metrics, round trips, equity curve, per-symbol charts and risk events.</param>
/// <param name="Totals">The account's money and order counts.</param>
/// <param name="Klines">Bars processed, warm-up included.</param>
/// <param name="Elapsed">Wall-clock time of the run loop (loading excluded); not part of the report, which stays deterministic.</param>
public sealed record BacktestResult(BacktestReport Report, BacktestTotals Totals, long Klines, TimeSpan Elapsed)
{
    /// <summary>Bars processed per second of <see cref="Elapsed"/>.</summary>
    public double KlinesPerSecond => Elapsed > TimeSpan.Zero ? Klines / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// The account's money over the run and what happened to its orders.
/// </summary>
/// <remarks>
/// Cash conservation, exactly: <c>FinalWallet = InitialBalance + RealizedPnl − Fees − Funding − LiquidationFees</c>
/// and <c>FinalEquity = FinalWallet + UnrealizedPnl</c>.
/// </remarks>
/// <param name="InitialBalance">The opening wallet, USDT.</param>
/// <param name="FinalWallet">The wallet at the end, USDT.</param>
/// <param name="FinalEquity">Wallet plus unrealized PnL at the end (at the last closes), USDT.</param>
/// <param name="UnrealizedPnl">Unrealized PnL of the positions still open at the end, USDT.</param>
/// <param name="RealizedPnl">PnL realized by all fills (liquidations included), before fees, USDT.</param>
/// <param name="Fees">Commissions paid (negative for rebates), liquidation fees excluded, USDT.</param>
/// <param name="Funding">Funding paid (negative when received), USDT.</param>
/// <param name="LiquidationFees">Fees charged by liquidations, USDT.</param>
/// <param name="Fills">Executions, liquidation fills included.</param>
/// <param name="OrdersPlaced">Orders the strategies asked the venue for.</param>
/// <param name="OrdersRejected">Of those, orders the venue refused.</param>
/// <param name="OrdersDenied">Orders the risk gate's rules denied before they reached the venue.</param>
/// <param name="Liquidations">Positions liquidated.</param>
/// <param name="MaxOpenOrders">The most orders open at once on one symbol.</param>
/// <param name="Rejections">How many orders the venue refused, per error code (e.g. −2022 reduce-only rejected), by code.</param>
public sealed record BacktestTotals(
    decimal InitialBalance,
    decimal FinalWallet,
    decimal FinalEquity,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    decimal Fees,
    decimal Funding,
    decimal LiquidationFees,
    long Fills,
    long OrdersPlaced,
    long OrdersRejected,
    long OrdersDenied,
    long Liquidations,
    int MaxOpenOrders,
    IReadOnlyList<RejectionCount> Rejections);

/// <summary>How often the venue refused orders with one error code.</summary>
/// <param name="Code">The venue's error code, e.g. −2022.</param>
/// <param name="Message">The venue's message for it.</param>
/// <param name="Count">How many orders.</param>
public sealed record RejectionCount(int Code, string Message, long Count);
