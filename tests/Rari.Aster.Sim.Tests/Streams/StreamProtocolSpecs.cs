using System.Net.WebSockets;
using Rari.Aster.Sim.Tests.Support;

namespace Rari.Aster.Sim.Tests.Streams;

public sealed class StreamProtocolSpecs : IAsyncLifetime
{
    private SimHost _host = null!;

    public async Task InitializeAsync() => _host = await SimHost.StartAsync(o => o with { MaxStreamsPerConnection = 3, MaxIncomingMessagesPerSecond = 5 });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/ws")]
    [InlineData("/fstream/ws")]
    public async Task Should_subscribe_list_and_unsubscribe_on_a_raw_connection(string path)
    {
        // arrange
        await using var ws = await _host.ConnectAsync(path);

        // act
        await ws.SendAsync("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade","ethusdt@kline_1m"],"id":1}""");
        var subscribed = await ws.ReceiveAsync();
        await ws.SendAsync("""{"method":"UNSUBSCRIBE","params":["btcusdt@aggTrade"],"id":312}""");
        var unsubscribed = await ws.ReceiveAsync();
        await ws.SendAsync("""{"method":"LIST_SUBSCRIPTIONS","id":3}""");
        var list = await ws.ReceiveAsync();

        // assert
        Assert.Equal("""{"result":null,"id":1}""", subscribed.GetRawText());
        Assert.Equal("""{"result":null,"id":312}""", unsubscribed.GetRawText());
        Assert.Equal("""{"result":["ethusdt@kline_1m"],"id":3}""", list.GetRawText());
    }

    [Fact]
    public async Task Should_accept_a_missing_or_repeated_id_as_ccxt_sends()
    {
        // arrange
        await using var ws = await _host.ConnectAsync("/fstream/stream");

        // act
        await ws.SendAsync("""{"method":"SUBSCRIBE","params":["btcusdt@ticker"]}""");
        var first = await ws.ReceiveAsync();
        await ws.SendAsync("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade"],"id":1}""");
        await ws.SendAsync("""{"method":"SUBSCRIBE","params":["btcusdt@bookTicker"],"id":1}""");
        var second = await ws.ReceiveAsync();
        var third = await ws.ReceiveAsync();

        // assert
        Assert.Equal("""{"result":null,"id":null}""", first.GetRawText());
        Assert.Equal("""{"result":null,"id":1}""", second.GetRawText());
        Assert.Equal("""{"result":null,"id":1}""", third.GetRawText());
    }

    [Fact]
    public async Task Should_set_and_get_the_combined_property()
    {
        // arrange
        await using var raw = await _host.ConnectAsync("/ws");
        await using var combined = await _host.ConnectAsync("/stream");

        // act
        await raw.SendAsync("""{"method":"GET_PROPERTY","params":["combined"],"id":2}""");
        var before = await raw.ReceiveAsync();
        await raw.SendAsync("""{"method":"SET_PROPERTY","params":["combined",true],"id":5}""");
        var set = await raw.ReceiveAsync();
        await raw.SendAsync("""{"method":"GET_PROPERTY","params":["combined"],"id":6}""");
        var after = await raw.ReceiveAsync();
        await combined.SendAsync("""{"method":"GET_PROPERTY","params":["combined"],"id":7}""");
        var onStream = await combined.ReceiveAsync();

        // assert
        Assert.Equal("""{"result":false,"id":2}""", before.GetRawText());
        Assert.Equal("""{"result":null,"id":5}""", set.GetRawText());
        Assert.Equal("""{"result":true,"id":6}""", after.GetRawText());
        Assert.Equal("""{"result":true,"id":7}""", onStream.GetRawText());
    }

    [Theory]
    [InlineData("""{"method":"SET_PROPERTY","params":["colour",true],"id":5}""", """{"code":0,"msg":"Unknown property","id":5}""")]
    [InlineData("""{"method":"GET_PROPERTY","params":["colour"],"id":5}""", """{"code":0,"msg":"Unknown property","id":5}""")]
    [InlineData("""{"method":"SET_PROPERTY","params":["combined","yes"],"id":5}""", """{"code":1,"msg":"Invalid value type: expected Boolean","id":5}""")]
    [InlineData("""{"method":"SET_PROPERTY","params":[1,true],"id":5}""", """{"code":2,"msg":"Invalid request: property name must be a string","id":5}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade"],"id":-1}""", """{"code":2,"msg":"Invalid request: request ID must be an unsigned integer","id":null}""")]
    [InlineData("""{"method":"SUBSCRIB","params":[],"id":4}""", """{"code":2,"msg":"Invalid request: unknown variant `SUBSCRIB`, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`","id":4}""")]
    [InlineData("""{"params":[],"id":4}""", """{"code":2,"msg":"Invalid request: missing field `method`","id":4}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":["dogeusdt@aggTrade"],"id":8}""", """{"code":2,"msg":"Invalid request: unknown stream name `dogeusdt@aggTrade`","id":8}""")]
    [InlineData("""{"method":"SET_PROPERTY","params":["combined",true,1],"id":9}""", """{"code":2,"msg":"Invalid request: SET_PROPERTY takes a property name and a value","id":9}""")]
    public async Task Should_answer_bad_requests_with_the_documented_error_codes(string request, string expected)
    {
        // arrange
        await using var ws = await _host.ConnectAsync("/ws");

        // act
        await ws.SendAsync(request);
        var reply = await ws.ReceiveAsync();

        // assert
        Assert.Equal(expected, reply.GetRawText());
    }

    [Fact]
    public async Task Should_answer_invalid_json_with_code_3()
    {
        // arrange
        await using var ws = await _host.ConnectAsync("/ws");

        // act
        await ws.SendAsync("{not json");
        var reply = await ws.ReceiveAsync();

        // assert
        Assert.Equal(3, reply.GetProperty("code").GetInt32());
        Assert.StartsWith("Invalid JSON: ", reply.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Should_limit_the_streams_of_one_connection()
    {
        // arrange: this server allows 3 streams per connection
        await using var ws = await _host.ConnectAsync("/ws");
        await ws.SendAsync("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade","btcusdt@ticker"],"id":1}""");
        await ws.ReceiveAsync();

        // act
        await ws.SendAsync("""{"method":"SUBSCRIBE","params":["ethusdt@aggTrade","ethusdt@ticker"],"id":2}""");
        var refused = await ws.ReceiveAsync();
        await ws.SendAsync("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade","ethusdt@aggTrade"],"id":3}""");
        var accepted = await ws.ReceiveAsync();

        // assert
        Assert.Equal("""{"code":2,"msg":"Invalid request: a connection may listen to at most 3 streams","id":2}""", refused.GetRawText());
        Assert.Equal("""{"result":null,"id":3}""", accepted.GetRawText());
    }

    [Fact]
    public async Task Should_disconnect_a_client_that_sends_too_many_messages()
    {
        // arrange: this server allows 5 messages per second
        await using var ws = await _host.ConnectAsync("/ws");

        // act
        for (var i = 0; i < 6; i++)
        {
            await ws.SendAsync($$"""{"method":"LIST_SUBSCRIPTIONS","id":{{i}}}""");
        }

        string? last = string.Empty;
        var replies = 0;
        while ((last = await ws.TryReceiveAsync(TimeSpan.FromSeconds(3))) is not null)
        {
            replies++;
        }

        // assert
        Assert.Equal(5, replies);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, ws.Socket.CloseStatus);
    }

    [Fact]
    public async Task Should_refuse_an_upgrade_to_an_unknown_stream_or_listen_key()
    {
        // act
        var unknownKey = await Record.ExceptionAsync(() => _host.ConnectAsync("/ws/notAListenKey"));
        var (status, body, _) = await _host.GetAsync("/ws/notAListenKey");
        var unknownStream = await Record.ExceptionAsync(() => _host.ConnectAsync("/stream?streams=dogeusdt@aggTrade"));

        // assert
        Assert.IsType<WebSocketException>(unknownKey);
        Assert.IsType<WebSocketException>(unknownStream);
        Assert.Equal(400, status);
        Assert.Equal(-1000, body.GetProperty("code").GetInt32());
    }
}
