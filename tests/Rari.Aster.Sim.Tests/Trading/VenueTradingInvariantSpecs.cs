using System.Globalization;
using System.Text.Json;
using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using static Rari.Aster.Sim.Tests.Trading.Orders;

namespace Rari.Aster.Sim.Tests.Trading;

/// <summary>Seeded random order flow from both accounts, then the books must agree with each other.</summary>
public sealed class VenueTradingInvariantSpecs
{
    private static readonly string[] Terminal = ["FILLED", "CANCELED", "EXPIRED"];

    [Theory]
    [InlineData(11)]
    [InlineData(29)]
    public async Task Should_keep_balances_trades_orders_and_events_consistent_under_random_flow(int seed)
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var random = new Random(seed);
        var versions = new[] { AsterApiVersion.V1, AsterApiVersion.V3 };
        await using var stream1 = await host.UserStreamAsync(AsterApiVersion.V1);
        await using var stream3 = await host.UserStreamAsync(AsterApiVersion.V3);
        var placed = 0;

        // act
        for (var action = 0; action < 160; action++)
        {
            var version = versions[random.Next(2)];
            var client = host.Client(version);
            var symbol = random.Next(2) == 0 ? TradingHost.Btc : TradingHost.Sui;
            var market = host.Market(symbol);
            var spec = market.Spec.Instrument;
            var quantity = symbol == TradingHost.Btc ? 0.001m * random.Next(1, 20) : 10m * random.Next(1, 60);
            var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
            var id = string.Create(CultureInfo.InvariantCulture, $"r{seed}-{placed}");
            try
            {
                switch (random.Next(6))
                {
                    case 0 or 1:
                        var offset = random.Next(-30, 30) * spec.PriceFilter.TickSize * (symbol == TradingHost.Btc ? 10 : 1);
                        await client.PlaceOrderAsync(LimitOrder(symbol, side, quantity, market.LastPrice + offset, id));
                        placed++;
                        break;
                    case 2:
                        await client.PlaceOrderAsync(MarketOrder(symbol, side, quantity, id));
                        placed++;
                        break;
                    case 3:
                        var open = await client.GetOpenOrdersAsync(symbol);
                        if (open.Count > 0)
                        {
                            await client.CancelOrderAsync(symbol, OrderReference.ById(new VenueOrderId(open[random.Next(open.Count)].OrderId)));
                        }

                        break;
                    default:
                        await host.StepAsync(random.Next(1, 4));
                        break;
                }
            }
            catch (AsterApiException refused) when (refused.Category is AsterErrorCategory.FilterViolation or AsterErrorCategory.InsufficientMargin)
            {
                // A random order may break a filter or the margin; a refusal changes nothing, which the checks below confirm.
            }
        }

        var events1 = await stream1.DrainAsync();
        var events3 = await stream3.DrainAsync();
        var audit = await host.OrdersAsync();

        // assert
        Assert.True(placed > 40, $"only {placed} orders were placed");
        foreach (var version in versions)
        {
            await AssertAccountConsistentAsync(host, version, audit);
        }

