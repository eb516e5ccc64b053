using Rari.Aster.Rest;
using Rari.Domain.Orders;
using static Rari.Aster.Sim.Tests.Trading.Orders;

namespace Rari.Aster.Sim.Tests.Trading;

/// <summary>Refused requests answer Aster's error code, V1 and V3 alike, and change nothing.</summary>
/// <remarks>The refusals share one simulator: a refused request changes nothing, which each case checks.</remarks>
public sealed class VenueTradingErrorSpecs(VenueTradingErrorSpecs.SharedHost shared) : IClassFixture<VenueTradingErrorSpecs.SharedHost>
{
    private const string Btc = "symbol=BTCUSDT";

    private static readonly (string Method, string Name, string Parameters, int Code)[] Cases =
    [
        ("POST", "order", "side=BUY&type=MARKET&quantity=0.01", -1102),
        ("POST", "order", "symbol=NOPEUSDT&side=BUY&type=MARKET&quantity=0.01", -1121),
        ("POST", "order", $"{Btc}&side=UP&type=MARKET&quantity=0.01", -1117),
        ("POST", "order", $"{Btc}&side=BUY&type=FOO&quantity=0.01", -1116),
        ("POST", "order", $"{Btc}&side=BUY&type=LIMIT&quantity=0.01&price=90000&timeInForce=XYZ", -1115),
        ("POST", "order", $"{Btc}&side=BUY&type=LIMIT&price=90000&timeInForce=GTC", -1102),
        ("POST", "order", $"{Btc}&side=BUY&type=MARKET&quantity=abc", -1102),
        ("POST", "order", $"{Btc}&side=BUY&type=MARKET&quantity=0.01&reduceOnly=maybe", -1130),
        ("POST", "order", $"{Btc}&side=BUY&type=MARKET&quantity=0.01&positionSide=LONG", -4061),
        ("POST", "order", $"{Btc}&side=BUY&type=MARKET&quantity=0.01&positionSide=UPSIDE", -4060),
        ("POST", "order", $"{Btc}&side=BUY&type=MARKET&quantity=0.01&workingType=LAST", -4031),
        ("POST", "order", $"{Btc}&side=SELL&type=STOP_MARKET&stopPrice=90000&closePosition=true&quantity=0.01", -4137),
        ("POST", "order", $"{Btc}&side=SELL&type=STOP_MARKET&stopPrice=90000&closePosition=true&reduceOnly=false", -4138),
        ("POST", "order", $"{Btc}&side=SELL&type=STOP_MARKET&stopPrice=90000&closePosition=true&reduceOnly=true", -1106),
        ("POST", "order", $"{Btc}&side=BUY&type=MARKET&quantity=0.01&price=90000", -1106),
        ("POST", "order", $"{Btc}&side=BUY&type=MARKET&quantity=0.01&callbackRate=1", -1106),
        ("POST", "order", $"{Btc}&side=BUY&type=MARKET&quantity=0.01&newOrderRespType=FULL", -1136),
        ("POST", "order", $"{Btc}&side=BUY&type=TRAILING_STOP_MARKET&callbackRate=1&quantity=0.01", -1020),
        ("POST", "order", $"{Btc}&side=BUY&type=LIMIT&quantity=0.01&price=90000&timeInForce=HIDDEN", -1020),
        ("POST", "order", $"{Btc}&side=BUY&type=LIMIT&quantity=0.01&price=90000.05&timeInForce=GTC", -4014),
        ("POST", "order", $"{Btc}&side=BUY&type=LIMIT&quantity=0.0105&price=90000&timeInForce=GTC", -4023),
        ("POST", "order", $"{Btc}&side=BUY&type=LIMIT&quantity=0.001&price=1000&timeInForce=GTC", -4164),
        ("POST", "order", $"{Btc}&side=SELL&type=LIMIT&quantity=0.01&price=80000&timeInForce=GTC", -4024),
        ("POST", "order", $"{Btc}&side=BUY&type=LIMIT&quantity=0.01&price=90000&timeInForce=GTC&newClientOrderId=bad*id", -4015),
        ("POST", "order", $"{Btc}&side=BUY&type=MARKET&quantity=100", -2019),
        ("POST", "order", $"{Btc}&side=SELL&type=MARKET&quantity=0.01&reduceOnly=true", -2022),
        ("POST", "order", $"{Btc}&side=BUY&type=STOP_MARKET&stopPrice=90000&quantity=0.01&workingType=MARK_PRICE", -2021),
        ("POST", "batchOrders", "batchOrders=not-a-list", -1130),
        ("POST", "batchOrders", "batchOrders=[]", -4082),
        ("GET", "order", Btc, -1102),
        ("GET", "order", $"{Btc}&orderId=424242", -2013),
        ("DELETE", "order", $"{Btc}&origClientOrderId=nobody", -2011),
        ("DELETE", "batchOrders", Btc, -1102),
        ("DELETE", "batchOrders", $"{Btc}&orderIdList=[1,2,3,4,5,6,7,8,9,10,11]", -4082),
        ("DELETE", "allOpenOrders", "", -1102),
        ("POST", "countdownCancelAll", $"{Btc}&countdownTime=-1", -1130),
        ("POST", "leverage", $"{Btc}&leverage=126", -4028),
        ("POST", "leverage", $"{Btc}&leverage=ten", -1102),
        ("POST", "marginType", $"{Btc}&marginType=HALF", -1130),
        ("POST", "marginType", $"{Btc}&marginType=CROSSED", -4046),
        ("POST", "positionMargin", $"{Btc}&amount=10&type=1", -4049),
        ("POST", "positionMargin", $"{Btc}&amount=10&type=3", -1130),
        ("POST", "positionSide/dual", "dualSidePosition=false", -4059),
        ("GET", "allOrders", $"{Btc}&startTime=2000&endTime=1000", -1023),
        ("GET", "allOrders", $"{Btc}&startTime=0&endTime=604800001", -1127),
        ("GET", "allOrders", $"{Btc}&limit=1001", -1130),
        ("GET", "userTrades", $"{Btc}&fromId=1&startTime=0", -1128),
        ("GET", "income", "incomeType=BONUS", -1130),
        ("GET", "openOrders", "symbol=NOPEUSDT", -1121),
    ];

