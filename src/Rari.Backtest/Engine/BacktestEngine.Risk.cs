using Rari.Backtest.Reports;
using Rari.Domain.Identifiers;
using Rari.Domain.Indicators;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Venue.Orders;

namespace Rari.Backtest.Engine;

// The risk gate, as the live RiskGate runs it: every order judged by the Domain's RiskEngine against a RiskContext built
// from the venue account; the RiskMonitor fed the equity at each bar and fill, the UTC day starts, the bar returns and the
// passing of time; its commands (cancel entries, close positions) carried out on the venue; its decisions in the report.
public sealed partial class BacktestEngine
{
    /// <summary>The strategy id the risk gate's closing orders are placed under (the live gateway's).</summary>
    private static readonly StrategyId RiskStrategy = new("risk");

    // Reduce-only and closing orders pass whatever the context says; the engine does not read it for them.
    private static readonly RiskContext NoContext = new(0, 0m, []);

    private readonly RiskEngine? _riskEngine;
    private readonly RiskMonitor? _monitor;
    private readonly ClientOrderIdFactory _riskIds = new();
    private readonly HashSet<ClientOrderId> _riskOrders = [];
    private readonly List<RiskCommand> _riskCommands = [];
    private readonly List<SymbolRiskView> _viewScratch = [];
    private RollingCorrelation?[] _correlations = [];

    // Per pair of runs (i < j, in PairReturns' order): whether run i's symbol comes first in ordinal order.
    private bool[] _pairInOrder = [];
    private CorrelationTable? _correlationTable;
    private RiskState _riskState = RiskState.Empty;
    private long _riskSequence;
    private long _monitorFromMs;

    // The band of equity (and time) within which the monitor would decide nothing: it is asked only outside it, so a
    // quiet bar allocates no input. Recomputed from the state after every decision; the monitor stays the judge.
    private decimal _lossAllowance;
    private bool _lossArmed;
    private decimal _peakStep;
    private decimal _drawdownAllowance;
    private bool _drawdownArmed;
    private long _nextBreakerEndMs = long.MaxValue;

    // The circuit-breaker limits as doubles for the readings' quick test (infinity when off); the decimal test decides.
    private double _tripMove = double.PositiveInfinity;
    private double _tripSigma = double.PositiveInfinity;

    private bool Monitoring(long timeMs) => _monitor is not null && timeMs >= _monitorFromMs;

    private void InitRisk()
    {
        _monitorFromMs = long.MaxValue;
        foreach (var run in _runs)
        {
            _monitorFromMs = Math.Min(_monitorFromMs, run.TradeFromMs);
        }

        if (_monitor is not null)
        {
            _tripMove = _monitor.Settings.CircuitBreakerMove is { } move ? (double)move : double.PositiveInfinity;
            _tripSigma = _monitor.Settings.CircuitBreakerSigma is { } sigma ? (double)sigma : double.PositiveInfinity;
        }

        var pairs = _runs.Length * (_runs.Length - 1) / 2;
        _correlations = new RollingCorrelation?[pairs];
        _pairInOrder = new bool[pairs];
        var pair = 0;
        for (var i = 0; i < _runs.Length; i++)
        {
            for (var j = i + 1; j < _runs.Length; j++, pair++)
            {
                _pairInOrder[pair] = string.CompareOrdinal(_runs[i].Symbol.Value, _runs[j].Symbol.Value) < 0;
            }
        }

        RecomputeBand();
    }

    // Step start: midnight passed since the last reading, so the new day starts with the equity at the boundary (the live
    // gate's timer does the same), before this step's bars move anything.
    private void StartDayIfDue(long openTimeMs)
    {
        if (!Monitoring(openTimeMs) || _riskState.DayStartMs is not { } day || RiskMonitor.DayStartOf(openTimeMs) <= day)
        {
            return;
        }

        RefreshBalance();
        Decide(new UtcDayStarted(openTimeMs, _equity));
        ExecuteRiskCommands();
    }

    // After the bars: the equity at the close (a crash in an open position is seen at once), then each bar's return.
    private void MonitorBars()
    {
        var now = _venue.NowMs;
        if (!Monitoring(now))
        {
            return;
        }

        RefreshBalance();
        var equity = _equity;
        if (_riskState.DayStartMs is null)
        {
            Decide(new EquityObserved(now, equity));
        }
        else if (RiskMonitor.DayStartOf(now) > _riskState.DayStartMs)
        {
            Decide(new UtcDayStarted(now, equity));
        }
        else if (!IsQuiet(equity, now))
        {
            Decide(new EquityObserved(now, equity));
        }

        foreach (var run in _runs)
        {
            if (run.HasBarNow && run.Readings.Return is { } barReturn && !run.Readings.IsSurelyCalm(_tripMove, _tripSigma)
                && MayTrip(barReturn, run.Readings.RecentStdDev))
            {
                Decide(new BarReturnObserved(now, run.Symbol, barReturn, run.Readings.RecentStdDev));
            }
        }

        ExecuteRiskCommands();
    }