        AssertAuditConsistent(audit);
        AssertStreamConsistent([events1, events3], audit);
    }

    [Fact]
    public async Task Should_serve_concurrent_clients_one_command_at_a_time()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var requests = new List<Task<OrderPlacement>>();

        // act
        for (var i = 0; i < 25; i++)
        {
            foreach (var version in (AsterApiVersion[])[AsterApiVersion.V1, AsterApiVersion.V3])
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"par-{version}-{i}");
                requests.Add(host.Client(version).PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.001m, 90_000m + i, id)));
            }
        }

        var placed = await Task.WhenAll(requests);
        var audit = await host.OrdersAsync();
        var open1 = await host.Client(AsterApiVersion.V1).GetOpenOrdersAsync(TradingHost.Btc);
        var open3 = await host.Client(AsterApiVersion.V3).GetOpenOrdersAsync(TradingHost.Btc);

        // assert
        Assert.All(placed, p => Assert.Equal(OrderPlacementOutcome.Placed, p.Outcome));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), placed.Select(p => p.Order!.OrderId).Order());
        Assert.Equal(50, audit.GetArrayLength());
        Assert.Equal((25, 25), (open1.Count, open3.Count));
    }

    // Wallet = start + Σ income; per order, Σ trade quantities = executed quantity; open orders = the audit's open ones.
    private static async Task AssertAccountConsistentAsync(TradingHost host, AsterApiVersion version, JsonElement audit)
    {
        var client = host.Client(version);
        var account = TradingHost.AccountName(version);
        var income = await client.GetIncomeAsync(startTimeMs: 0, limit: 1000);
        var balance = (await client.GetBalancesAsync()).Single();
        Assert.True(income.Count < 1000, "income was cut off by the limit");
        Assert.Equal(TradingHost.Balance + income.Sum(i => i.Income), balance.Balance);

        foreach (var symbol in new[] { TradingHost.Btc, TradingHost.Sui })
        {
            var orders = await client.GetAllOrdersAsync(symbol, fromOrderId: 0, limit: 1000);
            var trades = await client.GetUserTradesAsync(symbol, fromId: 0, limit: 1000);
            foreach (var order in orders)
            {
                Assert.Equal(order.ExecutedQty, trades.Where(t => t.OrderId == order.OrderId).Sum(t => t.Qty));
                Assert.Equal(order.CumQuote, trades.Where(t => t.OrderId == order.OrderId).Sum(t => t.QuoteQty));
            }

            var open = (await client.GetOpenOrdersAsync(symbol)).Select(o => o.OrderId).Order();
            var auditOpen = audit.EnumerateArray()
                .Where(o => o.Text("account") == account && o.Text("symbol") == symbol.Value && !Terminal.Contains(o.Text("status")))
                .Select(o => o.GetProperty("orderId").GetInt64())
                .Order();
            Assert.Equal(auditOpen, open);
        }
    }

    // Unique ids; every history starts NEW, ends at most once, and never fills backwards.
    private static void AssertAuditConsistent(JsonElement audit)
    {
        var orders = audit.EnumerateArray().ToList();
        Assert.Equal(orders.Count, orders.Select(o => o.GetProperty("orderId").GetInt64()).Distinct().Count());
        Assert.Equal(orders.Count, orders.Select(o => (o.Text("account"), o.Text("clientOrderId"))).Distinct().Count());
        foreach (var order in orders)
        {
            var history = order.GetProperty("history").EnumerateArray().Select(h => h.Text("status")).ToList();
            Assert.Equal("NEW", history[0]);
            Assert.Equal(order.Text("status"), history[^1]);
            Assert.True(history.Take(history.Count - 1).All(s => !Terminal.Contains(s)), $"order {order.GetProperty("orderId")} changed after it ended: {string.Join(",", history)}");
        }
    }

    // Events come in time order per account, and each order's streamed fills add up to what the audit says it filled.
    private static void AssertStreamConsistent(List<JsonElement>[] streams, JsonElement audit)
    {
        foreach (var events in streams)
        {
            var times = events.Select(e => e.GetProperty("E").GetInt64()).ToList();
            Assert.Equal(times.Order(), times);
        }

        var updates = streams.SelectMany(s => s).Where(e => e.Text("e") == "ORDER_TRADE_UPDATE").ToList();
        foreach (var order in audit.EnumerateArray())
        {
            var id = order.GetProperty("orderId").GetInt64();
            var streamed = updates
                .Where(e => e.Order().GetProperty("i").GetInt64() == id && e.Order().Text("x") == "TRADE")
                .Sum(e => decimal.Parse(e.Order().Text("l"), CultureInfo.InvariantCulture));
            Assert.Equal(decimal.Parse(order.Text("executedQty"), CultureInfo.InvariantCulture), streamed);
        }
    }
}