    public static TheoryData<AsterApiVersion, int> CaseIndexes()
    {
        var data = new TheoryData<AsterApiVersion, int>();
        foreach (var version in (AsterApiVersion[])[AsterApiVersion.V1, AsterApiVersion.V3])
        {
            for (var i = 0; i < Cases.Length; i++)
            {
                data.Add(version, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public async Task Should_refuse_a_bad_request_with_asters_code(AsterApiVersion version, int index)
    {
        // arrange
        var (method, name, parameters, code) = Cases[index];
        var host = shared.Host;

        // act
        var reply = await host.RawAsync(version, new HttpMethod(method), name, parameters);
        var orders = await host.OrdersAsync();

        // assert
        Assert.True(reply.TryGetProperty("code", out var answered), $"{method} {name}?{parameters} was accepted: {reply}");
        Assert.Equal(code, answered.GetInt32());
        Assert.Equal(0, orders.GetArrayLength());
    }

    [Fact]
    public async Task Should_accept_batch_cancel_ids_as_json_numbers_or_strings()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V1);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, 90_000m + i, $"ids-{i}"))).Order!.OrderId);
        }

        // act
        var asNumbers = await host.RawAsync(AsterApiVersion.V1, HttpMethod.Delete, "batchOrders", $"{Btc}&orderIdList=[{ids[0]},{ids[1]}]");
        var asStrings = await host.RawAsync(AsterApiVersion.V1, HttpMethod.Delete, "batchOrders", $"{Btc}&orderIdList=[\"{ids[2]}\"]");
        var byClientIds = await host.RawAsync(AsterApiVersion.V1, HttpMethod.Delete, "batchOrders", $"{Btc}&origClientOrderIdList=['ids-0']");

        // assert
        Assert.Equal(["CANCELED", "CANCELED"], asNumbers.EnumerateArray().Select(o => o.Text("status")));
        Assert.Equal("CANCELED", asStrings[0].Text("status"));
        Assert.Equal(-2011, byClientIds[0].GetProperty("code").GetInt32());
    }

    /// <summary>One simulator for every refusal case.</summary>
    public sealed class SharedHost : IAsyncLifetime
    {
        private TradingHost? _host;

        internal TradingHost Host => _host!;

        public async Task InitializeAsync() => _host = await TradingHost.StartAsync();

        public async Task DisposeAsync() => await _host!.DisposeAsync();
    }
}
