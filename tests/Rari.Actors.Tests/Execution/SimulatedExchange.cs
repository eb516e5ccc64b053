using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Rari.Actors.Symbols;
using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Trading;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.TestKit;

namespace Rari.Actors.Tests.Execution;

/// <summary>
/// The real simulated exchange on a free loopback port (the bundled sample, a manual market clock, the demo account),
/// the real client built on its demo credentials, and the admin API the specs audit it with.
/// </summary>
internal sealed class SimulatedExchange : IAsyncDisposable
{
    public static readonly Symbol Btc = new("BTCUSDT");

    private SimulatedExchange(SimServer server)
    {
        Server = server;
        Admin = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Rest = AsterRestClient.Create(ClientOptions());
    }

    public SimServer Server { get; }

    public HttpClient Admin { get; }

    /// <summary>The client the gateway uses.</summary>
    public AsterRestClient Rest { get; }

    /// <summary>The symbols the gateway trades, with the simulator's own instruments.</summary>
    public SymbolCatalog Catalog => new(Server.Replay.Symbols.ToDictionary(s => s.Symbol, s => new SymbolSetup(s.Spec.Instrument, 10, 0.0002m, 0.0004m)));

    public static async Task<SimulatedExchange> StartAsync()
    {
        var data = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data"), "*-1m-*.csv.gz").Order(StringComparer.Ordinal).ToArray();
        var server = new SimServer(new SimOptions { DataFiles = data, ReplayMode = ReplayMode.Manual, Port = 0 }, context => new VenueTradingApi(context));
        await server.StartAsync();
        return new SimulatedExchange(server);
    }

    public AsterClientOptions ClientOptions() => AsterClientOptions.Mainnet with
    {
        RestBaseUrl = Server.BaseAddress,
        WebSocketBaseUrl = Server.StreamAddress,
        V1Credentials = Server.DemoCredentials!.V1,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        ClockSyncSamples = 1,
        UnknownStatusPollInterval = TimeSpan.FromMilliseconds(100),
        UnknownStatusTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A user stream of the demo account, tuned to reconnect quickly.</summary>
    public AsterUserStream UserStream() => UserStream(Server.StreamAddress);

    /// <summary>A user stream of the demo account that connects to <paramref name="address"/>.</summary>
    public AsterUserStream UserStream(Uri address) => new(Rest, new UserStreamOptions
    {
        WebSocketBaseUrl = address,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
        ReorderWindow = TimeSpan.FromMilliseconds(20),
    });

    /// <summary>A limit buy of BTCUSDT far under the market: it rests.</summary>
    public static OrderIntent RestingBuy(long sequence, decimal price = 90_000.0m) => OrderIntent.Create(
        TestOrders.Ids.Create(TestOrders.Grid, Btc, sequence), TestOrders.Grid, Btc, OrderSide.Buy, OrderType.Limit, 0.010m, price: price, timeInForce: TimeInForce.Gtc);

    /// <summary>A limit buy of BTCUSDT the market reaches in its fourth minute (94,660 in the sample).</summary>
    public static OrderIntent FillingBuy(long sequence) => RestingBuy(sequence, 94_660.0m);

    public Task StepAsync(int bars) => PostAsync($"_sim/clock/step?bars={bars}", null);

    public Task SetFaultsAsync(string json) => PostAsync("_sim/faults", json);

    public Task DropStreamsAsync() => PostAsync("_sim/streams/drop", null);

    public Task StallStreamsAsync() => PostAsync("_sim/streams/stall", null);

    public Task ResumeStreamsAsync() => PostAsync("_sim/streams/resume", null);

    /// <summary>Every order the venue ever created with this client order id (the audit of duplicates).</summary>
    public async Task<IReadOnlyList<JsonElement>> OrdersAsync(ClientOrderId id)
    {
        var orders = await Admin.GetFromJsonAsync<JsonElement>("_sim/orders");
        return [.. orders.EnumerateArray().Where(o => o.GetProperty("clientOrderId").GetString() == id.Value)];
    }

    /// <summary>The status of the one order with this client order id, or null when there is none.</summary>
    public async Task<string?> StatusAsync(ClientOrderId id) => (await OrdersAsync(id)).SingleOrDefault() is { ValueKind: JsonValueKind.Object } order
        ? order.GetProperty("status").GetString()
        : null;

    /// <summary>The REST requests logged for a path, e.g. POST <c>/fapi/v1/order</c>.</summary>
    public IReadOnlyList<Rari.Aster.Sim.Admin.RequestLogEntry> Requests(string method, string path) =>
        [.. Server.Requests.Snapshot(path).Where(r => r.Method == method && r.Path == path)];

    /// <summary>Places an order directly at the venue, as another process would.</summary>
    public Task<OrderPlacement> PlaceDirectlyAsync(OrderIntent intent) =>
        Rest.PlaceOrderAsync(intent.ToNewOrderRequest(Server.Replay.Find(intent.Symbol)!.Spec.Instrument));

    public async ValueTask DisposeAsync()
    {
        Rest.Dispose();
        Admin.Dispose();
        await Server.DisposeAsync();
    }

    private async Task PostAsync(string path, string? json)
    {
        using var content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Admin.PostAsync(path, content);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
