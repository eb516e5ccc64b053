using System.Diagnostics;
using Rari.Backtest.Results;
using Rari.Domain.Analytics;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Venue;
using Rari.Venue.Accounts;
using Rari.Venue.Events;

namespace Rari.Backtest.Engine;

/// <summary>
/// Runs strategies over recorded klines through the simulated venue: one wallet (one venue account), one strategy per
/// symbol, driven through <see cref="ITradingStrategy"/> exactly as the strategy actors drive it.
/// </summary>
/// <remarks>
/// <para><b>A step</b> is one minute of market time (every symbol's bar that opens then):</para>
/// <list type="number">
/// <item>The venue's clock moves to the step; funding due by then settles.</item>
/// <item>The venue processes each symbol's bar (listing order): resting orders fill where the bar's price path reaches
/// them, stops trigger, margin is checked, liquidations happen.</item>
/// <item>Every venue event is handled in the order it happened: the account's books move, and order updates reach
/// their strategy as Domain order events (<see cref="OrderAccepted"/>, <see cref="OrderFilled"/>,
/// <see cref="OrderCanceled"/>, <see cref="OrderExpired"/>) through <see cref="ITradingStrategy.OnOrderEvent"/>.</item>
/// <item>With <see cref="BacktestSettings.ApplyRiskLimits"/> on, the risk monitor (the Domain's <see cref="RiskMonitor"/>,
/// as the live risk gate feeds it) sees the UTC day start, the equity at the bars' close and at every fill, and each
/// bar's return; its commands (cancel entry orders, close positions) go to the venue, its halts, resumes and breaker
/// trips to the report. Every order a strategy places is judged by the Domain's <see cref="RiskEngine"/>.</item>
/// <item>Each strategy sees its bar closed: during warm-up through <see cref="ITradingStrategy.WarmUp"/> only, after it
/// through <see cref="ITradingStrategy.OnKline"/>.</item>
/// </list>
/// <para><b>A decision</b> is handled as an actor handles it: its events are folded with
/// <see cref="ITradingStrategy.Apply"/> first, then its commands go to the venue in order. A refused order comes back
/// as <see cref="OrderRejected"/> (the venue's code and message), a refused cancel as
/// <see cref="OrderCancelRejected"/>, an order the risk gate denies as <see cref="OrderDenied"/> (with the verdict's reason; a resized order goes to
/// the venue with the new quantity); what the venue does
/// with an accepted order comes back as its events. Everything is queued and handled first in, first out, so a
/// strategy never sees the answer to a command before the decision that sent it is complete.</para>
/// <para><b>The context</b> of every call is built from the venue's account: the symbol's position (the sum of its
/// fills, confirmed against every account update), equity and available balance (the venue's, re-read only when
/// something could have changed them), leverage, fee rates and the last close as the mark.</para>
/// <para><b>Deterministic</b>: no clock, no randomness, ordered iteration; two runs give identical reports.
/// <b>Hot path</b>: bars are read from the loaded arrays and the strategy context is a value passed by reference; a bar
/// on which nothing happens allocates nothing but its share of the equity and price samples.</para>
/// <para>Not thread-safe; one engine runs once. Parallel sweeps give every run its own engine over the shared bars.</para>
/// </remarks>
public sealed partial class BacktestEngine
{
    private const int ProgressEverySteps = 16_384;
    private const int MaxEventsPerDrain = 1_000_000;

    private readonly BacktestSetup _setup;
    private readonly BacktestSettings _settings;
    private readonly SimulatedVenue _venue;
    private readonly AccountId _account = new("backtest");
    private readonly Queue<Pending> _pending = new();
    private readonly SymbolRun[] _runs;
    private readonly List<ClosedTrade> _trades = [];
    private readonly long _totalBars;
    private bool _ran;
    private SymbolRun? _current;

    /// <summary>Prepares a run: lists the symbols on a fresh venue, opens the account and sets each symbol's leverage.</summary>
    /// <exception cref="ArgumentException">No markets, a symbol listed twice, or invalid settings.</exception>
    public BacktestEngine(BacktestSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Markets.Count == 0)
        {
            throw new ArgumentException("A backtest needs at least one market.", nameof(setup));
        }

        _setup = setup;
        _settings = setup.Settings.Validated();
        _venue = new SimulatedVenue(new Sink(this), _settings.ToVenueOptions());
        foreach (var market in setup.Markets)
        {
            _venue.AddInstrument(market.Instrument, _settings.ToSymbolSettings(market.Bars.BarMs));
        }

        _venue.OpenAccount(_account, _settings.InitialBalance);
        _runs = new SymbolRun[setup.Markets.Count];
        for (var i = 0; i < _runs.Length; i++)
        {
            var market = setup.Markets[i];
            var leverage = Math.Clamp(market.Leverage, 1, market.Instrument.MaxLeverageAt(0m));
            var changed = _venue.ChangeLeverage(_account, market.Symbol, leverage);
            if (!changed.IsSuccess)
            {
                throw new ArgumentException($"{market.Symbol}: leverage {leverage} refused by the venue: {changed.Error}", nameof(setup));
            }

            var strategy = setup.CreateStrategy(market);
            if (strategy.Symbol != market.Symbol)
            {
                throw new ArgumentException($"The strategy made for {market.Symbol} trades {strategy.Symbol}.", nameof(setup));
            }

            _runs[i] = new SymbolRun(i, market, strategy, leverage, _trades);
            _totalBars += market.Bars.Count;
        }

        if (_settings.ApplyRiskLimits)
        {
            _riskEngine = RiskEngine.CreateDefault(_settings.Risk, setup.Assets);
            _monitor = new RiskMonitor(_settings.Risk);
        }

