using System.Globalization;
using System.Text.Json;
using Rari.IntegrationTests.Support;
using Rari.TestKit;

namespace Rari.IntegrationTests.Trading;

/// <summary>
/// Paper trading on live prices end to end: <c>rari run grid --test --market live</c> as a real process, its
/// <c>rari.live-market</c> upstream pointed at a <c>rari sim</c> process replaying recorded ETHUSDT data (this machine
/// has no internet; the simulator speaks Aster's protocol), must take the upstream's market and place and fill paper
/// orders on it.
/// </summary>
public sealed class LiveMarketRunSpecs : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rari-live-" + Guid.NewGuid().ToString("N")[..8]);

    public LiveMarketRunSpecs() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the system.
        }
    }

    [Fact]
    public async Task Should_place_and_fill_paper_orders_on_the_upstreams_live_prices()
    {
        // arrange: the upstream replays two days of history at once (the trader warms up on 1,800 bars), then ten
        // minutes a second
        var data = SharedData.File("klines/binance-usdm/ETHUSDT-1m-20250504-20250624.csv.gz");
        await using var upstream = await RariProcess.StartSimAsync(
            "--port", RariProcess.FreePort().ToString(CultureInfo.InvariantCulture), "--data", data, "--history-bars", "2000", "--speed", "600");
        var rest = upstream.BaseAddress!.ToString().TrimEnd('/');
        var ws = new UriBuilder(upstream.BaseAddress) { Scheme = "ws" }.Uri.ToString().TrimEnd('/');
        string[] arguments =
        [
            "run", "grid", "--test", "--market", "live", "--symbols", "ETHUSDT", "--duration", "60s", "--state", "state", "--logs", "logs", "--no-dashboard",
            "--set", "live-market.rest-url=" + rest, "--set", "live-market.websocket-url=" + ws, "--set", "grid.spacing=0.004",
        ];

        // act
        await using var trader = RariProcess.Start(arguments, new Dictionary<string, string> { ["LOG_LEVEL"] = "info" }, _folder);
        var exit = await trader.WaitForExitAsync(TimeSpan.FromSeconds(240));

        // assert
        var output = trader.Output;
        Assert.True(exit == 0, $"rari run exited with {exit}:\n{output}");
        Assert.Contains("PAPER TRADING ON LIVE PRICES from " + rest, output, StringComparison.Ordinal);
        Assert.Contains("Submission ", output, StringComparison.Ordinal);
        Assert.Contains("Fill ", output, StringComparison.Ordinal); // <-- paper orders placed and filled
        Assert.DoesNotContain("[ERR]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[FTL]", output, StringComparison.Ordinal);
        var kinds = await AuditKindsAsync(Path.Combine(_folder, "logs"));
        Assert.Contains("Submission", kinds);
        Assert.Contains("Fill", kinds);
    }

    private static async Task<IReadOnlyList<string>> AuditKindsAsync(string folder)
    {
        var kinds = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "audit-*.jsonl"))
        {
            foreach (var line in await File.ReadAllLinesAsync(file))
            {
                using var json = JsonDocument.Parse(line);
                kinds.Add(json.RootElement.GetProperty("Kind").GetString()!);
            }
        }

        return kinds;
    }
}
