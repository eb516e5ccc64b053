using Rari.Actors.MarketData;
using Rari.Actors.Symbols;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using static Rari.Actors.Tests.Strategies.StrategyFixtures;

namespace Rari.Actors.Tests.Symbols;

/// <summary>How the shard region finds a symbol's supervisor.</summary>
public sealed class SymbolMessageExtractorSpecs
{
    [Fact]
    public void Should_route_every_symbol_message_to_the_entity_named_by_its_symbol()
    {
        // arrange
        var extractor = new SymbolMessageExtractor(10);
        var canceled = new OrderCanceled(Eth, new ClientOrderIdFactory().Create(new StrategyId("grid"), Eth, 1), 1);

        // act
        var ids = new object[] { Closed(0), new StartSymbol(Eth), canceled, new ResumeSymbol(Eth, "ops") }.Select(extractor.EntityId);

        // assert
        Assert.All(ids, id => Assert.Equal("ETHUSDT", id));
        Assert.Same(canceled, extractor.EntityMessage(canceled));
    }

    [Fact]
    public void Should_give_a_symbol_the_same_shard_on_every_node_and_drop_what_has_no_symbol()
    {
        // arrange
        var one = new SymbolMessageExtractor(30);
        var other = new SymbolMessageExtractor(30);

        // act
        var shard = one.ShardId("BTCUSDT", null);

        // assert: MurmurHash, not the per-process string hash
        Assert.Equal(shard, other.ShardId("BTCUSDT", null));
        Assert.InRange(int.Parse(shard, System.Globalization.CultureInfo.InvariantCulture), 0, 29);
        Assert.Null(one.EntityId("not routed"));
        Assert.Null(one.EntityId(new SubscribeSymbols([Eth])));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SymbolMessageExtractor(0));
    }
}