        InitRisk();
        _makerRate = _settings.MakerFeeRate;
        _takerRate = _settings.TakerFeeRate;
        _pending.Clear();
    }

    /// <summary>The venue the run trades on (to inspect after the run).</summary>
    public SimulatedVenue Venue => _venue;

    /// <summary>The venue account of the run's wallet.</summary>
    public AccountId AccountId => _account;

    /// <summary>Runs the backtest to the end of the data.</summary>
    /// <param name="cancellationToken">Checked every few thousand steps.</param>
    /// <exception cref="InvalidOperationException">The engine already ran.</exception>
    /// <exception cref="BacktestFailedException">A strategy or the venue threw, or a strategy looped without end within one step.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public BacktestResult Run(CancellationToken cancellationToken = default)
    {
        if (_ran)
        {
            throw new InvalidOperationException("A backtest engine runs once; create a new one for another run.");
        }

        _ran = true;
        var stopwatch = Stopwatch.StartNew();
        long klines = 0;
        long steps = 0;
        try
        {
            while (NextStep() is var now && now != long.MaxValue)
            {
                klines += Step(now);
                if (++steps % ProgressEverySteps == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    _setup.Progress?.Invoke((double)klines / _totalBars);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not BacktestFailedException)
        {
            var when = DateTimeOffset.FromUnixTimeMilliseconds(_venue.NowMs).UtcDateTime;
            throw new BacktestFailedException(
                FormattableString.Invariant($"The backtest stopped at {when:yyyy-MM-dd HH:mm:ss} UTC{(_current is { } run ? $" on {run.Symbol} ({run.Strategy.Id})" : string.Empty)}: {e.GetType().Name}: {e.Message}"),
                e);
        }

        var result = Finish(klines, stopwatch.Elapsed);
        _setup.Progress?.Invoke(1.0);
        return result;
    }

    // The earliest open time among the symbols' next bars; marks the symbols that have a bar then.
    private long NextStep()
    {
        var next = long.MaxValue;
        foreach (var run in _runs)
        {
            if (run.Cursor < run.End && run.Bars[run.Cursor].OpenTimeMs < next)
            {
                next = run.Bars[run.Cursor].OpenTimeMs;
            }
        }

        foreach (var run in _runs)
        {
            run.HasBarNow = run.Cursor < run.End && run.Bars[run.Cursor].OpenTimeMs == next;
        }

        return next;
    }

    private int Step(long openTimeMs)
    {
        // 1. The clock: funding due by the bar's open settles now, before the bar moves any price.
        _fundingTimeMs = long.MinValue;
        _venue.AdvanceTime(openTimeMs);
        Drain();
        StartDayIfDue(openTimeMs);
        Drain();

        // 2. The venue processes every bar of this minute.
        var bars = 0;
        foreach (var run in _runs)
        {
            if (run.HasBarNow)
            {
                ref readonly var bar = ref run.Bars[run.Cursor];
                if (run.BarsChecked)
                {
                    _venue.OnCheckedKline(run.Symbol, bar);
                }
                else
                {
                    _venue.OnKline(run.Symbol, bar);
                }
                run.LastClose = bar.Close;
                if (_monitor is not null)
                {
                    run.Readings.Observe(bar);
                }

                bars++;
            }
        }

        _marksMoved = true;
        PairReturns();

        // 3. What the bars did reaches the strategies; then the risk monitor sees the equity and the moves, and what it
        //    orders (cancels, closes) reaches them too before they decide on the bar.
        Drain();
        MonitorBars();
        Drain();

        // 4. Each strategy sees its bar closed.
        foreach (var run in _runs)
        {
            if (!run.HasBarNow)
            {
                continue;
            }

            ref readonly var bar = ref run.Bars[run.Cursor];
            _current = run;
            run.Cursor++;
            if (bar.OpenTimeMs < run.TradeFromMs)
            {
                run.OneBar[0] = bar;
                run.Strategy.WarmUp(run.OneBar);
                continue;
            }

            _trading = true;
            Decide(run, run.Strategy.OnKline(bar, Context(run)));
            Drain();
        }

        if (_trading)
        {
            Sample(openTimeMs);
        }

        return bars;
    }

    private void Drain()
    {
        var handled = 0;
        while (_pending.TryDequeue(out var item))
        {
            if (++handled > MaxEventsPerDrain)
            {
                throw new InvalidOperationException(
                    FormattableString.Invariant($"More than {MaxEventsPerDrain} events within one step at {_venue.NowMs}: a strategy and the venue are answering each other without end."));
            }

            if (item.VenueEvent is { } venueEvent)
            {
                OnVenueEvent(venueEvent);
            }
            else
            {
                Dispatch(RunOf(item.OrderEvent!.Symbol), item.OrderEvent);
            }
        }
    }

    private SymbolRun RunOf(Symbol symbol)
    {
        foreach (var run in _runs)
        {
            if (ReferenceEquals(run.Symbol.Value, symbol.Value) || run.Symbol == symbol)
            {
                return run;
            }
        }

        throw new InvalidOperationException($"{symbol} is not part of this backtest.");
    }

    /// <summary>A venue event or an order event the engine made (a rejection, a denial), waiting to be handled.</summary>
    private readonly record struct Pending(IVenueEvent? VenueEvent, IOrderEvent? OrderEvent);

    /// <summary>Queues the venue's events; they are handled after the venue call that raised them returns.</summary>
    private sealed class Sink(BacktestEngine engine) : IVenueEventSink
    {
        public void Publish(IVenueEvent venueEvent) => engine._pending.Enqueue(new Pending(venueEvent, null));
    }
}
