using System.Text.Json;
using Rari.Aster.Rest;
using Rari.Aster.Signing;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Tests.Support;
using Rari.Aster.Sim.Trading;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Tests.Trading;

/// <summary>
/// A manual-clock simulator over the bundled sample with the Venue wired in, and our REST client for a V1 account
/// and a V3 account, each holding <see cref="Balance"/> USDT.
/// </summary>
internal sealed class TradingHost : IAsyncDisposable
{
    public const decimal Balance = 100_000m;

    /// <summary>The V3 account signs for itself with the signing vectors' throwaway ccxt key.</summary>
    private const string AccountsJson = $$$"""
        {"accounts":[
          {"name":"v1","balance":"100000","v1":{"apiKey":"{{{TestAccounts.TestApiKey}}}","apiSecret":"{{{TestAccounts.TestSecret}}}"}},
          {"name":"v3","balance":"100000","v3":{"user":"{{{TestAccounts.CcxtUser}}}"}}
        ]}
        """;

    private static readonly Lazy<string> AccountsFile = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"rari-sim-trading-accounts-{Environment.ProcessId}.json");
        File.WriteAllText(path, AccountsJson);
        return path;
    });

    private readonly Dictionary<AsterApiVersion, AsterRestClient> _clients = [];

    private TradingHost(SimHost sim) => Sim = sim;

    public SimHost Sim { get; }

    public static Symbol Btc { get; } = new("BTCUSDT");

    public static Symbol Sui { get; } = new("SUIUSDT");

    public static async Task<TradingHost> StartAsync(Func<SimOptions, SimOptions>? configure = null)
    {
        var sim = await SimHost.StartAsync(o => (configure ?? (x => x))(o with { AccountsFile = AccountsFile.Value }), ctx => new VenueTradingApi(ctx));
        return new TradingHost(sim);
    }

    /// <summary>The account name behind a client version.</summary>
    public static string AccountName(AsterApiVersion version) => version == AsterApiVersion.V1 ? "v1" : "v3";

    /// <summary>Our REST client for the V1 or the V3 account (created once), optionally over a custom handler.</summary>
    public AsterRestClient Client(AsterApiVersion version, HttpMessageHandler? handler = null)
    {
        if (handler is null && _clients.TryGetValue(version, out var existing))
        {
            return existing;
        }

        var options = new AsterClientOptions
        {
            RestBaseUrl = Sim.Server.BaseAddress,
            WebSocketBaseUrl = Sim.Server.StreamAddress,
            V1Credentials = version == AsterApiVersion.V1 ? new V1Credentials(TestAccounts.TestApiKey, TestAccounts.TestSecret) : null,
            V3Credentials = version == AsterApiVersion.V3 ? new V3Credentials(EthAddress.Parse(TestAccounts.CcxtUser), EthPrivateKey.Parse(TestAccounts.CcxtKey)) : null,
            UnknownStatusPollInterval = TimeSpan.FromMilliseconds(50),
            UnknownStatusTimeout = TimeSpan.FromSeconds(15),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        };
        var client = AsterRestClient.Create(options, handler: handler);
        if (handler is null)
        {
            _clients[version] = client;
        }

        return client;
    }

    /// <summary>
    /// Sends a signed request through the client's transport to any trading path: <paramref name="name"/> under
    /// <c>/fapi/v1/</c> or <c>/fapi/v3/</c> (or a full path starting with <c>/</c>), parameters as <c>a=b&amp;c=d</c>
    /// (values are encoded once, as the client always does). A refusal comes back as its <c>{code,msg}</c> body.
    /// </summary>
    public async Task<JsonElement> RawAsync(AsterApiVersion version, HttpMethod method, string name, string parameters = "")
    {
        var path = name.StartsWith('/') ? name : (version == AsterApiVersion.V1 ? "/fapi/v1/" : "/fapi/v3/") + name;
        var endpoint = new AsterEndpoint(method, path, path, EndpointSecurity.Signed, 1, IsSafeToRetry: false);
        var builder = new ParameterStringBuilder();
        foreach (var pair in parameters.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            builder.Add(pair[..equals], pair[(equals + 1)..]);
        }

        try
        {
            var response = await Client(version).Transport.SendAsync(new AsterRequest(endpoint, builder), CancellationToken.None);
            return JsonDocument.Parse(response.Body).RootElement.Clone();
        }
        catch (Errors.AsterApiException refused) when (refused.Code is { } code)
        {
            return JsonDocument.Parse(JsonSerializer.Serialize(new { code, msg = refused.VenueMessage })).RootElement.Clone();
        }
    }

    /// <summary>The served symbol's rules and bars.</summary>
    public MarketSymbol Market(Symbol symbol) => Sim.Server.Replay.Find(symbol)!;

    /// <summary>The recorded bar <paramref name="index"/> of a symbol (0 = the first minute).</summary>
    public Kline Bar(Symbol symbol, int index) => Market(symbol).Series.Bars[index];

    public Task<JsonElement> StepAsync(int bars = 1) => Sim.StepAsync(bars);

    /// <summary>Every order of <c>GET /_sim/orders</c>, optionally of one account.</summary>
    public async Task<JsonElement> OrdersAsync(string? account = null) =>
        await Sim.AdminAsync(HttpMethod.Get, account is null ? "/_sim/orders" : $"/_sim/orders?account={account}");

    /// <summary>Connects to the account's user stream.</summary>
    public async Task<WebSocketProbe> UserStreamAsync(AsterApiVersion version)
    {
        var key = await Client(version).CreateListenKeyAsync();
        return await Sim.ConnectAsync("/ws/" + key);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Sim.DisposeAsync();
    }
}
