using Rari.Actors.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Portfolio;

namespace Rari.Actors.Risk;

/// <summary>
/// The account as the risk gate values it: the gateway's latest <see cref="AccountChanged"/>, brought up to date with the
/// marks the symbols reported after it.
/// </summary>
/// <remarks>
/// <para>The venue sends an account update when balances or positions change, not when prices move, so the reported
/// unrealized PnL ages between fills. A daily loss limit measured on it would not see a crash in an open position; the
/// gate therefore revalues each position at its symbol's mark when that mark is newer than the report:
/// <c>equity = reported equity + Σ (quantity × (mark − entry) − reported unrealized PnL)</c>.</para>
/// <para>Without a newer mark the report's own figures stand, its mark implied by <c>entry + unrealized PnL / quantity</c>.
/// Wallet balances (and so the cross wallet the liquidation estimate derives) never change here.</para>
/// </remarks>
internal sealed class AccountView(AccountChanged report)
{
    /// <summary>The gateway's report.</summary>
    public AccountChanged Report { get; } = report ?? throw new ArgumentNullException(nameof(report));

    /// <summary>Exchange time of the report.</summary>
    public long TimestampMs => Report.TimestampMs;

    /// <summary>Equity now, USDT: the reported equity with every position revalued at a newer mark.</summary>
    public decimal Equity(MarketReadings readings)
    {
        var equity = Report.Equity;
        foreach (var position in Report.Positions)
        {
            if (position.Quantity != 0m && FreshMark(position.Symbol, readings) is { } mark)
            {
                equity += (position.Quantity * (mark - position.EntryPrice)) - position.UnrealizedPnl;
            }
        }

        return equity;
    }

    /// <summary>True when the account holds a position in <paramref name="symbol"/>.</summary>
    public bool Holds(Symbol symbol)
    {
        foreach (var position in Report.Positions)
        {
            if (position.Symbol == symbol && position.Quantity != 0m)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the symbol of every open position to <paramref name="symbols"/>.</summary>
    public void CollectSymbols(HashSet<Symbol> symbols)
    {
        foreach (var position in Report.Positions)
        {
            if (position.Quantity != 0m)
            {
                symbols.Add(position.Symbol);
            }
        }
    }

    /// <summary>
    /// The mark to value <paramref name="symbol"/> at: the symbol's reported mark when it is newer than the account
    /// report (or nothing is held), else the mark the report implies, else the older reported mark; null when unknown.
    /// </summary>
    public decimal? MarkOf(Symbol symbol, MarketReadings readings)
    {
        if (FreshMark(symbol, readings) is { } fresh)
        {
            return fresh;
        }

        foreach (var position in Report.Positions)
        {
            if (position.Symbol == symbol && position.Quantity != 0m && ImpliedMark(position) is { } implied)
            {
                return implied;
            }
        }

        return readings.Of(symbol)?.Mark;
    }

    /// <summary>The symbol's open positions valued at <paramref name="mark"/> the way the portfolio values them.</summary>
    public List<PositionMargin> PositionsOf(Instrument instrument, decimal mark, MarketReadings readings)
    {
        var fresh = FreshMark(instrument.Symbol, readings) is not null;
        var positions = new List<PositionMargin>(2);
        foreach (var position in Report.Positions)
        {
            if (position.Symbol != instrument.Symbol || position.Quantity == 0m)
            {
                continue;
            }

            var notional = Math.Abs(position.Quantity) * mark;
            var leverage = Math.Max(1, position.Leverage);
            positions.Add(new PositionMargin(
                position.Symbol,
                position.Side,
                position.Quantity,
                position.EntryPrice,
                position.Quantity * position.EntryPrice,
                mark,
                fresh ? position.Quantity * (mark - position.EntryPrice) : position.UnrealizedPnl,
                notional,
                notional / leverage,
                MaintenanceMargin(instrument, notional),
                leverage,
                position.MarginType,
                position.IsolatedWallet,
                0m));
        }

        return positions;
    }

    /// <summary>The leverage the venue reports for the symbol's position, or null when none is held.</summary>
    public int? LeverageOf(Symbol symbol) => Find(symbol)?.Leverage;

    /// <summary>The margin type of the symbol's position, or null when none is held.</summary>
    public MarginType? MarginTypeOf(Symbol symbol) => Find(symbol)?.MarginType;

    private PositionReport? Find(Symbol symbol)
    {
        foreach (var position in Report.Positions)
        {
            if (position.Symbol == symbol && position.Quantity != 0m)
            {
                return position;
            }
        }

        return null;
    }

    private decimal? FreshMark(Symbol symbol, MarketReadings readings) =>
        readings.Of(symbol) is { } reading && reading.TimestampMs >= Report.TimestampMs ? reading.Mark : null;

    private static decimal? ImpliedMark(PositionReport position) =>
        position.EntryPrice + (position.UnrealizedPnl / position.Quantity) is > 0m and var mark ? mark : null;

    // The venue's formula, as PortfolioAccount applies it; an instrument without brackets holds no maintenance margin.
    private static decimal MaintenanceMargin(Instrument instrument, decimal notional) =>
        instrument.LeverageBrackets.Count == 0 ? 0m : LeverageBrackets.MaintenanceMargin(instrument.LeverageBrackets, notional);
}
