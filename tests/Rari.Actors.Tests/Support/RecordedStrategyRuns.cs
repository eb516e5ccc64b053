using Rari.Domain.Data;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Sizing;
using Rari.Domain.Strategies.Volatility;
using Rari.TestKit;

namespace Rari.Actors.Tests.Support;

/// <summary>
/// The production strategies run once per test process over real perpetual minutes (May–June 2025) through
/// <see cref="StrategyFillSimulator"/>: their journals, the order events they received, the orders they placed and
/// periodic snapshots — real samples for serialization and persistence specs. About three seconds in all.
/// </summary>
/// <remarks>
/// <see cref="Default"/> runs <see cref="StrategySet.Default"/> (grid, volatility, hybrid) on ETHUSDT; <see cref="Variants"/>
/// runs the same factory with settings that reach the decisions the defaults do not make on this data (a trailing,
/// stopping long grid; trailing stops and the Kelly sizer; the hybrid handing positions over), plus the default grid on
/// BTCUSDT, whose feasibility check refuses it.
/// </remarks>
public static class RecordedStrategyRuns
{
    /// <summary>The recorded ETHUSDT minutes.</summary>
    public const string EthFile = "klines/binance-usdm/ETHUSDT-1m-20250504-20250624.csv.gz";

    /// <summary>The recorded BTCUSDT minutes.</summary>
    public const string BtcFile = "klines/binance-usdm/BTCUSDT-1m-20250504-20250624.csv.gz";

    /// <summary>Bars fed through <see cref="ITradingStrategy.WarmUp"/> before a run (the hybrid's regime detector needs ~28 hours).</summary>
    public const int WarmUpBars = 1_800;

    /// <summary>A snapshot is taken every this many run bars, and one at the end.</summary>
    public const int SnapshotEveryBars = 5_000;

    /// <summary>Settings that reach the decisions the defaults do not make on the recorded data.</summary>
    public static StrategySet VariantSet { get; } = new(
        GridSettings.Default with { Direction = GridDirection.Long, Rebalance = GridRebalanceMode.Trail, StopLossDistance = 0.01m },
        VolatilitySettings.Default with { TrailingEnabled = true, Kelly = new KellySettings { Enabled = true } },
        HybridSettings.Default with { SwitchPosition = SwitchPositionMode.HandOver });

    private static readonly Lazy<Kline[]> EthBars = new(() => KlineCsvReader.Read(SharedData.File(EthFile)).ToArray());

    private static readonly Lazy<IReadOnlyList<StrategyRun>> LazyDefault = new(() =>
    [
        StrategyRun.Record("grid", StrategySet.Default, StrategyKind.Grid, TestInstruments.EthUsdt, EthBars.Value),
        StrategyRun.Record("volatility", StrategySet.Default, StrategyKind.Volatility, TestInstruments.EthUsdt, EthBars.Value),
        StrategyRun.Record("hybrid", StrategySet.Default, StrategyKind.Hybrid, TestInstruments.EthUsdt, EthBars.Value),
    ]);

    private static readonly Lazy<IReadOnlyList<StrategyRun>> LazyVariants = new(() =>
    [
        StrategyRun.Record("trailing long grid", VariantSet, StrategyKind.Grid, TestInstruments.EthUsdt, EthBars.Value),
        StrategyRun.Record("trailing Kelly volatility", VariantSet, StrategyKind.Volatility, TestInstruments.EthUsdt, EthBars.Value),
        StrategyRun.Record("hand-over hybrid", VariantSet, StrategyKind.Hybrid, TestInstruments.EthUsdt, EthBars.Value),
        StrategyRun.Record(
            "refused BTC grid",
            StrategySet.Default,
            StrategyKind.Grid,
            TestInstruments.BtcUsdt,
            KlineCsvReader.Read(SharedData.File(BtcFile)).Take(WarmUpBars + 12_000).ToArray()),
    ]);

    /// <summary><see cref="StrategySet.Default"/>'s grid, volatility and hybrid strategies on ETHUSDT, each over the whole file.</summary>
    public static IReadOnlyList<StrategyRun> Default => LazyDefault.Value;

    /// <summary>The default grid on ETHUSDT.</summary>
    public static StrategyRun Grid => Default[0];

    /// <summary>The default volatility strategy on ETHUSDT.</summary>
    public static StrategyRun Volatility => Default[1];

    /// <summary>The default hybrid on ETHUSDT (real grid and volatility children).</summary>
    public static StrategyRun Hybrid => Default[2];

    /// <summary>The runs with <see cref="VariantSet"/>, and the refused BTCUSDT grid.</summary>
    public static IReadOnlyList<StrategyRun> Variants => LazyVariants.Value;

