using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Aster.Tests.Support;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.TestKit;

namespace Rari.Aster.Tests.Rest;

/// <summary>Placing orders, and above all never doubling one whose outcome is unknown.</summary>
public sealed class OrderPlacementSpecs
{
    private const string NotFound = """{"code":-2013,"msg":"Order does not exist."}""";

    [Fact]
    public async Task Should_find_an_order_whose_placement_answer_was_a_503_without_sending_it_again()
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(request => request.Method == "POST"
            ? ScriptedResponse.Error(503, -1001, "Service unavailable")
            : ScriptedResponse.Json(ServerScripts.OrderJson)));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v3: TestAccounts.SelfSigned));

        // act
        var placement = await client.PlaceOrderAsync(AsterHttpTransportSpecs.LimitOrder("grid-L1-0001"));

        // assert
        Assert.Equal(OrderPlacementOutcome.PlacedAfterUnknownStatus, placement.Outcome);
        Assert.Equal(1001, placement.Order!.OrderId);
        Assert.Equal(503, placement.UnknownCause!.HttpStatus);
        Assert.Single(server.BusinessRequests, r => r.Method == "POST"); // <-- never re-sent
        var query = Assert.Single(server.BusinessRequests, r => r.Method == "GET");
        Assert.Equal("/fapi/v3/order", query.Path);
        Assert.Equal("grid-L1-0001", query.Parameter("origClientOrderId"));
    }

    [Fact]
    public async Task Should_report_not_placed_only_once_the_request_window_has_passed_without_the_order()
    {
        // arrange
        var lookups = new System.Collections.Concurrent.ConcurrentQueue<long>();
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(request =>
        {
            if (request.Method == "POST")
            {
                return ScriptedResponse.Error(503, -1001, "Service unavailable");
            }

            lookups.Enqueue(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            return ScriptedResponse.Json(NotFound, 400);
        }));
        var options = TestAccounts.For(server, v1: TestAccounts.V1) with { RecvWindowMs = 300, ClockUncertainty = TimeSpan.FromMilliseconds(100) };
        using var client = AsterRestClient.Create(options);

        // act
        var placement = await client.PlaceOrderAsync(AsterHttpTransportSpecs.LimitOrder("grid-L1-0002"));

        // assert
        Assert.Equal(OrderPlacementOutcome.NotPlaced, placement.Outcome);
        Assert.Null(placement.Order);
        Assert.False(placement.Exists);
        Assert.Single(server.BusinessRequests, r => r.Method == "POST"); // <-- never re-sent
        var signedAt = long.Parse(server.BusinessRequests.First(r => r.Method == "POST").Parameter("timestamp")!);
        Assert.True(lookups.Last() > signedAt + 400, "not placed is concluded only from a lookup after the window (300 ms + 100 ms)");
    }

    [Fact]
    public async Task Should_ask_again_when_the_order_is_not_found_before_the_window_has_passed()
    {
        // arrange
        var lookups = 0;
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(request => request.Method switch
        {
            "POST" => ScriptedResponse.Error(503, -1001, "Service unavailable"),
            _ when Interlocked.Increment(ref lookups) == 1 => ScriptedResponse.Json(NotFound, 400), // still on its way to the matcher
            _ => ScriptedResponse.Json(ServerScripts.OrderJson),
        }));
        var options = TestAccounts.For(server, v1: TestAccounts.V1) with { RecvWindowMs = 10_000 };
        using var client = AsterRestClient.Create(options);

        // act
        var placement = await client.PlaceOrderAsync(AsterHttpTransportSpecs.LimitOrder("grid-L1-0001"));

        // assert
        Assert.Equal(OrderPlacementOutcome.PlacedAfterUnknownStatus, placement.Outcome);
        Assert.Equal(2, lookups);
        Assert.Single(server.BusinessRequests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Should_not_trust_a_not_found_to_a_query_sent_inside_the_window_even_when_it_arrives_after()
    {
        // arrange
        var lookups = 0;
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(request => request.Method switch
        {
            "POST" => ScriptedResponse.Error(503, -1001, "Service unavailable"),
            _ when Interlocked.Increment(ref lookups) == 1 => new ScriptedResponse(400, NotFound, Delay: TimeSpan.FromMilliseconds(1_500)),
            _ => ScriptedResponse.Json(ServerScripts.OrderJson), // the order reached the matcher late
        }));
        var options = TestAccounts.For(server, v1: TestAccounts.V1) with { RecvWindowMs = 1_000, ClockUncertainty = TimeSpan.Zero };
        using var client = AsterRestClient.Create(options);

        // act
        var placement = await client.PlaceOrderAsync(AsterHttpTransportSpecs.LimitOrder("grid-L1-0005"));

        // assert
        Assert.Equal(OrderPlacementOutcome.PlacedAfterUnknownStatus, placement.Outcome); // <-- not "not placed"
        Assert.Equal(2, lookups);
        Assert.Single(server.BusinessRequests, r => r.Method == "POST");
    }

    [Theory]
    [InlineData(200, -1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.")]
    [InlineData(400, -1006, "An unexpected response was received from the message bus. Execution status unknown.")]
    [InlineData(500, -1000, "An unknown error occured while processing the request.")]
    public async Task Should_resolve_every_unknown_outcome_code_by_query(int status, int code, string message)
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(request => request.Method == "POST"
            ? ScriptedResponse.Error(status, code, message)
            : ScriptedResponse.Json(ServerScripts.OrderJson)));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v3: TestAccounts.SelfSigned));

        // act
        var placement = await client.PlaceOrderAsync(AsterHttpTransportSpecs.LimitOrder("grid-L1-0001"));

        // assert
        Assert.Equal(OrderPlacementOutcome.PlacedAfterUnknownStatus, placement.Outcome);
        Assert.Equal(code, placement.UnknownCause!.Code);
        Assert.Single(server.BusinessRequests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Should_resolve_a_placement_that_timed_out()
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(request => request.Method == "POST"
            ? new ScriptedResponse(200, ServerScripts.OrderJson, Delay: TimeSpan.FromSeconds(5))
            : ScriptedResponse.Json(ServerScripts.OrderJson)));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v3: TestAccounts.SelfSigned) with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        // act
        var placement = await client.PlaceOrderAsync(AsterHttpTransportSpecs.LimitOrder("grid-L1-0001"));

        // assert
        Assert.Equal(OrderPlacementOutcome.PlacedAfterUnknownStatus, placement.Outcome);
        Assert.Null(placement.UnknownCause!.HttpStatus);
        Assert.Single(server.BusinessRequests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Should_give_up_resolving_with_an_unknown_status_error_and_still_not_resend()
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(request => request.Method == "POST"
            ? ScriptedResponse.Error(503, -1001, "Service unavailable")
            : ScriptedResponse.Error(500, -1000, "Down for maintenance")));
        var options = TestAccounts.For(server, v3: TestAccounts.SelfSigned) with { UnknownStatusTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 1 };
        using var client = AsterRestClient.Create(options);

        // act
        var error = await Assert.ThrowsAsync<AsterApiException>(() => client.PlaceOrderAsync(AsterHttpTransportSpecs.LimitOrder("grid-L1-0003")));

        // assert
        Assert.Equal(AsterErrorCategory.UnknownExecutionStatus, error.Category);
        Assert.Contains("the outcome of order grid-L1-0003 is still unknown", error.Message);
        Assert.Single(server.BusinessRequests, r => r.Method == "POST"); // <-- never re-sent, even when giving up
        Assert.Contains(server.BusinessRequests, r => r.Method == "GET");
    }

    [Fact]
    public async Task Should_keep_the_outcome_unknown_when_the_check_is_refused()
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(request => request.Method == "POST"
            ? ScriptedResponse.Error(503, -1001, "Service unavailable")
            : ScriptedResponse.Error(418, -1003, "Way too many requests; IP banned until 4102444800000.")));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v3: TestAccounts.SelfSigned));

        // act
        var error = await Assert.ThrowsAsync<AsterApiException>(() => client.PlaceOrderAsync(AsterHttpTransportSpecs.LimitOrder("grid-L1-0006")));

        // assert
        Assert.Equal(AsterErrorCategory.UnknownExecutionStatus, error.Category); // <-- not a refusal of the order
        Assert.Contains("cannot be checked (IpBanned", error.Message);
        Assert.True(Assert.IsType<AsterRateLimitException>(error.InnerException).IsBan);
        Assert.Single(server.BusinessRequests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Should_throw_a_definite_rejection_without_querying()
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(_ =>
            ScriptedResponse.Error(400, -2019, "Margin is insufficient.")));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v3: TestAccounts.SelfSigned));

        // act
        var error = await Assert.ThrowsAsync<AsterApiException>(() => client.PlaceOrderAsync(AsterHttpTransportSpecs.LimitOrder("grid-L1-0004")));

        // assert
        Assert.Equal(AsterErrorCategory.InsufficientMargin, error.Category);
        Assert.Equal(-2019, error.Code);
        Assert.Equal("Margin is insufficient.", error.VenueMessage);
        Assert.Single(server.BusinessRequests);
    }

    [Fact]
    public async Task Should_report_each_batch_item_as_placed_or_rejected_in_input_order()
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(_ => ScriptedResponse.Json(
            $$"""[{{ServerScripts.OrderJson}},{"code":-2022,"msg":"ReduceOnly Order is rejected."}]""")));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v3: TestAccounts.SelfSigned));

        // act
        var results = await client.PlaceBatchOrdersAsync(
            [AsterHttpTransportSpecs.LimitOrder("grid-b-1"), AsterHttpTransportSpecs.LimitOrder("grid-b-2")]);

        // assert
        Assert.Equal([OrderPlacementOutcome.Placed, OrderPlacementOutcome.Rejected], results.Select(r => r.Outcome));
        Assert.Equal(["grid-b-1", "grid-b-2"], results.Select(r => r.ClientOrderId.Value));
        Assert.Equal(new AsterVenueError(-2022, "ReduceOnly Order is rejected."), results[1].Error);
    }

    [Fact]
    public async Task Should_resolve_every_item_of_a_batch_whose_outcome_is_unknown()
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(request => request.Method switch
        {
            "POST" => ScriptedResponse.Error(503, -1001, "Service unavailable"),
            _ when request.Parameter("origClientOrderId") == "grid-b-1" => ScriptedResponse.Json(ServerScripts.OrderJson),
            _ => ScriptedResponse.Json(NotFound, 400),
        }));
        var options = TestAccounts.For(server, v1: TestAccounts.V1) with { RecvWindowMs = 100, ClockUncertainty = TimeSpan.FromMilliseconds(50) };
        using var client = AsterRestClient.Create(options);

        // act
        var results = await client.PlaceBatchOrdersAsync(
            [AsterHttpTransportSpecs.LimitOrder("grid-b-1"), AsterHttpTransportSpecs.LimitOrder("grid-b-2")]);

        // assert
        Assert.Equal([OrderPlacementOutcome.PlacedAfterUnknownStatus, OrderPlacementOutcome.NotPlaced], results.Select(r => r.Outcome));
        Assert.Single(server.BusinessRequests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Should_refuse_a_batch_of_more_than_five_before_sending()
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Json("[]"));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v3: TestAccounts.SelfSigned));
        var orders = Enumerable.Range(1, 6).Select(i => AsterHttpTransportSpecs.LimitOrder($"grid-b-{i}")).ToArray();

        // act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.PlaceBatchOrdersAsync(orders));

        // assert
        Assert.StartsWith("A batch places 1 to 5 orders, not 6.", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Should_place_an_intent_with_prices_and_quantities_on_the_instruments_scale()
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(_ => ScriptedResponse.Json(ServerScripts.OrderJson)));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v3: TestAccounts.SelfSigned));
        var intent = OrderIntent.Create(
            new ClientOrderId("grid-L1-0001"), new StrategyId("grid"), TestAccounts.BtcUsdt, OrderSide.Buy, OrderType.Limit,
            quantity: 0.01m, price: 65000.50m, timeInForce: TimeInForce.Gtx);

        // act
        await client.PlaceOrderAsync(intent.ToNewOrderRequest(TestInstruments.BtcUsdt));

        // assert
        var body = Assert.Single(server.BusinessRequests).Body;
        Assert.Contains(
            "&symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.010&price=65000.5&timeInForce=GTX&newClientOrderId=grid-L1-0001&positionSide=BOTH&signature=",
            body);
    }
}
