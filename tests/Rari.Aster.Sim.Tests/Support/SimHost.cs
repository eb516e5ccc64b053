using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Trading;
using Rari.TestKit;

namespace Rari.Aster.Sim.Tests.Support;

/// <summary>A started simulator on a free loopback port with an HTTP client pointed at it.</summary>
internal sealed class SimHost : IAsyncDisposable
{
    private SimHost(SimServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    public SimServer Server { get; }

    public HttpClient Http { get; }

    /// <summary>The bundled 5-day sample (BTC, ETH, SOL, SUI; 2025-05-06 → 2025-05-10).</summary>
    public static IReadOnlyList<string> SampleData { get; } =
        Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data"), "*-1m-*.csv.gz").Order(StringComparer.Ordinal).ToArray();

    public static string SampleFile(string symbol) => SampleData.Single(f => Path.GetFileName(f).StartsWith(symbol + "-", StringComparison.Ordinal));

    /// <summary>Starts a manual-clock simulator over the sample data, changed by <paramref name="configure"/>.</summary>
    public static async Task<SimHost> StartAsync(Func<SimOptions, SimOptions>? configure = null, Func<SimContext, ISimTradingApi>? trading = null)
    {
        var options = new SimOptions { DataFiles = SampleData, ReplayMode = ReplayMode.Manual };
        options = configure?.Invoke(options) ?? options;
        var server = new SimServer(options, trading);
        await server.StartAsync();
        return new SimHost(server);
    }

    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(
        HttpMethod method, string pathAndQuery, string? body = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-MBX-APIKEY", apiKey);
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, json, response);
    }

    public Task<(int Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(string pathAndQuery, string? apiKey = null) =>
        SendAsync(HttpMethod.Get, pathAndQuery, null, apiKey);

    public async Task<JsonElement> AdminAsync(HttpMethod method, string pathAndQuery, string? json = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery.TrimStart('/'));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {pathAndQuery} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> StepAsync(int bars) => AdminAsync(HttpMethod.Post, $"/_sim/clock/step?bars={bars}");

    public async Task<WebSocketProbe> ConnectAsync(string pathAndQuery)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(Server.StreamAddress, pathAndQuery.TrimStart('/')), CancellationToken.None);
        return new WebSocketProbe(socket);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
