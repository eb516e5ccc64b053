using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;
using Rari.TestKit;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

/// <summary>
/// Thousands of seeded random accounts, markets and intents through the default engine. Every allowed order is checked
/// against every cap with measures computed here from scratch, and its liquidation distance against the portfolio's own
/// estimate after booking the fill.
/// </summary>
public sealed class RiskEnginePropertySpecs
{
    private static readonly Instrument[] Instruments = [Btc, Eth, Sol];
    private static readonly decimal[] BaseMarks = [50_000m, 2_500m, 100m];
    private static readonly int[] Leverages = [1, 2, 5, 10, 20, 25, 50];

    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    [InlineData(303)]
    public void Should_never_let_an_allowed_order_break_a_cap_it_was_checked_against(int seed)
    {
        // arrange
        var random = new Random(seed);
        var kinds = new Dictionary<RiskVerdictKind, int>();
        for (var i = 0; i < 1_500; i++)
        {
            var scenario = Scenario.Generate(random);

            // act
            var verdict = scenario.Engine.Check(scenario.Request, scenario.Context);
            var again = scenario.Engine.Check(scenario.Request, scenario.Context);

            // assert
            Assert.Equal((verdict.Kind, verdict.Order, verdict.Reason), (again.Kind, again.Order, again.Reason));
            Assert.Equal(verdict.Outcomes, again.Outcomes);
            kinds[verdict.Kind] = kinds.GetValueOrDefault(verdict.Kind) + 1;
            if (verdict.IsAllowed)
            {
                Verify(scenario, verdict);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
                Assert.Equal(RiskVerdictKind.Denied, verdict.Outcomes[^1].Kind);
            }
        }

        // the generator reaches every verdict often enough for the checks to mean something
        Assert.All(Enum.GetValues<RiskVerdictKind>(), kind => Assert.True(kinds.GetValueOrDefault(kind) >= 150, $"{kind}: {kinds.GetValueOrDefault(kind)}"));
    }

