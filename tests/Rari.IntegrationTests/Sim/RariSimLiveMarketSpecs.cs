using System.Globalization;
using Rari.Aster.Rest;
using Rari.IntegrationTests.Support;

namespace Rari.IntegrationTests.Sim;

/// <summary>
/// <c>rari sim --market live</c> as a process, its <c>rari.live-market</c> upstream (from <c>--config</c>) a second
/// <c>rari sim</c> replaying the bundled sample: it serves the upstream's market, says it is paper trading on live
/// prices, and refuses the replay's options.
/// </summary>
public sealed class RariSimLiveMarketSpecs
{
    [Fact]
    public async Task Should_follow_the_configured_upstream_and_say_it_is_paper_trading_on_live_prices()
    {
        // arrange
        await using var upstream = await RariProcess.StartSimAsync("--port", RariProcess.FreePort().ToString(CultureInfo.InvariantCulture), "--history-bars", "300", "--manual");
        var rest = upstream.BaseAddress!.ToString().TrimEnd('/');
        var config = Path.Combine(Path.GetTempPath(), $"rari-sim-live-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, $$"""
            rari.live-market {
              rest-url = "{{rest}}"
              websocket-url = "{{rest.Replace("http://", "ws://", StringComparison.Ordinal)}}"
              history-bars = 120
            }
            """);

        try
        {
            // act
            await using var live = await RariProcess.StartSimAsync(
                "--port", RariProcess.FreePort().ToString(CultureInfo.InvariantCulture), "--market", "live", "--symbols", "ETHUSDT,SOLUSDT", "--config", config);
            using var client = AsterRestClient.Create(new AsterClientOptions { RestBaseUrl = live.BaseAddress! });
            using var upstreamClient = AsterRestClient.Create(new AsterClientOptions { RestBaseUrl = upstream.BaseAddress! });
            var klines = await client.GetKlinesAsync(new("ETHUSDT"), Domain.Market.KlineInterval.OneMinute, limit: 1000);
            var expected = await upstreamClient.GetKlinesAsync(new("ETHUSDT"), Domain.Market.KlineInterval.OneMinute, limit: 120);
            var symbols = (await client.GetExchangeInfoAsync()).Symbols.Select(s => s.Symbol).ToList();

            // assert
            Assert.Contains("ETHUSDT SOLUSDT: PAPER TRADING ON LIVE PRICES from " + rest, live.Output, StringComparison.Ordinal);
            Assert.Equal(["ETHUSDT", "SOLUSDT"], symbols);
            Assert.Equal(expected.Select(k => (k.OpenTime, k.Close)), klines.Select(k => (k.OpenTime, k.Close)));
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Theory]
    [InlineData("--data, --speed, --history-bars, --fast and --manual drive a replay; --market live follows the live market instead", "--market", "live", "--speed", "60")]
    [InlineData("--market 'sideways' is not replay or live.", "--market", "sideways")]
    [InlineData("--symbols and --config choose what --market live follows; add --market live", "--symbols", "BTCUSDT")]
    public async Task Should_refuse_options_that_do_not_go_with_the_market(string message, params string[] arguments)
    {
        // act
        var (exitCode, output) = await RariProcess.RunAsync(["sim", .. arguments]);

        // assert
        Assert.Equal(1, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("listening on", output, StringComparison.Ordinal);
    }
}
