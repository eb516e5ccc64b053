using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies;

/// <summary>
/// The strategy factory: the strategies it makes place their orders under the configured client-order-id prefix, the
/// one the gateway and the symbol supervisor recognise as ours.
/// </summary>
public sealed class StrategySetSpecs
{
    private const long BarMs = 60_000;

    [Fact]
    public void Should_make_every_client_order_id_with_the_configured_prefix()
    {
        // arrange: a grid places its ladder as soon as it has warmed up
        var set = StrategySet.Default with { ClientOrderIdPrefix = "bot1" };
        var instrument = TestInstruments.BtcUsdt;
        var strategy = set.Create(StrategyKind.Grid, instrument.Symbol);
        var bars = TestKlines.RandomWalk(7, TestKlines.Jan2024Ms, 600, 30_000m, 0.1m);
        strategy.WarmUp(bars.Take(400));

        // act
        var placed = new List<OrderIntent>();
        foreach (var bar in bars.Skip(400))
        {
            var decision = strategy.OnKline(bar, TestStrategyContexts.For(instrument, bar.OpenTimeMs + BarMs));
            foreach (var strategyEvent in decision.Events)
            {
                strategy.Apply(strategyEvent);
            }

            placed.AddRange(decision.Commands.OfType<PlaceOrder>().Select(p => p.Intent));
        }

        // assert
        Assert.NotEmpty(placed);
        Assert.All(placed, intent => Assert.StartsWith("bot1-", intent.ClientOrderId.Value, StringComparison.Ordinal));
        Assert.All(placed, intent => Assert.True(new ClientOrderIdFactory("bot1").IsOurs(intent.ClientOrderId), intent.ClientOrderId.Value));
        Assert.DoesNotContain(placed, intent => new ClientOrderIdFactory().IsOurs(intent.ClientOrderId));
    }

    [Fact]
    public void Should_make_ids_with_the_default_prefix_unless_told_otherwise() =>
        Assert.Equal(ClientOrderIdFactory.DefaultPrefix, StrategySet.Default.ClientOrderIdPrefix);
}