    private void ObserveFill(Fill fill)
    {
        if (!Monitoring(fill.TimestampMs))
        {
            return;
        }

        RefreshBalance();
        if (!IsQuiet(_equity, fill.TimestampMs))
        {
            Decide(new FillObserved(fill, _equity));
            ExecuteRiskCommands();
        }
    }

    // Same day, nothing pending, and the equity inside every limit and below the next journaled peak.
    private bool IsQuiet(decimal equity, long nowMs)
    {
        var state = _riskState;
        if (nowMs >= _nextBreakerEndMs || state.BaselineRebasePending || state.PeakRebasePending
            || state.DayStartMs is not { } day || RiskMonitor.DayStartOf(nowMs) > day)
        {
            return false;
        }

        var baseline = state.DayBaselineEquity;
        var peak = state.EquityPeak;
        return (!_lossArmed || baseline - equity < _lossAllowance)
            && peak > 0m && (equity <= peak || equity - peak < _peakStep)
            && (!_drawdownArmed || peak - equity < _drawdownAllowance);
    }

    // The monitor's own test of a one-bar move.
    private bool MayTrip(decimal barReturn, decimal? recentStdDev)
    {
        var settings = _monitor!.Settings;
        var move = Math.Abs(barReturn);
        return (settings.CircuitBreakerMove is { } maxMove && move > maxMove)
            || (settings.CircuitBreakerSigma is { } maxSigma && recentStdDev is > 0m and { } sigma && move > maxSigma * sigma);
    }

    private void Decide(RiskInput input)
    {
        var decision = _monitor!.Decide(_riskState, input);
        if (decision.IsEmpty)
        {
            return;
        }

        foreach (var riskEvent in decision.Events)
        {
            _riskState = _riskState.Apply(riskEvent);
            Record(riskEvent);
        }

        // One cancel or close per scope is enough, however many inputs asked for it (as the gate does).
        foreach (var command in decision.Commands)
        {
            var known = false;
            foreach (var held in _riskCommands)
            {
                known |= held.GetType() == command.GetType() && held.Symbol == command.Symbol;
            }

            if (!known)
            {
                _riskCommands.Add(command);
            }
        }

        RecomputeBand();
        var now = input.TimestampMs;
        foreach (var run in _runs)
        {
            run.State = _riskState.TradingStateOf(run.Symbol, now);
        }
    }

    private void RecomputeBand()
    {
        var settings = _settings.Risk;
        var state = _riskState;
        _lossArmed = state.DayBaselineEquity > 0m && !state.IsRestricted(null, HaltCause.DailyLoss);
        _lossAllowance = state.DayBaselineEquity * settings.MaxDailyLoss;
        _peakStep = state.EquityPeak * settings.PeakJournalStep;
        _drawdownArmed = settings.MaxDrawdown is not null && state.EquityPeak > 0m && !state.IsRestricted(null, HaltCause.MaxDrawdown);
        _drawdownAllowance = state.EquityPeak * (settings.MaxDrawdown ?? 0m);
        _nextBreakerEndMs = long.MaxValue;
        foreach (var breaker in state.Breakers)
        {
            _nextBreakerEndMs = Math.Min(_nextBreakerEndMs, breaker.UntilMs);
        }
    }

    private void Record(IRiskEvent riskEvent)
    {
        var record = riskEvent switch
        {
            TradingHalted halted => new RiskEventRecord(halted.TimestampMs, "halt", halted.Symbol, $"{CauseName(halted.Cause)} ({halted.Level}): {halted.Reason}"),
            TradingResumed resumed => new RiskEventRecord(resumed.TimestampMs, "resume", resumed.Symbol, resumed.Reason),
            CircuitBreakerTripped tripped => new RiskEventRecord(
                tripped.TimestampMs, "circuit-breaker", tripped.Symbol, Text($"{tripped.Reason}; no new entries until {DateTimeOffset.FromUnixTimeMilliseconds(tripped.UntilMs).UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC")),
            CircuitBreakerReset reset => new RiskEventRecord(reset.TimestampMs, "circuit-breaker-reset", reset.Symbol, reset.Reason),
            FlattenOrdered flatten => new RiskEventRecord(flatten.TimestampMs, "flatten", flatten.Symbol, flatten.Reason),
            _ => null,
        };
        if (record is not null)
        {
            _riskEvents.Add(record);
        }
    }

