using Rari.Backtest.Reports;
using Rari.Backtest.Results;
using Rari.Domain.Analytics;
using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Strategies;

namespace Rari.Backtest.Engine;

/// <summary>The engine's state for one symbol during a run: its bars and cursor, strategy, position, orders and results.</summary>
internal sealed class SymbolRun
{
    public SymbolRun(int index, BacktestMarket market, ITradingStrategy strategy, int leverage, List<ClosedTrade> trades)
    {
        Index = index;
        Market = market;
        Symbol = market.Symbol;
        Instrument = market.Instrument;
        Strategy = strategy;
        Leverage = leverage;
        LeverageDivisor = new LeverageDivisor(leverage);
        Bars = market.Bars.Bars;
        Cursor = market.Bars.Start;
        End = market.Bars.End;
        TradeFromMs = market.TradeFromMs;
        Trips = new RoundTripBuilder(market.Symbol, trades);
        Readings = new MarketReadings(market.Bars.BarMs);
        BarsChecked = market.Bars.AreBarsConsistent;
    }

    public int Index { get; }

    public BacktestMarket Market { get; }

    public Symbol Symbol { get; }

    public Instrument Instrument { get; }

    public ITradingStrategy Strategy { get; }

    public int Leverage { get; }

    /// <summary>Divides by <see cref="Leverage"/> exactly as the decimal division does, faster for the common leverages.</summary>
    public LeverageDivisor LeverageDivisor { get; }

    public Kline[] Bars { get; }

    /// <summary>Whether the venue may take the bars unchecked: all of them passed its check once, when first replayed.</summary>
    public bool BarsChecked { get; }

    public int End { get; }

    public long TradeFromMs { get; }

    public int Cursor { get; set; }

    /// <summary>True when the symbol has a bar opening at the current step.</summary>
    public bool HasBarNow { get; set; }

    /// <summary>Signed position, the sum of the fills.</summary>
    public decimal Position { get; set; }

    /// <summary>Average entry price as the venue last reported it (the fills' average until it does).</summary>
    public decimal EntryPrice { get; set; }

    public decimal LastClose { get; set; }

    /// <summary>The position as the venue held it when the account was last read (it may be ahead of the handled events).</summary>
    public decimal AccountQuantity { get; set; }

    /// <summary>The venue's cost basis of the position (quantity × entry), read with the account; 0 when flat.</summary>
    public decimal CostBasis { get; set; }

    public TradingState State { get; set; } = TradingState.Active;

    public OpenOrders Orders { get; } = new();

    public RoundTripBuilder Trips { get; }

    public LevelTracker Levels { get; } = new();

    public List<PricePoint> Prices { get; } = [];

    public List<FillMarker> Fills { get; } = [];

    /// <summary>What the risk gate reads of the symbol's bars: returns for the circuit breaker, volatility, ATR.</summary>
    public MarketReadings Readings { get; }

    /// <summary>A reusable one-bar array for <see cref="ITradingStrategy.WarmUp"/>, so warming up allocates nothing per bar.</summary>
    public Kline[] OneBar { get; } = new Kline[1];
}