    private static void Verify(Scenario scenario, RiskVerdict verdict)
    {
        var settings = scenario.Settings;
        var intent = scenario.Request.Intent;
        var context = scenario.Context;
        var q = verdict.Order!.Quantity ?? 0m;
        if (scenario.Request.IsExposureSafe)
        {
            Assert.Same(intent, verdict.Order);
            return;
        }

        var view = context.Find(intent.Symbol)!;
        var instrument = view.Instrument;
        var mark = view.MarkPrice;
        var equity = context.Equity;
        var d = intent.Side == OrderSide.Buy ? 1 : -1;
        var price = intent.Type switch { OrderType.Limit => intent.Price!.Value, OrderType.Market => mark, _ => intent.StopPrice!.Value };
        var requested = intent.Quantity!.Value;
        Assert.InRange(q, 0.000000001m, requested);
        if (verdict.Kind == RiskVerdictKind.Resized)
        {
            var lot = instrument.LotSizeFor(intent.Type);
            Assert.True(lot.IsOnStep(q) && q >= lot.MinQty && q * price >= instrument.MinNotional.Notional, $"resized to {q}");
            Assert.Equal(intent.WithQuantity(q), verdict.Order);
        }

        var position = view.QuantityOn(PositionSide.Both);
        decimal Opening(decimal quantity) => Math.Sign(position) == -d ? quantity - Math.Min(quantity, Math.Abs(position)) : quantity;
        var opening = Opening(q);

        // trading state
        var state = (TradingState)Math.Max((byte)context.GlobalTradingState, (byte)view.TradingState);
        Assert.NotEqual(TradingState.Halted, state);
        Assert.True(state != TradingState.Reducing || opening == 0m);

        // order rate and price band
        if (context.OrderRate.IsKnown)
        {
            Assert.True(context.OrderRate.Used + 1 <= decimal.Floor(context.OrderRate.Limit * settings.OrderRateBudgetShare));
        }

        if (intent.Type == OrderType.Limit)
        {
            Assert.True(Math.Abs(price - mark) <= mark * settings.LimitPriceBand);
            Assert.True(d * (price - mark) <= mark * settings.MarketableLimitBand);
        }

        // volatility and the loss at the stop
        if (view.Volatility is { } volatility && volatility > settings.TargetVolatility)
        {
            Assert.True(opening <= Opening(requested) * settings.TargetVolatility / volatility);
        }

        if (opening > 0m)
        {
            var stop = scenario.Request.StopLossPrice ?? view.StopLossPrice;
            var lossPerUnit = scenario.Request.WorstCaseLossPerUnit ?? d * (price - stop!.Value);
            Assert.True(lossPerUnit > 0m && opening * lossPerUnit <= settings.MaxPortfolioRisk * equity);
        }

        // margin-at-risk, notional caps, asset leverage and brackets, correlated groups
        var after = Math.Max(0m, Directional(view, d) + (q * price));
        Assert.True(after == 0m || after / view.Leverage <= settings.MaxPositionRisk * equity);
        Assert.True(settings.MaxSymbolNotional is not { } symbolCap || after <= symbolCap);
        var rest = 0m;
        var groupMargin = after / view.Leverage;
        var groupNotional = after;
        foreach (var other in context.Symbols)
        {
            if (other.Symbol == view.Symbol)
            {
                continue;
            }

            rest += Math.Max(Math.Max(0m, Directional(other, 1)), Math.Max(0m, Directional(other, -1)));
            if (context.Correlations.TryGet(view.Symbol, other.Symbol, out var correlation) && correlation >= settings.CorrelationThreshold)
            {
                groupMargin += Math.Max(0m, Directional(other, d)) / other.Leverage;
                groupNotional += Math.Max(0m, Directional(other, d));
            }
        }

        var totalCap = Math.Min(settings.MaxTotalNotional ?? decimal.MaxValue, settings.MaxGrossLeverage * equity);
        Assert.True(after <= Math.Max(totalCap - rest, Math.Max(0m, Directional(view, -d))), $"total {after} {totalCap} {rest} {Directional(view, -d)} at {q}: {string.Join(" | ", verdict.Outcomes)}");
        // an order that leaves its symbol with no exposure its way never grows the group, however full the others make it
        Assert.True(after == 0m || groupMargin <= settings.MaxPositionRisk * equity);
        Assert.True(after == 0m || settings.MaxSymbolNotional is not { } groupCap || groupNotional <= groupCap);
        var maxLeverage = AssetProfileTable.Default.For(view.Symbol).Leverage;
        Assert.True(opening == 0m || view.Leverage <= maxLeverage);
        Assert.True(after == 0m || (after <= maxLeverage * equity && after <= instrument.MaxNotionalAt(view.Leverage)));

        // liquidity
        if (view.Book is { } book)
        {
            var side = d > 0 ? BookSide.Ask : BookSide.Bid;
            var touch = book.LevelAt(side, 0).Price;
            Assert.True(q <= settings.MaxDepthShare * book.DepthWithin(side, touch * settings.DepthBand));
            if (intent.Type == OrderType.Market)
            {
                var estimate = book.EstimateMarketFill(intent.Side, q);
                Assert.True(estimate.IsComplete && estimate.SlippageFraction <= settings.MaxSlippage, $"slippage {estimate.SlippageFraction} at {q}");
            }
        }

        // liquidation distance, measured by the portfolio itself after booking the fill
        if (opening > 0m)
        {
            var account = PortfolioAccount.FromSnapshot(scenario.Account.ToSnapshot(), BracketsOf);
            account.ApplyFill(TestFills.Create(view.Symbol.Value, intent.Side, q, price, tradeId: 99));
            if (account.EstimateLiquidationPrice(view.Symbol, PositionSide.Both) is { } liquidation)
            {
                var resulting = account.PositionQuantity(view.Symbol, PositionSide.Both);
                var buffer = Math.Max(settings.LiquidationBufferAtr * (view.AverageTrueRange ?? 0m), settings.MinLiquidationDistance * mark);
                Assert.True(Math.Sign(resulting) * (mark - liquidation) > buffer, $"liquidation {liquidation} vs mark {mark}, buffer {buffer}");
            }
        }
    }

