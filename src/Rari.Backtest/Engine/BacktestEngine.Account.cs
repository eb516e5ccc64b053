using Rari.Backtest.Reports;
using Rari.Backtest.Results;
using Rari.Domain.Analytics;
using Rari.Domain.Strategies;
using Rari.Venue.Accounts;

namespace Rari.Backtest.Engine;

// The account seen from the strategies and the report: balance reads, contexts, the equity curve.
public sealed partial class BacktestEngine
{
    private readonly List<EquityPoint> _equityCurve = [];
    private readonly List<RiskEventRecord> _riskEvents = [];
    private readonly List<PositionAmount> _positionRows = [];
    private readonly decimal _makerRate;
    private readonly decimal _takerRate;
    private bool _balanceDirty = true;
    private bool _marksMoved;
    private decimal _wallet;
    private decimal _walletLessOrderMargin;
    private decimal _equity;
    private decimal _available;
    private bool _trading;
    private long _nextSampleMs = long.MinValue;

    // Equity and available balance are the venue's. Reading them (GetBalance) costs about half a microsecond, more than
    // the venue spends on a bar, so the account is read in full only after something changed it (an event, a command);
    // in between only the marks move, and both figures are recomputed from what was read with the portfolio's own
    // formulas, in its order (unrealized = quantity × mark − cost basis; available = wallet − open-order margin
    // + Σ (unrealized − quantity × mark / leverage), floored at 0), which gives the very same decimals.
    // The account is read as the venue holds it now, which may be ahead of the events handled so far (a bar's later
    // fills), exactly as a GetBalance would be. VerifyAccount checks all this against GetBalance on every read.
    private void RefreshBalance()
    {
        if (_balanceDirty)
        {
            ReadAccount();
            Recompute();
        }
        else if (_marksMoved)
        {
            Recompute();
        }
        else
        {
            return;
        }

        _balanceDirty = false;
        _marksMoved = false;
        if (_setup.VerifyAccount)
        {
            VerifyAccount();
        }
    }

    // The summary's figures without the summary (GetAccountSummary builds every row and total: several microseconds).
    private void ReadAccount()
    {
        if (!_venue.TryGetBalanceBasis(_account, _positionRows, out var wallet, out var openOrderMargin))
        {
            throw new InvalidOperationException($"The backtest account {_account} is not open on the venue.");
        }

        _wallet = wallet;
        _walletLessOrderMargin = wallet - openOrderMargin;
        foreach (var row in _positionRows)
        {
            var run = RunOf(row.Symbol);
            run.AccountQuantity = row.Quantity;
            run.CostBasis = row.Quantity == 0m ? 0m : (row.Quantity * run.LastClose) - row.UnrealizedProfit;
        }
    }

    private void Recompute()
    {
        var unrealized = 0m;
        var available = _walletLessOrderMargin;
        foreach (var run in _runs)
        {
            var quantity = run.AccountQuantity;
            if (quantity == 0m)
            {
                continue;
            }

            // |q| × mark is |q × mark| to the last digit: decimal products carry the sign apart from the digits.
            var value = quantity * run.LastClose;
            var pnl = value - run.CostBasis;
            var margin = run.LeverageDivisor.Divide(Math.Abs(value));
            unrealized += pnl;
            available += pnl - margin;
        }

        _equity = _wallet + unrealized;
        _available = Math.Max(0m, available);
    }

    private void VerifyAccount()
    {
        var balance = _venue.GetBalance(_account).Value;
        var equity = balance.WalletBalance + balance.CrossUnrealizedPnl;
        if (balance.WalletBalance != _wallet || equity != _equity || balance.AvailableBalance != _available)
        {
            throw new InvalidOperationException(Text(
                $"At {_venue.NowMs} the venue reports wallet {balance.WalletBalance}, equity {equity}, available {balance.AvailableBalance}; the engine has {_wallet}, {_equity}, {_available}."));
        }
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
            maxOpenOrders,
            _rejections.Select(r => new RejectionCount(r.Key, r.Value.Message, r.Value.Count)).ToList());
        return new BacktestResult(report, totals, klines, elapsed);
    }
}
