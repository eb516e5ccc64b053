using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Domain.Orders;
using static Rari.Aster.Sim.Tests.Trading.Orders;

namespace Rari.Aster.Sim.Tests.Trading;

/// <summary>The "unknown execution status" fault and the order audit of <c>GET /_sim/orders</c>.</summary>
public sealed class VenueTradingAuditSpecs
{
    [Theory]
    [InlineData(AsterApiVersion.V1)]
    [InlineData(AsterApiVersion.V3)]
    public async Task Should_let_the_client_find_an_order_answered_503_after_processing_and_never_place_it_twice(AsterApiVersion version)
    {
        // arrange: the first POST …/order is processed but answered 503 −1007; the fault is lifted as that answer arrives.
        await using var host = await TradingHost.StartAsync();
        await host.Sim.AdminAsync(HttpMethod.Post, "/_sim/faults", """{"unknownStatusRate":1,"pathContains":"/order"}""");
        using var handler = new LiftFaultAfterFirstOrder(host);
        using var client = host.Client(version, handler);

        // act
        var placement = await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, 90_000m, "unknown-1"));
        var audit = await host.OrdersAsync();
        var posts = (await host.Sim.AdminAsync(HttpMethod.Get, "/_sim/requests?path=/order")).EnumerateArray()
            .Where(r => r.Text("method") == "POST")
            .Select(r => (r.GetProperty("status").GetInt32(), r.GetProperty("errorCode").GetInt32()))
            .ToList();

        // assert
        Assert.Equal(OrderPlacementOutcome.PlacedAfterUnknownStatus, placement.Outcome);
        Assert.Equal(-1007, placement.UnknownCause!.Code);
        Assert.Equal(("unknown-1", "NEW"), (placement.Order!.ClientOrderId, placement.Order.Status.Raw));
        Assert.Equal([(503, -1007)], posts);
        var order = Assert.Single(audit.EnumerateArray());
        Assert.Equal(
            (TradingHost.AccountName(version), "unknown-1", placement.Order.OrderId, "NEW"),
            (order.Text("account"), order.Text("clientOrderId"), order.GetProperty("orderId").GetInt64(), order.Text("status")));
    }

    [Fact]
    public async Task Should_audit_every_order_with_its_status_history()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var v1 = host.Client(AsterApiVersion.V1);
        var v3 = host.Client(AsterApiVersion.V3);

        // act
        await v1.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, 94_660.0m, "audit-1"));
        await v3.PlaceOrderAsync(LimitOrder(TradingHost.Sui, OrderSide.Buy, 10m, 3m, "audit-2"));
        await v3.CancelOrderAsync(TradingHost.Sui, OrderReference.ByClientId(new Rari.Domain.Identifiers.ClientOrderId("audit-2")));
        await host.StepAsync(4);
        var all = await host.OrdersAsync();
        var v3Only = await host.OrdersAsync("v3");

        // assert
        Assert.Equal(["audit-1", "audit-2"], all.EnumerateArray().Select(o => o.Text("clientOrderId")));
        Assert.Equal(["audit-2"], v3Only.EnumerateArray().Select(o => o.Text("clientOrderId")));
        var filled = all[0];
        Assert.Equal(("v1", "BTCUSDT", "BUY", "LIMIT", "FILLED", "0.010"), (filled.Text("account"), filled.Text("symbol"), filled.Text("side"), filled.Text("type"), filled.Text("status"), filled.Text("executedQty")));
        Assert.Equal(
            [("NEW", "NEW"), ("TRADE", "FILLED")],
            filled.GetProperty("history").EnumerateArray().Select(h => (h.Text("execution"), h.Text("status"))));
        Assert.Equal("94660.0", filled.GetProperty("history")[1].Text("lastPrice"));
        Assert.Equal(
            [("NEW", "NEW"), ("CANCELED", "CANCELED")],
            all[1].GetProperty("history").EnumerateArray().Select(h => (h.Text("execution"), h.Text("status"))));
    }

    /// <summary>Passes requests to the simulator and switches the fault off when the first order is answered 503.</summary>
    private sealed class LiftFaultAfterFirstOrder(TradingHost host) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _lifted;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Post && (int)response.StatusCode == 503 && Interlocked.Exchange(ref _lifted, 1) == 0)
            {
                await host.Sim.AdminAsync(HttpMethod.Post, "/_sim/faults", """{"unknownStatusRate":0}""");
            }

            return response;
        }
    }
}
