using Rari.Actors.MarketData;
using Rari.Aster.Models;
using Rari.Domain.Market;
using static Rari.Actors.Tests.MarketData.SimVenue;

namespace Rari.Actors.Tests.MarketData;

/// <summary>AsterKlineHistory against the simulator's REST klines.</summary>
public sealed class AsterKlineHistorySpecs
{
    private const long Minute = 60_000;

    [Fact]
    public async Task Should_return_the_last_closed_bars_oldest_first()
    {
        // arrange
        await using var sim = await StartAsync();
        await sim.StepAsync(10);
        var rest = sim.RestClient();
        var history = new AsterKlineHistory(rest);

        // act
        var bars = await history.GetClosedKlinesAsync(Btc, 4);
        var all = await history.GetClosedKlinesAsync(Btc, 50);

        // assert
        var venue = (await rest.GetKlinesAsync(Btc, KlineInterval.OneMinute, limit: 4)).Select(k => k.ToKline());
        Assert.Equal(venue, bars);
        Assert.Equal([FirstOpenMs + (6 * Minute), FirstOpenMs + (7 * Minute), FirstOpenMs + (8 * Minute), FirstOpenMs + (9 * Minute)], bars.Select(b => b.OpenTimeMs));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => FirstOpenMs + (i * Minute)), all.Select(b => b.OpenTimeMs));
    }

    [Fact]
    public async Task Should_page_backwards_when_more_than_one_request_is_asked_for()
    {
        // arrange
        await using var sim = await StartAsync();
        await sim.StepAsync(1_700);
        var history = new AsterKlineHistory(sim.RestClient());

        // act
        var bars = await history.GetClosedKlinesAsync(Eth, 1_650);

        // assert: the last 1,650 of 1,700 replayed bars, each once, oldest first
        Assert.Equal(Enumerable.Range(50, 1_650).Select(i => FirstOpenMs + (i * Minute)), bars.Select(b => b.OpenTimeMs));
        var requests = sim.Server.Requests.Snapshot().Count(r => r.Path.Contains("/klines", StringComparison.Ordinal));
        Assert.Equal(2, requests);
    }

    [Fact]
    public async Task Should_leave_out_the_bar_that_has_not_closed_by_the_server_time()
    {
        // arrange: the venue's clock stands in the middle of the third replayed minute, so that bar is still open
        var serverNow = DateTimeOffset.FromUnixTimeMilliseconds(FirstOpenMs + (2 * Minute) + 30_000);
        await using var sim = await StartAsync(o => o with { TimeProvider = new FixedTime(serverNow) });
        await sim.StepAsync(3);
        var history = new AsterKlineHistory(sim.RestClient());

        // act
        var bars = await history.GetClosedKlinesAsync(Sol, 2);

        // assert
        Assert.Equal([FirstOpenMs, FirstOpenMs + Minute], bars.Select(b => b.OpenTimeMs)); // <-- not FirstOpenMs + 2 min
    }

    [Fact]
    public async Task Should_return_nothing_for_a_count_of_zero_without_asking_the_venue()
    {
        // arrange
        await using var sim = await StartAsync();
        var history = new AsterKlineHistory(sim.RestClient());

        // act
        var bars = await history.GetClosedKlinesAsync(Btc, 0);

        // assert
        Assert.Empty(bars);
        Assert.DoesNotContain(sim.Server.Requests.Snapshot(), r => r.Path.Contains("/klines", StringComparison.Ordinal));
    }
}
