using Rari.Backtest.Engine;
using Rari.Domain.Market;

namespace Rari.Backtest.Tests.Engine;

/// <summary>
/// <see cref="MarketReadings.IsSurelyCalm"/>, the double pre-test the engine asks before the circuit breaker's exact
/// decimal test: whenever it says calm, the exact test (as <c>RiskMonitor</c> applies it) must not trip.
/// </summary>
public sealed class MarketReadingsSpecs
{
    private const long MinuteMs = 60_000;

    public static TheoryData<int, double?, double?> Cases => new()
    {
        { 1, 0.05, 8.0 },
        { 2, 0.05, 8.0 },
        { 3, 0.002, 2.0 },
        { 4, null, 3.0 },
        { 5, 0.01, null },
        { 6, 0.0005, 0.5 },
        { 7, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_never_call_calm_a_bar_return_the_exact_circuit_breaker_test_trips_on(int seed, double? maxMove, double? maxSigma)
    {
        // arrange: a random walk with flat stretches (zero deviation), tiny ticks and jumps of up to 30 %
        var random = new Random(seed);
        var readings = new MarketReadings(MinuteMs);
        var move = maxMove is { } m ? (decimal?)m : null;
        var sigmaLimit = maxSigma is { } s ? (decimal?)s : null;
        var price = 2_000m;
        int calm = 0, trips = 0, ready = 0;

        for (var i = 0; i < 20_000; i++)
        {
            var previous = price;
            var roll = random.Next(100);
            var change = roll switch
            {
                < 20 => 0m,
                < 90 => (decimal)((random.NextDouble() - 0.5) * 0.004),
                < 98 => (decimal)((random.NextDouble() - 0.5) * 0.02),
                _ => (decimal)((random.NextDouble() - 0.5) * 0.6),
            };
            price = Math.Max(0.01m, decimal.Round(price * (1m + change), 2));
            var bar = new Kline(i * MinuteMs, previous, Math.Max(previous, price), Math.Min(previous, price), price, 10m);

            // act
            readings.Observe(bar);
            if (readings.Return is not { } barReturn)
            {
                continue;
            }

            var isCalm = readings.IsSurelyCalm(maxMove ?? double.PositiveInfinity, maxSigma ?? double.PositiveInfinity);
            var absolute = Math.Abs(barReturn);
            var exactTrip = (move is { } limit && absolute > limit)
                || (sigmaLimit is { } sigmas && readings.RecentStdDev is > 0m and { } deviation && absolute > sigmas * deviation);

            // assert
            Assert.False(isCalm && exactTrip, $"bar {i}: return {barReturn}, deviation {readings.RecentStdDev}: called calm, but the exact test trips");
            calm += isCalm ? 1 : 0;
            trips += exactTrip ? 1 : 0;
            ready += readings.RecentStdDev is not null ? 1 : 0;
        }

        // the pre-test answers nearly every bar that does not trip itself, and the run had bars that trip (unless both
        // limits are off)
        Assert.True(ready > 19_000);
        Assert.True(calm > 0.95 * (20_000 - trips), $"only {calm} of {20_000 - trips} bars that do not trip were called calm");
        Assert.True(move is null && sigmaLimit is null ? trips == 0 : trips > 0, $"{trips} bars tripped");
    }
}
