namespace Rari.Domain.Analytics;

/// <summary>One sample of an account's equity curve.</summary>
/// <param name="TimestampMs">Sample time, UTC epoch milliseconds.</param>
/// <param name="Equity">Wallet balance plus unrealized PnL, in USDT.</param>
/// <param name="GrossExposure">Sum of |notional| of all open positions at that time, in USDT; 0 when flat.</param>
public readonly record struct EquityPoint(long TimestampMs, decimal Equity, decimal GrossExposure = 0m);
