using Rari.Aster.Sim.Streams;
using Rari.Aster.Sim.Tests.Support;

namespace Rari.Aster.Sim.Tests.Streams;

public sealed class UserStreamSpecs
{
    [Fact]
    public async Task Should_run_the_listen_key_lifecycle()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File });

        // act
        var (_, created, _) = await host.SignedAsync(HttpMethod.Post, "/fapi/v1/listenKey");
        var (_, again, _) = await host.SignedAsync(HttpMethod.Post, "/fapi/v1/listenKey");
        var (keptAlive, keepAliveBody, _) = await host.SignedAsync(HttpMethod.Put, "/fapi/v1/listenKey");
        var (closed, closeBody, _) = await host.SignedAsync(HttpMethod.Delete, "/fapi/v1/listenKey");
        var (afterClose, afterCloseBody, _) = await host.SignedAsync(HttpMethod.Put, "/fapi/v1/listenKey");
        var (_, renewed, _) = await host.SignedAsync(HttpMethod.Post, "/fapi/v1/listenKey");

        // assert
        var key = created.GetProperty("listenKey").GetString();
        Assert.Equal(key, again.GetProperty("listenKey").GetString());
        Assert.Equal(200, keptAlive);
        Assert.Equal("{}", keepAliveBody.GetRawText());
        Assert.Equal(200, closed);
        Assert.Equal("{}", closeBody.GetRawText());
        Assert.Equal(400, afterClose);
        Assert.Equal("""{"code":-1125,"msg":"This listenKey does not exist."}""", afterCloseBody.GetRawText());
        Assert.NotEqual(key, renewed.GetProperty("listenKey").GetString());
    }

    [Theory]
    [InlineData("/ws/")]
    [InlineData("/fstream/ws/")]
    public async Task Should_deliver_published_user_events_to_the_accounts_listeners_only(string prefix)
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File });
        var (_, created, _) = await host.SignedAsync(HttpMethod.Post, "/fapi/v1/listenKey");
        await using var ws = await host.ConnectAsync(prefix + created.GetProperty("listenKey").GetString());

        // act
        host.Server.UserEvents.Publish("doc", new AccountConfigUpdate(1, 1) { Symbol = "BTCUSDT", Leverage = 3 });
        host.Server.UserEvents.Publish("test", OrderEvent());
        var received = await ws.ReceiveAsync();
        var nothingElse = await ws.TryReceiveAsync(TimeSpan.FromMilliseconds(300));

        // assert
        Assert.Equal("ORDER_TRADE_UPDATE", received.GetProperty("e").GetString());
        Assert.Null(nothingElse);
    }

    [Fact]
    public async Task Should_write_order_and_account_updates_with_asters_field_names()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File });
        var (_, created, _) = await host.SignedAsync(HttpMethod.Post, "/fapi/v1/listenKey");
        var key = created.GetProperty("listenKey").GetString()!;
        await using var ws = await host.ConnectAsync("/stream?streams=" + key);

        // act
        host.Server.UserEvents.Publish("test", OrderEvent());
        host.Server.UserEvents.Publish("test", new AccountUpdate(
            1_746_489_660_000, 1_746_489_660_000, "ORDER",
            [new BalanceUpdate("USDT", "4999.9", "4999.9", "0")],
            [new PositionUpdate("BTCUSDT", "0.001", "94696.7", "0", "0.01", "cross", "0", "BOTH")]));
        var order = await ws.ReceiveAsync();
        var account = await ws.ReceiveAsync();

        // assert
        Assert.Equal(key, order.GetProperty("stream").GetString());
        var o = order.GetProperty("data").GetProperty("o");
        Assert.Equal(
            "s,c,S,o,f,q,p,ap,sp,x,X,i,l,z,L,N,n,T,t,b,a,m,R,wt,ot,ps,cp,rp",
            string.Join(',', o.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("TRADE", o.GetProperty("x").GetString());
        Assert.Equal("e,E,T,a", string.Join(',', account.GetProperty("data").EnumerateObject().Select(p => p.Name)));
        Assert.Equal(
            """{"m":"ORDER","B":[{"a":"USDT","wb":"4999.9","cw":"4999.9","bc":"0"}],"P":[{"s":"BTCUSDT","pa":"0.001","ep":"94696.7","cr":"0","up":"0.01","mt":"cross","iw":"0","ps":"BOTH"}]}""",
            account.GetProperty("data").GetProperty("a").GetRawText());
    }

    [Fact]
    public async Task Should_send_listen_key_expired_and_then_go_quiet()
    {
        // arrange
        var clock = new TestClock(1_750_000_000_000);
        await using var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File, TimeProvider = clock });
        var (_, created, _) = await host.SignedAsync(HttpMethod.Post, "/fapi/v1/listenKey", timestampMs: clock.NowMs);
        var key = created.GetProperty("listenKey").GetString()!;
        await using var ws = await host.ConnectAsync("/ws/" + key);
        clock.Advance(TimeSpan.FromMinutes(59));
        var beforeExpiry = await ws.TryReceiveAsync(TimeSpan.FromMilliseconds(400));

        // act
        clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await ws.ReceiveAsync(seconds: 3);
        host.Server.UserEvents.Publish("test", OrderEvent());
        var afterExpiry = await ws.TryReceiveAsync(TimeSpan.FromMilliseconds(300));
        var (status, body, _) = await host.SignedAsync(HttpMethod.Put, "/fapi/v1/listenKey", timestampMs: clock.NowMs);

        // assert
        Assert.Null(beforeExpiry);
        Assert.Equal("listenKeyExpired", expired.GetProperty("e").GetString());
        Assert.Equal(clock.NowMs, expired.GetProperty("E").GetInt64());
        Assert.Equal(key, expired.GetProperty("listenKey").GetString());
        Assert.Null(afterExpiry);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, ws.Socket.State);
        Assert.Equal(400, status);
        Assert.Equal(-1125, body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_extend_a_key_on_keepalive()
    {
        // arrange
        var clock = new TestClock(1_750_000_000_000);
        await using var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File, TimeProvider = clock });
        var (_, created, _) = await host.SignedAsync(HttpMethod.Post, "/fapi/v1/listenKey", timestampMs: clock.NowMs);
        await using var ws = await host.ConnectAsync("/ws/" + created.GetProperty("listenKey").GetString());

        // act: 80 minutes with a keepalive at 40
        clock.Advance(TimeSpan.FromMinutes(40));
        await host.SignedAsync(HttpMethod.Put, "/fapi/v1/listenKey", timestampMs: clock.NowMs);
        clock.Advance(TimeSpan.FromMinutes(40));
        await Task.Delay(400);
        host.Server.UserEvents.Publish("test", OrderEvent());
        var received = await ws.ReceiveAsync();

        // assert
        Assert.Equal("ORDER_TRADE_UPDATE", received.GetProperty("e").GetString());
    }

    [Fact]
    public async Task Should_let_a_combined_connection_subscribe_to_a_listen_key()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File });
        var (_, created, _) = await host.SignedAsync(HttpMethod.Post, "/fapi/v1/listenKey");
        var key = created.GetProperty("listenKey").GetString()!;
        await using var ws = await host.ConnectAsync("/stream");

        // act
        await ws.SendAsync($$"""{"method":"SUBSCRIBE","params":["{{key}}","btcusdt@markPrice"],"id":1}""");
        var reply = await ws.ReceiveAsync();
        host.Server.UserEvents.Publish("test", OrderEvent());
        var user = await ws.ReceiveAsync();

        // assert
        Assert.Equal("""{"result":null,"id":1}""", reply.GetRawText());
        Assert.Equal(key, user.GetProperty("stream").GetString());
    }

    private static OrderTradeUpdate OrderEvent() => new(
        1_746_489_660_000,
        1_746_489_660_000,
        new OrderUpdate(
            "BTCUSDT", "grid-L1-0001", "BUY", "LIMIT", "GTC", "0.001", "94696.7", "94696.7", "0", "TRADE", "FILLED", 42,
            "0.001", "0.001", "94696.7", 1_746_489_660_000, 7, "0", "0", true, false, "CONTRACT_PRICE", "LIMIT", "BOTH", false, "0")
        {
            CommissionAsset = "USDT",
            Commission = "0.00946967",
        });
}
