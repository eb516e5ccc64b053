using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Aster.Signing;
using Rari.Aster.Tests.Signing;
using Rari.Aster.Tests.Support;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Aster.Tests.Rest;

/// <summary>
/// The client's requests, byte for byte, against the ccxt wire captures and the signing vectors: same path, same
/// query or body, same content type. Captures of ccxt calls that add ccxt's builder fee, or orders without a client
/// order id, do not apply (this client always sends one).
/// </summary>
public sealed partial class WireCaptureSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");

    public static TheoryData<string> CcxtCaptures =>
        ["6/0", "7/0", "8/0", "9/0", "10/0", "11/0", "11/1", "13/0", "14/0", "15/0", "16/0"];

    public static TheoryData<string> V3Vectors =>
        ["v3_get_open_orders_ccxt_default", "v3_post_order_limit_agent", "v3_post_batch_orders_agent", "v3_delete_order_ccxt_default",
         "v3_post_listen_key_ccxt_default", "v3_get_balance_testnet_chain714"];

    public static TheoryData<string> V1Vectors => ["v1_get_open_orders", "v1_delete_order", "v1_batch_orders"];

    [Theory]
    [MemberData(nameof(CcxtCaptures))]
    public async Task Should_send_exactly_what_ccxt_sent(string captureId)
    {
        // arrange
        var capture = SigningVectors.WireCapture(captureId);
        var url = SigningVectors.Required(capture, "url");
        var expectedText = SigningVectors.Text(capture, "body") ?? SigningVectors.QueryOf(url) ?? string.Empty;
        var nonceMs = NonceMsOf(expectedText) ?? 1_750_000_100_000;
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(nonceMs));
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithTime(() => nonceMs, Answer));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v3: TestAccounts.SelfSigned), time: time);

        // act
        await CallFor(captureId, client);

        // assert
        var sent = Assert.Single(server.BusinessRequests);
        AssertSameRequest(capture, sent);
    }

    [Theory]
    [MemberData(nameof(V3Vectors))]
    public async Task Should_reproduce_every_applicable_v3_vector(string id)
    {
        // arrange
        var vector = SigningVectors.V3(id);
        var request = vector.GetProperty("request");
        var nonceMs = long.Parse(SigningVectors.Required(vector, "nonce")) / 1000;
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(nonceMs));
        var credentials = SigningVectors.Required(vector, "user_address") == TestAccounts.AgentUser ? TestAccounts.Agent : TestAccounts.SelfSigned;
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithTime(() => nonceMs, Answer));
        var options = TestAccounts.For(server, v3: credentials) with { V3ChainId = vector.GetProperty("chain_id").GetInt64() };
        using var client = AsterRestClient.Create(options, time: time);

        // act
        await CallFor(id, client);

        // assert
        var sent = Assert.Single(server.BusinessRequests);
        AssertSameRequest(request, sent);
    }

    [Theory]
    [MemberData(nameof(V1Vectors))]
    public async Task Should_reproduce_every_applicable_v1_vector(string id)
    {
        // arrange
        var vector = SigningVectors.V1(id);
        var signed = SigningVectors.Required(vector, "signed_string_totalParams");
        var timestamp = long.Parse(Regex.Match(signed, "timestamp=(\\d+)").Groups[1].Value);
        var recvWindow = Regex.Match(signed, "recvWindow=(\\d+)") is { Success: true } match ? int.Parse(match.Groups[1].Value) : (int?)null;
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(timestamp));
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithTime(() => timestamp, Answer));
        var options = TestAccounts.For(server, v1: TestAccounts.V1) with { RecvWindowMs = recvWindow };
        using var client = AsterRestClient.Create(options, time: time);

        // act
        await CallFor(id, client);

        // assert
        var sent = Assert.Single(server.BusinessRequests);
        Assert.Equal(SigningVectors.Required(vector, "path"), sent.Path);
        Assert.Equal(SigningVectors.Text(vector, "final_body") ?? string.Empty, sent.Body);
        Assert.Equal(SigningVectors.QueryOf(SigningVectors.Required(vector, "final_url")) ?? string.Empty, sent.Query);
        Assert.Equal("test-apikey-not-real", sent.Headers["X-MBX-APIKEY"]);
    }

    private static void AssertSameRequest(JsonElement expected, RecordedRequest sent)
    {
        var url = new Uri(SigningVectors.Required(expected, "url"));
        Assert.Equal(SigningVectors.Required(expected, "method"), sent.Method);
        Assert.Equal(url.AbsolutePath, sent.Path);
        Assert.Equal(SigningVectors.QueryOf(url.OriginalString) ?? string.Empty, sent.Query); // <--
        Assert.Equal(SigningVectors.Text(expected, "body") ?? string.Empty, sent.Body); // <--
        if (expected.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object
            && headers.TryGetProperty("Content-Type", out var contentType))
        {
            Assert.Equal(contentType.GetString(), sent.Headers["Content-Type"]);
        }
        else
        {
            Assert.False(sent.Headers.ContainsKey("Content-Type"));
        }

        Assert.False(sent.Headers.ContainsKey("X-MBX-APIKEY"));
    }

    private static long? NonceMsOf(string text) =>
        Regex.Match(text, "nonce=(\\d+)") is { Success: true } match ? long.Parse(match.Groups[1].Value) / 1000 : null;

    private static NewOrderRequest Limit(OrderSide side, string quantity, string price, AsterTimeInForce tif, string clientOrderId) => new()
    {
        Symbol = Btc,
        Side = side,
        Type = AsterOrderType.Limit,
        Quantity = decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture),
        Price = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture),
        TimeInForce = tif,
        ClientOrderId = new ClientOrderId(clientOrderId),
    };

    private static Task CallFor(string id, AsterRestClient client) => id switch
    {
        "6/0" => client.CancelOrderAsync(Btc, OrderReference.ById(new VenueOrderId(1001))),
        "7/0" => client.CancelBatchOrdersAsync(Btc, [OrderReference.ById(new VenueOrderId(1001)), OrderReference.ById(new VenueOrderId(1002))]),
        "8/0" => client.CancelAllOpenOrdersAsync(Btc),
        "9/0" or "v3_get_open_orders_ccxt_default" or "v1_get_open_orders" => client.GetOpenOrdersAsync(Btc),
        "10/0" or "v3_get_balance_testnet_chain714" => client.GetBalancesAsync(),
        "11/0" => client.GetLeverageBracketsAsync(),
        "11/1" => client.GetPositionRiskAsync(),
        "13/0" => client.Get24HourTickersAsync(Btc),
        "14/0" => client.SetLeverageAsync(Btc, 10),
        "15/0" => client.SetHedgeModeAsync(false),
        "16/0" or "v3_post_listen_key_ccxt_default" => client.CreateListenKeyAsync(),
        "v3_post_order_limit_agent" => client.PlaceOrderAsync(
            Limit(OrderSide.Buy, "0.010", "65000.5", AsterTimeInForce.Gtc, "grid-L1-0001") with { PositionSide = PositionSide.Both }),
        "v3_post_batch_orders_agent" => client.PlaceBatchOrdersAsync(
            [Limit(OrderSide.Buy, "0.010", "64000", AsterTimeInForce.Gtc, "grid-b-1"), Limit(OrderSide.Sell, "0.010", "66000", AsterTimeInForce.Gtx, "grid-s-1")]),
        "v1_batch_orders" => client.PlaceBatchOrdersAsync(
            [Limit(OrderSide.Buy, "0.001", "60000", AsterTimeInForce.Gtc, "grid-b-1"), Limit(OrderSide.Sell, "0.001", "70000", AsterTimeInForce.Gtx, "grid-s-1")]),
        "v3_delete_order_ccxt_default" or "v1_delete_order" => client.CancelOrderAsync(Btc, OrderReference.ById(new VenueOrderId(123456789))),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "No call is mapped to this capture."),
    };

    private static ScriptedResponse Answer(RecordedRequest request) => request.Path switch
    {
        var p when p.EndsWith("/batchOrders", StringComparison.Ordinal) => ScriptedResponse.Json($"[{ServerScripts.OrderJson},{ServerScripts.OrderJson}]"),
        var p when p.EndsWith("/order", StringComparison.Ordinal) => ScriptedResponse.Json(ServerScripts.OrderJson),
        var p when p.EndsWith("/openOrders", StringComparison.Ordinal) => ScriptedResponse.Json($"[{ServerScripts.OrderJson}]"),
        var p when p.EndsWith("/allOpenOrders", StringComparison.Ordinal) => ScriptedResponse.Json("""{"code":"200","msg":"The operation of cancel all open order is done."}"""),
        var p when p.EndsWith("/ticker/24hr", StringComparison.Ordinal) => ScriptedResponse.Json("""{"symbol":"BTCUSDT","lastPrice":"65000.1"}"""),
        var p when p.EndsWith("/leverage", StringComparison.Ordinal) => ScriptedResponse.Json("""{"leverage":10,"maxNotionalValue":"1000000","symbol":"BTCUSDT"}"""),
        var p when p.EndsWith("/positionSide/dual", StringComparison.Ordinal) => ScriptedResponse.Json("""{"code":200,"msg":"success"}"""),
        var p when p.EndsWith("/listenKey", StringComparison.Ordinal) => ScriptedResponse.Json("""{"listenKey":"pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1"}"""),
        _ => ScriptedResponse.Json("[]"),
    };
}