    private static string CauseName(HaltCause cause) => cause switch
    {
        HaltCause.DailyLoss => "max-daily-loss",
        HaltCause.MaxDrawdown => "max-drawdown",
        HaltCause.Manual => "manual",
        _ => cause.ToString(),
    };

    // The monitor's commands, carried out on the venue as the gateway carries them out; what they cause (cancels,
    // fills) reaches the strategies through the queue.
    private void ExecuteRiskCommands()
    {
        if (_riskCommands.Count == 0)
        {
            return;
        }

        var now = _venue.NowMs;
        foreach (var command in _riskCommands)
        {
            foreach (var run in _runs)
            {
                if (command.Symbol is { } only && only != run.Symbol)
                {
                    continue;
                }

                if (command is CancelEntryOrders)
                {
                    CancelEntries(run, now, command.Reason);
                }
                else if (command is ClosePositions)
                {
                    ClosePosition(run, now, command.Reason);
                }
            }
        }

        _riskCommands.Clear();
        _balanceDirty = true;
    }

    // Against the venue's own view (it may be ahead of the events handled so far, as the exchange is ahead of the
    // gateway's stream): every open order that is neither reduce-only nor close-position, in the venue's order.
    private void CancelEntries(SymbolRun run, long now, string reason)
    {
        var open = _venue.GetOpenOrders(_account, run.Symbol).Value;
        var entries = 0;
        var canceled = 0;
        foreach (var order in open)
        {
            if (order.ReduceOnly || order.ClosePosition)
            {
                continue;
            }

            entries++;
            canceled += _venue.CancelOrder(_account, run.Symbol, OrderReference.ByClientId(order.ClientOrderId.Value)).IsSuccess ? 1 : 0;
        }

        if (entries > 0)
        {
            _riskEvents.Add(new RiskEventRecord(now, "cancel-entries", run.Symbol, Text($"{canceled} of {entries} resting entry order(s) cancelled: {reason}")));
        }
    }

    // The position as the venue holds it now (the gateway reads the exchange's too), not as the events handled so far say.
    private void ClosePosition(SymbolRun run, long now, string reason)
    {
        var quantity = 0m;
        foreach (var row in _venue.GetPositionRisk(_account, run.Symbol).Value)
        {
            quantity += row.PositionAmount;
        }

        if (quantity == 0m)
        {
            return;
        }

        var first = _riskSequence;
        var orders = FlattenPlanner.Orders(run.Instrument, PositionSide.Both, quantity, RiskStrategy, i => _riskIds.Create(RiskStrategy, run.Symbol, first + i));
        _riskSequence += orders.Count;
        var failures = string.Empty;
        foreach (var order in orders)
        {
            _riskOrders.Add(order.ClientOrderId);
            var placed = _venue.PlaceOrder(_account, ToRequest(order));
            if (!placed.IsSuccess)
            {
                failures += Text($"; {order.ClientOrderId} refused: {placed.Error.Code} {placed.Error.Message}");
            }
        }

        _riskEvents.Add(new RiskEventRecord(now, "flatten", run.Symbol, Text($"closing {quantity} at market with {orders.Count} reduce-only order(s): {reason}{failures}")));
    }

    /// <summary>The verdict on a strategy's order: the order to send (as asked, or resized), or the reason it is denied.</summary>
    private (OrderIntent? Order, string? Denial) Judge(SymbolRun run, OrderIntent intent)
    {
        if (_riskEngine is null)
        {
            return (intent, null);
        }

        var request = RiskRequests.For(run.Strategy, intent);
        if (request.IsExposureSafe)
        {
            return (_riskEngine.Check(request, NoContext).Order, null);
        }

        RiskVerdict verdict;
        try
        {
            verdict = _riskEngine.Check(request, BuildContext(run));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return (null, $"{RiskRuleNames.Gate}: the order could not be judged: {e.Message}");
        }

        if (verdict.Kind == RiskVerdictKind.Resized)
        {
            _ordersResized++;
        }

        return verdict.IsAllowed ? (verdict.Order, null) : (null, verdict.Reason);
    }

