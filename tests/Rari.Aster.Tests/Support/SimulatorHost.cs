using System.Net.Http.Json;
using System.Text.Json;
using Rari.Aster.Rest;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Trading;
using Rari.Aster.Streams;
using Rari.TestKit;

namespace Rari.Aster.Tests.Support;

/// <summary>
/// The simulated exchange on a free loopback port, with a manual market clock, the accounts of
/// <see cref="SimulatorAccounts"/>, and helpers to step the clock and inject stream faults.
/// </summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    private SimulatorHost(SimServer server)
    {
        Server = server;
        Admin = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    public SimServer Server { get; }

    public HttpClient Admin { get; }

    /// <summary>The bundled 5-day sample (BTC, ETH, SOL, SUI; 2025-05-06 → 2025-05-10).</summary>
    public static IReadOnlyList<string> SampleData { get; } =
        Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data"), "*-1m-*.csv.gz").Order(StringComparer.Ordinal).ToArray();

    public Uri StreamAddress => Server.StreamAddress;

    /// <summary>Starts the simulator with the Venue wired in, or with <paramref name="trading"/>.</summary>
    public static async Task<SimulatorHost> StartAsync(Func<SimOptions, SimOptions>? configure = null, Func<SimContext, ISimTradingApi>? trading = null)
    {
        var options = new SimOptions { DataFiles = SampleData, ReplayMode = ReplayMode.Manual, AccountsFile = SimulatorAccounts.File };
        options = configure?.Invoke(options) ?? options;
        var server = new SimServer(options, trading ?? (context => new VenueTradingApi(context)));
        await server.StartAsync();
        return new SimulatorHost(server);
    }

    /// <summary>Options for our REST client as the V1 <c>test</c> account.</summary>
    public AsterClientOptions ClientOptions(string? apiKey = null, string? secret = null) => AsterClientOptions.Mainnet with
    {
        RestBaseUrl = Server.BaseAddress,
        WebSocketBaseUrl = Server.StreamAddress,
        V1Credentials = new Rari.Aster.Signing.V1Credentials(apiKey ?? SimulatorAccounts.ApiKey, secret ?? SimulatorAccounts.Secret),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
    };

    public AsterRestClient RestClient(TimeProvider? time = null) => AsterRestClient.Create(ClientOptions(), time: time);

    /// <summary>Market-stream options against this simulator, tuned for fast tests.</summary>
    public MarketStreamOptions MarketOptions() => new()
    {
        WebSocketBaseUrl = Server.StreamAddress,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
        RequestTimeout = TimeSpan.FromSeconds(5),
        SilenceTimeout = null,
    };

    public UserStreamOptions UserOptions() => new()
    {
        WebSocketBaseUrl = Server.StreamAddress,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
        ReorderWindow = TimeSpan.FromMilliseconds(20),
    };

    public Task StepAsync(int bars = 1) => PostAsync($"_sim/clock/step?bars={bars}");

    public Task DropStreamsAsync() => PostAsync("_sim/streams/drop");

    public Task StallStreamsAsync() => PostAsync("_sim/streams/stall");

    public Task ResumeStreamsAsync() => PostAsync("_sim/streams/resume");

    /// <summary>The logged REST requests whose path contains <paramref name="path"/>, as (method, path).</summary>
    public async Task<IReadOnlyList<(string Method, string Path)>> RequestsAsync(string path)
    {
        var entries = await Admin.GetFromJsonAsync<JsonElement>($"_sim/requests?path={Uri.EscapeDataString(path)}");
        return [.. entries.EnumerateArray().Select(e => (e.GetProperty("method").GetString()!, e.GetProperty("path").GetString()!))];
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
    }

    private async Task PostAsync(string path)
    {
        using var response = await Admin.PostAsync(path, null);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>The simulator accounts the stream and check specs use: the throwaway V1 identity of the signing vectors.</summary>
internal static class SimulatorAccounts
{
    public const string Name = "test";
    public const string ApiKey = TestAccounts.V1ApiKey;
    public const string Secret = TestAccounts.V1Secret;
    public const decimal Balance = 5000m;
    public const string PoorApiKey = "poor-apikey-not-real";
    public const string PoorSecret = "poor-secret-0123456789abcdef0123456789abcdef0123456789abcdef01";

    private const string Json = $$$"""
        {"accounts":[
          {"name":"{{{Name}}}","balance":"5000","v1":{"apiKey":"{{{ApiKey}}}","apiSecret":"{{{Secret}}}"}},
          {"name":"poor","balance":"0","v1":{"apiKey":"{{{PoorApiKey}}}","apiSecret":"{{{PoorSecret}}}"}},
          {"name":"wallet","balance":"5000","v3":{"user":"{{{TestAccounts.PatternAddress}}}"}}
        ]}
        """;

    private static readonly Lazy<string> FilePath = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"rari-aster-tests-accounts-{Environment.ProcessId}.json");
        System.IO.File.WriteAllText(path, Json);
        return path;
    });

    public static string File => FilePath.Value;
}
