using Rari.Actors.Execution;
using Rari.Actors.Risk;
using Rari.Actors.Symbols;
using Rari.Domain.Analytics;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;

namespace Rari.Dashboard.ReadModel;

/// <summary>
/// What the read model has gathered so far (the latest account view, the answers of the actors, the equity curve and
/// the fill counters) and the assembly of a <see cref="DashboardSnapshot"/> from it. Pure and single-threaded: the read
/// model actor owns one.
/// </summary>
/// <param name="mode">The strategy family (for the overview).</param>
/// <param name="symbols">The traded symbols, in display order.</param>
/// <param name="risk">The risk gate's limits, to show use against them.</param>
/// <param name="equityPoints">How many equity points to keep.</param>
/// <param name="startedAtMs">When the node started (wall clock).</param>
public sealed class ReadModelState(string mode, IReadOnlyList<Symbol> symbols, RiskSettings risk, int equityPoints, long startedAtMs)
{
    // Fills and filled orders remembered for de-duplication: a redelivery comes within moments, never after this many
    // newer ones, and a trader runs for weeks, so the sets are bounded (and round trips are tallied, not listed).
    private const int RememberedFills = 20_000;

    private readonly Queue<EquitySample> _equity = new();
    private readonly RecentKeys<ClientOrderId> _filledOrders = new(RememberedFills);
    private readonly RecentKeys<(Symbol Symbol, TradeId Trade)> _trades = new(RememberedFills); // venues number trades per symbol
    private readonly Dictionary<Symbol, SymbolStatus> _symbolStatus = [];
    private readonly Dictionary<Symbol, RoundTripBuilder> _roundTrips = [];
    private readonly List<ClosedTrade> _justClosed = [];
    private readonly TradeTally _closedTrades = new();
    private decimal? _firstEquity;
    private long _fills;
    private long _filledOrderCount;
    private decimal _filledNotional;
    private decimal _fees;

    /// <summary>The latest account view, or null before the first.</summary>
    public AccountChanged? Account { get; private set; }

    /// <summary>The risk gate's latest answer, or null before the first.</summary>
    public RiskStatus? Risk { get; private set; }

    /// <summary>The gateway's latest answer, or null before the first.</summary>
    public GatewayStatus? Gateway { get; private set; }

    /// <summary>The latest global trading state published by the risk gate.</summary>
    public TradingState GlobalState { get; private set; } = TradingState.Active;

    /// <summary>Whether every actor answered the latest round.</summary>
    public bool Connected { get; private set; }