    // The worst-case signed notional in a direction: the position at the mark plus the resting entries that way.
    private static decimal Directional(SymbolRiskView view, int direction) =>
        (direction * view.QuantityOn(PositionSide.Both) * view.MarkPrice) + (direction > 0 ? view.OpenBuyNotional : view.OpenSellNotional);

    private static IReadOnlyList<LeverageBracket> BracketsOf(Symbol symbol) =>
        Array.Find(Instruments, i => i.Symbol == symbol)!.LeverageBrackets;

    private sealed record Scenario(RiskSettings Settings, RiskEngine Engine, PortfolioAccount Account, RiskContext Context, RiskRequest Request)
    {
        public static Scenario Generate(Random random)
        {
            var wallet = Between(random, 500m, 50_000m, 2);
            var settings = RiskSettings.Default with
            {
                MaxPortfolioRisk = Between(random, 0.01m, 0.2m, 3),
                MaxPositionRisk = Between(random, 0.01m, 0.2m, 3),
                MaxSymbolNotional = random.NextDouble() < 0.3 ? wallet * Between(random, 0.5m, 5m, 2) : null,
                MaxTotalNotional = random.NextDouble() < 0.3 ? wallet * Between(random, 1m, 12m, 2) : null,
                MaxGrossLeverage = Between(random, 1m, 20m, 1),
                TargetVolatility = Between(random, 0.3m, 1.5m, 2),
                CorrelationThreshold = Between(random, 0.3m, 0.95m, 2),
                DepthBand = Between(random, 0.001m, 0.05m, 3),
                MaxDepthShare = Between(random, 0.05m, 1m, 2),
                MaxSlippage = Between(random, 0.0005m, 0.02m, 4),
                LiquidationBufferAtr = Between(random, 0m, 30m, 1),
                MinLiquidationDistance = Between(random, 0m, 0.05m, 3),
            };

            var account = new PortfolioAccount(wallet, BracketsOf);
            var views = new List<SymbolRiskView>();
            for (var i = 0; i < Instruments.Length; i++)
            {
                var instrument = Instruments[i];
                var symbol = instrument.Symbol;
                var mark = instrument.RoundPrice(BaseMarks[i] * Between(random, 0.8m, 1.2m, 4), TickRounding.Nearest);
                account.SetLeverage(symbol, Leverages[random.Next(Leverages.Length)]);
                if (random.NextDouble() < 0.25)
                {
                    account.SetMarginType(symbol, MarginType.Isolated);
                }

                var size = instrument.RoundQuantityDown(wallet * Between(random, 0m, 2m, 3) / mark);
                if (random.NextDouble() < 0.6 && size >= instrument.LotSize.MinQty)
                {
                    var entry = instrument.RoundPrice(mark * Between(random, 0.95m, 1.05m, 4), TickRounding.Nearest);
                    account.ApplyFill(TestFills.Create(symbol.Value, random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell, size, entry));
                }

                account.UpdateMark(symbol, mark);
                views.Add(SymbolRiskView.FromAccount(account, instrument) with
                {
                    OpenBuyNotional = random.NextDouble() < 0.3 ? Between(random, 0m, wallet, 2) : 0m,
                    OpenSellNotional = random.NextDouble() < 0.3 ? Between(random, 0m, wallet, 2) : 0m,
                    Volatility = random.NextDouble() < 0.7 ? Between(random, 0.2m, 2m, 3) : null,
                    AverageTrueRange = random.NextDouble() < 0.7 ? mark * Between(random, 0.0005m, 0.01m, 5) : null,
                    TradingState = random.NextDouble() switch { < 0.04 => TradingState.Reducing, < 0.06 => TradingState.Halted, _ => TradingState.Active },
                    Book = random.NextDouble() < 0.6 ? RandomBook(random, instrument, mark, wallet) : null,
                    StopLossPrice = random.NextDouble() < 0.3 ? instrument.RoundPrice(mark * Between(random, 0.9m, 1.1m, 4), TickRounding.Nearest) : null,
                });
            }

            var pairs = new List<SymbolCorrelation>();
            for (var a = 0; a < Instruments.Length; a++)
            {
                for (var b = a + 1; b < Instruments.Length; b++)
                {
                    if (random.NextDouble() < 0.7)
                    {
                        pairs.Add(new SymbolCorrelation(Instruments[a].Symbol, Instruments[b].Symbol, Between(random, -1m, 1m, 2)));
                    }
                }
            }

            var context = RiskContext.FromAccount(account, Now, views) with
            {
                GlobalTradingState = random.NextDouble() switch { < 0.02 => TradingState.Halted, < 0.04 => TradingState.Reducing, _ => TradingState.Active },
                OrderRate = random.NextDouble() < 0.5 ? new OrderRateUsage(random.Next(0, 1_000), 1_200) : OrderRateUsage.Unknown,
                Correlations = new CorrelationTable(pairs),
            };

            var engine = RiskEngine.CreateDefault(settings, AssetProfileTable.Default);
            return new Scenario(settings, engine, account, context, RandomRequest(random, views[random.Next(views.Count)], wallet));
        }

