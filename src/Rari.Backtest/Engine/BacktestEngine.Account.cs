using Rari.Backtest.Reports;
using Rari.Backtest.Results;
using Rari.Domain.Analytics;
using Rari.Domain.Strategies;

namespace Rari.Backtest.Engine;

// The account seen from the strategies and the report: balance reads, contexts, the daily loss limit, the equity curve.
public sealed partial class BacktestEngine
{
    private const long DayMs = 86_400_000;

    private readonly List<EquityPoint> _equityCurve = [];
    private readonly List<RiskEventRecord> _riskEvents = [];
    private readonly decimal _makerRate;
    private readonly decimal _takerRate;
    private bool _balanceDirty = true;
    private decimal _wallet;
    private decimal _equity;
    private decimal _available;
    private bool _trading;
    private long _nextSampleMs = long.MinValue;
    private long _day = long.MinValue;
    private decimal _dayStartEquity;
    private bool _dailyHalted;

    // Equity and available balance come from the venue; they are re-read only after an event, a command, or a bar
    // that moved the mark of an open position, so a quiet bar on a flat account reads nothing.
    private void RefreshBalance()
    {
        if (!_balanceDirty)
        {
            return;
        }

        var balance = _venue.GetBalance(_account).Value;
        _wallet = balance.WalletBalance;
        _equity = balance.WalletBalance + balance.CrossUnrealizedPnl;
        _available = balance.AvailableBalance;
        _balanceDirty = false;
    }

    private StrategyContext Context(SymbolRun run)
    {
        RefreshBalance();
        return new StrategyContext(
            _venue.NowMs,
            run.Instrument,
            run.Position,
            run.Position == 0m ? 0m : run.EntryPrice,
            _equity,
            _available,
            run.Leverage,
            _makerRate,
            _takerRate,
            run.State,
            run.LastClose > 0m ? run.LastClose : null);
    }

    // The daily loss limit: equity below (1 − max-daily-loss) × the UTC day's starting equity stops new exposure
    // (every symbol Reducing) until the next UTC day.
    private void CheckDailyLoss(long openTimeMs)
    {
        if (!_settings.ApplyRiskLimits)
        {
            return;
        }

        var day = openTimeMs / DayMs;
        if (day != _day)
        {
            RefreshBalance();
            _day = day;
            _dayStartEquity = _equity;
            if (_dailyHalted)
            {
                _dailyHalted = false;
                SetStates(TradingState.Active);
                _riskEvents.Add(new RiskEventRecord(openTimeMs, "resume", null, "new UTC day: the daily loss limit is reset"));
            }

            return;
        }

        if (_dailyHalted || !_trading)
        {
            return;
        }

        RefreshBalance();
        var floor = _dayStartEquity * (1m - _settings.RiskCaps.MaxDailyLoss);
        if (_equity < floor)
        {
            _dailyHalted = true;
            SetStates(TradingState.Reducing);
            _riskEvents.Add(new RiskEventRecord(
                openTimeMs,
                "halt",
                null,
                Text($"max-daily-loss: equity {_equity:0.00} USDT fell below {floor:0.00} ({_settings.RiskCaps.MaxDailyLoss:P0} under the day's start, {_dayStartEquity:0.00}); entries stop until the next UTC day")));
        }
    }

    private void SetStates(TradingState state)
    {
        foreach (var run in _runs)
        {
            run.State = state;
        }
    }

    // The equity curve and the price series are sampled on a fixed market-time grid, which bounds their memory.
    private void Sample(long openTimeMs)
    {
        if (openTimeMs < _nextSampleMs)
        {
            return;
        }

        AddSample();
        _nextSampleMs = ((openTimeMs / _settings.EquitySampleMs) + 1) * _settings.EquitySampleMs;
    }

    private void AddSample()
    {
        RefreshBalance();
        var now = _venue.NowMs;
        var exposure = 0m;
        foreach (var run in _runs)
        {
            exposure += Math.Abs(run.Position) * run.LastClose;
            if (run.LastClose > 0m)
            {
                run.Prices.Add(new PricePoint(now, run.LastClose));
            }
        }

        _equityCurve.Add(new EquityPoint(now, _equity, exposure));
    }

    private BacktestResult Finish(long klines, TimeSpan elapsed)
    {
        _balanceDirty = true;
        RefreshBalance();
        var end = _venue.NowMs;
        if (_equityCurve.Count == 0 || _equityCurve[^1].TimestampMs != end)
        {
            AddSample();
        }

        var maxOpenOrders = 0;
        var charts = new List<SymbolChart>(_runs.Length);
        foreach (var run in _runs)
        {
            maxOpenOrders = Math.Max(maxOpenOrders, run.Orders.Peak);
            charts.Add(new SymbolChart(run.Symbol, run.Prices, run.Levels.Finish(end), run.Fills));
        }

        var trades = _trades
            .OrderBy(t => t.ExitTimeMs)
            .ThenBy(t => t.Symbol.Value, StringComparer.Ordinal)
            .ToList();
        var riskEvents = _riskEvents.OrderBy(e => e.TimestampMs).ToList();
        var metrics = PerformanceCalculator.Compute(_equityCurve, trades, _fees, _funding);
        var report = new BacktestReport(_setup.Title, _setup.Parameters, metrics, trades, _equityCurve, charts, riskEvents);
        var totals = new BacktestTotals(
            _settings.InitialBalance,
            _wallet,
            _equity,
            _equity - _wallet,
            _realizedPnl,
            _fees,
            _funding,
            _liquidationFees,
            _fills,
            _ordersPlaced,
            _ordersRejected,
            _ordersDenied,
            _liquidations,
            maxOpenOrders);
        return new BacktestResult(report, totals, klines, elapsed);
    }
}
