using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.TestKit;

namespace Rari.Domain.Tests.Portfolio;

/// <summary>
/// Drives accounts through seeded random sequences of fills, marks, funding, transfers and settings, and checks
/// after every step that no cent appears or disappears.
/// </summary>
public sealed class PortfolioInvariantSpecs
{
    private const int Sequences = 2_000;
    private const int StepsPerSequence = 60;
    private const long FundingIntervalMs = 8 * 60 * 60 * 1_000;

    private static readonly Market[] Markets =
    [
        new(new Symbol("BTCUSDT"), Tick: 0.1m, Step: 0.001m, StartTicks: 300_000),
        new(new Symbol("ETHUSDT"), Tick: 0.01m, Step: 0.01m, StartTicks: 200_000),
        new(new Symbol("XRPUSDT"), Tick: 0.0001m, Step: 1m, StartTicks: 5_000),
    ];

    [Theory]
    [InlineData(PositionMode.OneWay)]
    [InlineData(PositionMode.Hedge)]
    public void Should_conserve_cash_and_quantity_over_random_sequences(PositionMode mode)
    {
        for (var seed = 0; seed < Sequences; seed++)
        {
            new Sequence(mode, seed).Run();
        }
    }

    private sealed record Market(Symbol Symbol, decimal Tick, decimal Step, int StartTicks);

    /// <summary>One random run against an independent ledger kept by the test.</summary>
    private sealed class Sequence
    {
        private readonly PositionMode _mode;
        private readonly int _seed;
        private readonly Random _random;
        private readonly PortfolioAccount _account;
        private readonly decimal _startEquity;
        private readonly int[] _markTicks;
        private readonly long[] _fundingTimes;
        private readonly Dictionary<(Symbol, PositionSide), decimal> _quantities = [];
        private decimal _cashFlow;   // Σ −signedQty × price over all fills: what trading alone put into the wallet
        private decimal _realized;
        private decimal _fees;
        private decimal _funding;
        private decimal _deposits;
        private long _tradeId;

        public Sequence(PositionMode mode, int seed)
        {
            _mode = mode;
            _seed = seed;
            _random = new Random((seed * 2) + (int)mode);
            _startEquity = _random.Next(1_000, 100_000);
            _account = new PortfolioAccount(_startEquity, TestBrackets.For, mode);
            _markTicks = Markets.Select(m => m.StartTicks).ToArray();
            _fundingTimes = new long[Markets.Length];
            foreach (var market in Markets)
            {
                _account.SetMarginType(market.Symbol, _random.Next(2) == 0 ? MarginType.Cross : MarginType.Isolated);
                _account.SetLeverage(market.Symbol, _random.Next(1, 51));
            }
        }

        public void Run()
        {
            for (var step = 0; step < StepsPerSequence; step++)
            {
                var roll = _random.Next(100);
                if (roll < 50)
                {
                    Trade(_random.Next(Markets.Length));
                }
                else if (roll < 80)
                {
                    MoveMark(_random.Next(Markets.Length));
                }
                else if (roll < 92)
                {
                    Fund(_random.Next(Markets.Length));
                }
                else if (roll < 96)
                {
                    Transfer();
                }
                else
                {
                    var market = Markets[_random.Next(Markets.Length)];
                    _account.SetOpenOrderNotional(market.Symbol, _random.Next(0, 5_000));
                }

                Check($"step {step}");
            }

            var snapshot = _account.ToSnapshot();
            Assert.True(snapshot == PortfolioAccount.FromSnapshot(snapshot, TestBrackets.For).ToSnapshot(), Where("snapshot round trip"));

            CloseEverything();
            Check("after closing");
            Assert.True(_account.UnrealizedPnl() == 0m, Where($"unrealized {_account.UnrealizedPnl()} after closing"));
            Assert.True(_account.Equity == _account.WalletBalance, Where("equity differs from wallet after closing"));
            Assert.True(_account.IsolatedMargin == 0m, Where($"isolated margin {_account.IsolatedMargin} left after closing"));
            Assert.True(_account.GrossExposure == 0m, Where("exposure left after closing"));
            Assert.True(
                _account.WalletBalance == _startEquity + _cashFlow - _fees - _funding + _deposits,
                Where($"wallet {_account.WalletBalance} is not start + trading cash flow − fees − funding + transfers"));
        }

        private void Trade(int index)
        {
            var market = Markets[index];
            var side = _mode == PositionMode.OneWay
                ? PositionSide.Both
                : (_random.Next(2) == 0 ? PositionSide.Long : PositionSide.Short);
            var held = Quantity(market.Symbol, side);
            var lots = _random.Next(1, 21);
            OrderSide orderSide;
            if (side == PositionSide.Both)
            {
                orderSide = _random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
            }
            else
            {
                var opening = side == PositionSide.Long ? OrderSide.Buy : OrderSide.Sell;
                var closing = held == 0m || _random.Next(2) == 0;
                orderSide = closing && held != 0m ? (opening == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy) : opening;
                if (orderSide != opening)
                {
                    lots = (int)Math.Min(lots, Math.Abs(held) / market.Step);
                }
            }

            var priceTicks = Math.Max(1, _markTicks[index] + _random.Next(-20, 21));
            Fill(market, orderSide, side, lots * market.Step, priceTicks * market.Tick);
        }