        private static RiskRequest RandomRequest(Random random, SymbolRiskView view, decimal wallet)
        {
            var instrument = view.Instrument;
            var mark = view.MarkPrice;
            var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
            var d = side == OrderSide.Buy ? 1 : -1;
            var roll = random.NextDouble();
            var type = roll < 0.5 ? OrderType.Limit : roll < 0.9 ? OrderType.Market : OrderType.StopMarket;
            var price = type switch
            {
                OrderType.Limit => instrument.RoundPrice(mark * Between(random, 0.75m, 1.25m, 4), TickRounding.Nearest),
                OrderType.StopMarket => instrument.RoundPrice(mark * Between(random, 0.9m, 1.1m, 4), TickRounding.Nearest),
                _ => mark,
            };
            var lot = instrument.LotSizeFor(type);
            var quantity = Math.Max(lot.MinQty, instrument.RoundQuantityDown(wallet * Between(random, 0.001m, 3m, 4) / price, type));
            var reduceOnly = random.NextDouble() < 0.08;
            var id = new ClientOrderId("rari-prop-" + random.Next(1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var intent = OrderIntent.Create(
                id, Strategy, instrument.Symbol, side, type, quantity,
                price: type == OrderType.Limit ? price : null,
                stopPrice: type == OrderType.StopMarket ? price : null,
                timeInForce: type == OrderType.Limit ? TimeInForce.Gtc : null,
                reduceOnly: reduceOnly);

            var stopRoll = random.NextDouble();
            return stopRoll switch
            {
                < 0.5 => new RiskRequest(intent) { StopLossPrice = Math.Max(instrument.PriceFilter.TickSize, price * (1m - (d * Between(random, 0.002m, 0.1m, 4)))) },
                < 0.6 => new RiskRequest(intent) { StopLossPrice = price * (1m + (d * Between(random, 0.001m, 0.05m, 4))) },
                < 0.8 => new RiskRequest(intent) { WorstCaseLossPerUnit = price * Between(random, 0.001m, 0.1m, 4) },
                _ => new RiskRequest(intent),
            };
        }

        private static OrderBook RandomBook(Random random, Instrument instrument, decimal mark, decimal wallet)
        {
            var book = new OrderBook(instrument.Symbol);
            foreach (var side in new[] { BookSide.Bid, BookSide.Ask })
            {
                if (random.NextDouble() < 0.05)
                {
                    continue;
                }

                var direction = side == BookSide.Ask ? 1m : -1m;
                var level = mark + (direction * instrument.PriceFilter.TickSize * random.Next(1, 6));
                for (var i = random.Next(1, 13); i > 0; i--)
                {
                    var quantity = Math.Max(instrument.LotSize.StepSize, instrument.RoundQuantityDown(wallet * Between(random, 0.001m, 0.5m, 4) / mark));
                    book.SetLevel(side, level, quantity);
                    level = instrument.RoundPrice(level * (1m + (direction * Between(random, 0.0002m, 0.003m, 5))), TickRounding.Nearest);
                }
            }

            return book;
        }

        private static decimal Between(Random random, decimal low, decimal high, int decimals)
        {
            var scale = (decimal)Math.Pow(10, decimals);
            var steps = (long)((high - low) * scale);
            return low + (random.NextInt64(0, steps + 1) / scale);
        }
    }
}