    /// <summary>
    /// Takes an account view unless it is older (by the gateway's revision) than the one held — views come from the topic
    /// and from the gateway's status answers, in any order — and adds its equity to the curve at
    /// <paramref name="receivedAtMs"/>.
    /// </summary>
    /// <remarks>
    /// The curve runs on the wall clock of arrival, not on the view's exchange time: a view the venue has not dated yet
    /// carries 0, and a chart needs one increasing axis.
    /// </remarks>
    public void Apply(AccountChanged account, long receivedAtMs)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.IsOlderThan(Account) || Equals(Account, account))
        {
            return;
        }

        Account = account;
        _firstEquity ??= account.Equity;
        AddEquity(receivedAtMs, account.Equity);
    }

    /// <summary>Counts a fill once (by trade id); returns false for one already counted (a redelivery).</summary>
    public bool Apply(OrderFilled filled)
    {
        ArgumentNullException.ThrowIfNull(filled);
        if (!_trades.Add((filled.Symbol, filled.Fill.TradeId)))
        {
            return false;
        }

        _fills++;
        if (!_roundTrips.TryGetValue(filled.Symbol, out var trips))
        {
            trips = new RoundTripBuilder(filled.Symbol, _justClosed);
            _roundTrips.Add(filled.Symbol, trips);
        }

        trips.OnFill(filled.Fill);
        foreach (var closed in _justClosed)
        {
            _closedTrades.Add(closed);
        }

        _justClosed.Clear();
        _filledNotional += filled.Fill.Notional;
        _fees += filled.Fill.Fee;
        if (_filledOrders.Add(filled.ClientOrderId))
        {
            _filledOrderCount++;
        }

        return true;
    }

    /// <summary>Takes a published trading state (the global one is kept; symbol ones come with the next round).</summary>
    public void Apply(TradingStateChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Symbol is null)
        {
            GlobalState = change.State;
        }
    }

    /// <summary>Takes one round of answers (received at <paramref name="receivedAtMs"/>, wall clock); a missing answer keeps the previous one and marks the view disconnected.</summary>
    public void Apply(RiskStatus? risk, GatewayStatus? gateway, IReadOnlyList<SymbolStatus> symbolStatus, bool allAnswered, long receivedAtMs)
    {
        ArgumentNullException.ThrowIfNull(symbolStatus);
        Risk = risk ?? Risk;
        if (risk is not null)
        {
            GlobalState = risk.State.GlobalTradingState;
        }

        Gateway = gateway ?? Gateway;
        if (gateway?.Account is { } account)
        {
            Apply(account, receivedAtMs);
        }

        foreach (var status in symbolStatus)
        {
            _symbolStatus[status.Symbol] = status;
        }

        Connected = allAnswered;
    }

    /// <summary>Assembles the page's view at <paramref name="nowMs"/> (wall clock).</summary>
    public DashboardSnapshot Snapshot(long nowMs, IReadOnlyList<NodeView> cluster)
    {
        var equity = Account?.Equity;
        var riskState = Risk?.State ?? RiskState.Empty;
        var overview = new OverviewView(
            mode,
            startedAtMs,
            nowMs,
            equity,
            Account?.WalletBalance,
            Account?.AvailableBalance,
            // The available balance comes only with reconciled views (stream updates lack it), so it can lag the equity.
            Account is { } a ? Math.Max(0m, a.Equity - a.AvailableBalance) : null,
            equity is { } e && riskState.DayBaselineEquity > 0m ? e - riskState.DayBaselineEquity : null,
            equity - _firstEquity,
            equity is { } eq ? riskState.DrawdownFraction(eq) : 0m,
            GlobalState.ToString(),
            Gateway?.IsReconciled ?? false,
            Connected);
        return new DashboardSnapshot(overview, Positions(), SymbolViews(), RiskView(riskState, equity), Performance(), cluster);
    }

    private List<PositionView> Positions()
    {
        var positions = new List<PositionView>();
        foreach (var p in Account?.Positions ?? [])
        {
            if (p.Quantity == 0m)
            {
                continue;
            }

            var mark = p.EntryPrice + (p.UnrealizedPnl / p.Quantity);
            positions.Add(new PositionView(
                p.Symbol.Value,
                p.Quantity > 0m ? "LONG" : "SHORT",
                Math.Abs(p.Quantity),
                p.EntryPrice,
                mark,
                p.UnrealizedPnl,
                p.Leverage,
                p.MarginType.ToString().ToLowerInvariant()));
        }

        return positions;
    }

    private List<SymbolView> SymbolViews()
    {
        var views = new List<SymbolView>(symbols.Count);
        foreach (var symbol in symbols)
        {
            views.Add(_symbolStatus.TryGetValue(symbol, out var s)
                ? new SymbolView(
                    symbol.Value, s.Mode.ToString(), s.TradingState.ToString(), s.IsStale, s.IsHalted, s.OpenOrders.Count, s.Detail, true, s.LastPrice, GridViewOf(s.Grid))
                : new SymbolView(symbol.Value, mode, "unknown", false, false, 0, "no answer from its supervisor yet", false));
        }

        return views;
    }

    private RiskView RiskView(RiskState state, decimal? equity)
    {
        var limits = new List<LimitView>();
        if (equity is { } e)
        {
            limits.Add(new LimitView("daily loss", Math.Max(0m, state.DailyLossFraction(e)), risk.MaxDailyLoss));
            if (risk.MaxDrawdown is { } maxDrawdown)
            {
                limits.Add(new LimitView("drawdown", state.DrawdownFraction(e), maxDrawdown));
            }

            if (e > 0m)
            {
                var gross = 0m;
                foreach (var p in Positions())
                {
                    gross += p.Quantity * p.MarkPrice;
                }

                limits.Add(new LimitView("gross leverage", gross / e, risk.MaxGrossLeverage));
                if (risk.MaxTotalNotional is { } maxTotal)
                {
                    limits.Add(new LimitView("total notional (USDT)", gross, maxTotal));
                }
            }
        }

        var restrictions = new List<RestrictionView>();
        foreach (var r in state.Restrictions)
        {
            restrictions.Add(new RestrictionView(r.Symbol?.Value ?? "all", r.Cause.ToString(), r.Level.ToString(), r.Reason, r.SinceMs));
        }

        var breakers = new List<BreakerView>();
        foreach (var b in state.Breakers)
        {
            breakers.Add(new BreakerView(b.Symbol.Value, b.Reason, b.TrippedAtMs, b.UntilMs));
        }

        return new RiskView(limits, restrictions, breakers, Risk?.Approved ?? 0, Risk?.Resized ?? 0, Risk?.Denied ?? 0);
    }

    private static GridView? GridViewOf(Domain.Strategies.Grid.GridLadder? ladder) => ladder is null
        ? null
        : new GridView(
            ladder.Phase.ToString(),
            ladder.Levels,
            [.. ladder.Rungs.Select(r => new GridRungLine(r.EntryPrice, r.ExitPrice, r.EntrySide == OrderSide.Buy ? "BUY" : "SELL", r.Status.ToString(), r.Holding))]);

    private PerformanceView Performance()
    {
        var samples = _equity.ToArray();
        double maxDrawdown = 0;
        double sharpe = 0;
        var trades = _closedTrades.Statistics();
        if (samples.Length > 0)
        {
            var curve = new EquityPoint[samples.Length];
            for (var i = 0; i < samples.Length; i++)
            {
                curve[i] = new EquityPoint(samples[i].TimestampMs, samples[i].Equity);
            }

            var report = PerformanceCalculator.Compute(curve, [], _fees, 0m);
            maxDrawdown = report.MaxDrawdownFraction;
            sharpe = report.SharpeRatio;
        }

        return new PerformanceView(
            samples,
            maxDrawdown,
            sharpe,
            _fills,
            _filledNotional,
            _fees,
            Gateway?.Submitted ?? 0,
            _filledOrderCount,
            Gateway?.Rejected ?? 0,
            Gateway?.UnknownOutcomes ?? 0,
            _closedTrades.Count,
            trades.WinRate,
            trades.ProfitFactor);
    }

    private void AddEquity(long timestampMs, decimal equity)
    {
        // One point per millisecond of arrival is all a chart can show.
        if (_equity.Count > 0 && _equity.Last().TimestampMs >= timestampMs)
        {
            return;
        }

        _equity.Enqueue(new EquitySample(timestampMs, equity));
        while (_equity.Count > equityPoints)
        {
            _equity.Dequeue();
        }
    }
}