    /// <summary>Every run.</summary>
    public static IReadOnlyList<StrategyRun> All => [.. Default, .. Variants];
}

/// <summary>One recorded run of a strategy: everything it journaled, received and sent, and snapshots along the way.</summary>
public sealed class StrategyRun
{
    private StrategyRun(
        string name,
        StrategySet set,
        StrategyKind kind,
        Instrument instrument,
        IReadOnlyList<Kline> bars,
        StrategyFillSimulator simulator,
        IReadOnlyList<RunSnapshot> snapshots,
        IReadOnlyList<(long TimeMs, decimal Equity)> equityCurve)
    {
        Name = name;
        Set = set;
        Kind = kind;
        Instrument = instrument;
        Bars = bars;
        Simulator = simulator;
        Snapshots = snapshots;
        EquityCurve = equityCurve;
    }

    /// <summary>What the run is, for messages.</summary>
    public string Name { get; }

    /// <summary>The factory and settings.</summary>
    public StrategySet Set { get; }

    /// <summary>Which strategy.</summary>
    public StrategyKind Kind { get; }

    /// <summary>The symbol's filters.</summary>
    public Instrument Instrument { get; }

    /// <summary>Every bar: the warm-up, then the run.</summary>
    public IReadOnlyList<Kline> Bars { get; }

    /// <summary>The simulator that drove it; <see cref="StrategyDriver.Inputs"/> holds every input with its context and decision.</summary>
    public StrategyFillSimulator Simulator { get; }

    /// <summary>The run's journal, in order.</summary>
    public IReadOnlyList<IStrategyEvent> Events => Simulator.Driver.Events;

    /// <summary>Every order event the strategy received (fills, cancels, expiries), in order.</summary>
    public IReadOnlyList<IOrderEvent> OrderEvents => [.. Simulator.Driver.Inputs.Select(i => i.Input).OfType<IOrderEvent>()];

    /// <summary>Every order the strategy placed, in order.</summary>
    public IReadOnlyList<OrderIntent> Placed => Simulator.Placed;

    /// <summary>Snapshots taken every <see cref="RecordedStrategyRuns.SnapshotEveryBars"/> run bars, and one at the end.</summary>
    public IReadOnlyList<RunSnapshot> Snapshots { get; }

    /// <summary>The simulated account's equity (realized, fees and the position at the close) after every run bar.</summary>
    public IReadOnlyList<(long TimeMs, decimal Equity)> EquityCurve { get; }

    /// <summary>A fresh strategy of the same kind, symbol and settings: decision state empty, market state cold.</summary>
    public ITradingStrategy NewStrategy() => Set.Create(Kind, Instrument.Symbol);

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Events.Count} events, {Snapshots.Count} snapshots";

    internal static StrategyRun Record(string name, StrategySet set, StrategyKind kind, Instrument instrument, IReadOnlyList<Kline> bars)
    {
        var strategy = set.Create(kind, instrument.Symbol);
        strategy.WarmUp(bars.Take(RecordedStrategyRuns.WarmUpBars));
        var simulator = new StrategyFillSimulator(strategy, instrument);
        var snapshots = new List<RunSnapshot>();
        var equityCurve = new List<(long, decimal)>();
        var barCount = 0;
        simulator.AfterBar = bar =>
        {
            var unrealized = simulator.Position * (bar.Close - simulator.EntryPrice);
            equityCurve.Add((bar.OpenTimeMs + TestKlines.MinuteMs, simulator.Equity + unrealized));
            if (++barCount % RecordedStrategyRuns.SnapshotEveryBars == 0)
            {
                snapshots.Add(new RunSnapshot(barCount, simulator.Driver.Inputs.Count, strategy.Snapshot()));
            }
        };
        simulator.Run(bars.Skip(RecordedStrategyRuns.WarmUpBars));
        snapshots.Add(new RunSnapshot(barCount, simulator.Driver.Inputs.Count, strategy.Snapshot()));
        return new StrategyRun(name, set, kind, instrument, bars, simulator, snapshots, equityCurve);
    }
}

/// <summary>A strategy's snapshot after <paramref name="Bars"/> run bars, when <paramref name="Inputs"/> inputs had been handled.</summary>
/// <param name="Bars">Run bars handled (after the warm-up).</param>
/// <param name="Inputs">The number of <see cref="StrategyDriver.Inputs"/> at the time: the next input is the first after the snapshot.</param>
/// <param name="State">The snapshot.</param>
public sealed record RunSnapshot(int Bars, int Inputs, IStrategyState State);