        private void Fill(Market market, OrderSide orderSide, PositionSide side, decimal quantity, decimal price)
        {
            var maker = _random.Next(2) == 0;
            var rate = maker ? (_random.Next(4) == 0 ? -0.00005m : 0.0001m) : 0.00035m;
            var fee = quantity * price * rate;
            var fill = TestFills.Create(
                market.Symbol.Value, orderSide, quantity, price, fee, side,
                maker ? LiquiditySide.Maker : LiquiditySide.Taker, ++_tradeId);

            var result = _account.ApplyFill(fill);

            var signed = orderSide == OrderSide.Buy ? quantity : -quantity;
            _quantities[(market.Symbol, side)] = Quantity(market.Symbol, side) + signed;
            _cashFlow -= signed * price;
            _realized += result.RealizedPnl;
            _fees += fee;
            Assert.True(result.Fee == fee, Where("fee not passed through"));
        }

        private void MoveMark(int index)
        {
            _markTicks[index] = Math.Max(1, _markTicks[index] + (_markTicks[index] * _random.Next(-50, 51) / 10_000));
            _account.UpdateMark(Markets[index].Symbol, _markTicks[index] * Markets[index].Tick);
        }

        private void Fund(int index)
        {
            var market = Markets[index];
            _fundingTimes[index] += FundingIntervalMs;
            var rate = _random.Next(-300, 301) / 1_000_000m;
            var mark = _markTicks[index] * market.Tick;
            var expected = NetQuantity(market.Symbol) * mark * rate;

            var result = _account.ApplyFunding(market.Symbol, rate, mark, _fundingTimes[index]);

            Assert.True(result.Paid == expected, Where($"funding paid {result.Paid}, expected {expected}"));
            _funding += result.Paid;
        }

        private void Transfer()
        {
            if (_random.Next(2) == 0)
            {
                var amount = _random.Next(1, 10_000) / 100m;
                _account.Deposit(amount);
                _deposits += amount;
                return;
            }

            var available = _account.AvailableBalance;
            if (available > 0m)
            {
                var amount = decimal.Round(available * _random.Next(1, 100) / 100m, 8, MidpointRounding.ToZero);
                if (amount > 0m)
                {
                    _account.Withdraw(amount);
                    _deposits -= amount;
                }
            }
        }

        private void CloseEverything()
        {
            foreach (var ((symbol, side), quantity) in _quantities.ToArray())
            {
                if (quantity == 0m)
                {
                    continue;
                }

                var index = Array.FindIndex(Markets, m => m.Symbol == symbol);
                var price = Math.Max(1, _markTicks[index] + _random.Next(-20, 21)) * Markets[index].Tick;
                Fill(Markets[index], quantity > 0m ? OrderSide.Sell : OrderSide.Buy, side, Math.Abs(quantity), price);
            }
        }

        private void Check(string when)
        {
            var unrealized = _account.UnrealizedPnl();
            var equityChange = _account.Equity - _startEquity;

            // realized + unrealized − fees − funding (+ transfers) = Δequity, to the last decimal.  // <--
            Assert.True(
                _realized + unrealized - _fees - _funding + _deposits == equityChange,
                Where($"{when}: realized {_realized} + unrealized {unrealized} − fees {_fees} − funding {_funding} + transfers {_deposits} ≠ Δequity {equityChange}"));

            // Independent of the account's average-cost bookkeeping: all PnL is the trading cash flow plus what is held at the marks.
            var heldValue = 0m;
            foreach (var ((symbol, _), quantity) in _quantities)
            {
                heldValue += quantity * Mark(symbol);
            }

            Assert.True(
                _realized + unrealized == _cashFlow + heldValue,
                Where($"{when}: realized + unrealized {_realized + unrealized} ≠ cash flow + held value {_cashFlow + heldValue}"));

            Assert.True(_account.RealizedPnl == _realized, Where($"{when}: realized total {_account.RealizedPnl} ≠ {_realized}"));
            Assert.True(_account.FeesPaid == _fees, Where($"{when}: fees total {_account.FeesPaid} ≠ {_fees}"));
            Assert.True(_account.FundingPaid == _funding, Where($"{when}: funding total {_account.FundingPaid} ≠ {_funding}"));
            Assert.True(_account.CrossWalletBalance + _account.IsolatedMargin == _account.WalletBalance, Where($"{when}: wallet split"));
            foreach (var ((symbol, side), quantity) in _quantities)
            {
                Assert.True(
                    _account.PositionQuantity(symbol, side) == quantity,
                    Where($"{when}: {symbol} {side} holds {_account.PositionQuantity(symbol, side)}, fills sum to {quantity}"));
            }
        }

        private decimal Quantity(Symbol symbol, PositionSide side) => _quantities.GetValueOrDefault((symbol, side));

        private decimal NetQuantity(Symbol symbol) =>
            Quantity(symbol, PositionSide.Both) + Quantity(symbol, PositionSide.Long) + Quantity(symbol, PositionSide.Short);

        private decimal Mark(Symbol symbol) => _account.TryGetMarkPrice(symbol, out var mark) ? mark : 0m;

        private string Where(string what) => $"{_mode} seed {_seed}: {what}";
    }
}