    /// <summary>
    /// The context of a check, as the gate builds it: equity now, and a view of the order's symbol and of every symbol
    /// held or with entries resting, each with its rules, mark (the last close), leverage, position, resting entry
    /// notional, trading state and readings.
    /// </summary>
    private RiskContext BuildContext(SymbolRun orderRun)
    {
        RefreshBalance();
        var now = _venue.NowMs;
        var views = new List<SymbolRiskView>(_runs.Length);
        foreach (var run in _runs)
        {
            if ((run == orderRun || run.AccountQuantity != 0m || run.Orders.BuyNotional > 0m || run.Orders.SellNotional > 0m) && run.LastClose > 0m)
            {
                views.Add(View(run, now));
            }
        }

        return new RiskContext(now, _equity, views)
        {
            GlobalTradingState = _riskState.GlobalTradingState,
            Correlations = _correlationTable ??= BuildCorrelations(),
        };
    }

    private SymbolRiskView View(SymbolRun run, long now)
    {
        var mark = run.LastClose;
        var quantity = run.AccountQuantity;
        IReadOnlyList<PositionMargin> positions = [];
        if (quantity != 0m)
        {
            var notional = Math.Abs(quantity) * mark;
            positions =
            [
                new PositionMargin(
                    run.Symbol,
                    PositionSide.Both,
                    quantity,
                    run.CostBasis / quantity,
                    run.CostBasis,
                    mark,
                    (quantity * mark) - run.CostBasis,
                    notional,
                    notional / run.Leverage,
                    MaintenanceMargin(run.Instrument, notional),
                    run.Leverage,
                    MarginType.Cross,
                    0m,
                    0m),
            ];
        }

        return new SymbolRiskView(run.Instrument, mark)
        {
            TradingState = _riskState.SymbolTradingState(run.Symbol, now),
            Leverage = run.Leverage,
            MarginType = MarginType.Cross,
            Positions = positions,
            OpenBuyNotional = run.Orders.BuyNotional,
            OpenSellNotional = run.Orders.SellNotional,
            Volatility = run.Readings.Volatility,
            AverageTrueRange = run.Readings.AverageTrueRange,
        };
    }

    // The venue's formula, as PortfolioAccount applies it; an instrument without brackets holds no maintenance margin.
    private static decimal MaintenanceMargin(Instrument instrument, decimal notional) =>
        instrument.LeverageBrackets.Count == 0 ? 0m : LeverageBrackets.MaintenanceMargin(instrument.LeverageBrackets, notional);

    // Every pair of symbols with a bar return this step: their rolling correlation, as the gate pairs returns of the same
    // bar close. O(pairs) per step, allocation-free once each pair's window exists.
    private void PairReturns()
    {
        if (_monitor is null)
        {
            return;
        }

        var pair = 0;
        for (var i = 0; i < _runs.Length; i++)
        {
            for (var j = i + 1; j < _runs.Length; j++, pair++)
            {
                var a = _runs[i];
                var b = _runs[j];
                if (a.HasBarNow && b.HasBarNow && a.Readings.Return is { } ra && b.Readings.Return is { } rb)
                {
                    // Ordinal order of the symbols, as the gate keys its pairs.
                    var first = _pairInOrder[pair];
                    var correlation = _correlations[pair] ??= new RollingCorrelation(CorrelationWindow);
                    correlation.Update(first ? ra : rb, first ? rb : ra);
                    _correlationTable = null;
                }
            }
        }
    }

    private CorrelationTable BuildCorrelations()
    {
        var pairs = new List<SymbolCorrelation>(_correlations.Length);
        var pair = 0;
        for (var i = 0; i < _runs.Length; i++)
        {
            for (var j = i + 1; j < _runs.Length; j++, pair++)
            {
                if (_correlations[pair] is not { } correlation)
                {
                    continue;
                }

                var (a, b) = string.CompareOrdinal(_runs[i].Symbol.Value, _runs[j].Symbol.Value) < 0
                    ? (_runs[i].Symbol, _runs[j].Symbol)
                    : (_runs[j].Symbol, _runs[i].Symbol);
                if (SymbolCorrelation.FromReading(a, b, correlation.Value) is { } reading)
                {
                    pairs.Add(reading);
                }
            }
        }

        return pairs.Count == 0 ? CorrelationTable.Empty : new CorrelationTable(pairs);
    }

    /// <summary>Bar-return pairs the correlation is measured over (the live gate's default <c>CorrelationWindow</c>).</summary>
    private const int CorrelationWindow = 240;
}
