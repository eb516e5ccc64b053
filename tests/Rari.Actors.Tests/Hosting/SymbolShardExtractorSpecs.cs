using Rari.Actors.Hosting;
using Rari.Actors.MarketData;
using Rari.Actors.Symbols;
using Rari.Domain.Identifiers;

namespace Rari.Actors.Tests.Hosting;

/// <summary>How the shard region finds a symbol's host: one shard per symbol.</summary>
public sealed class SymbolShardExtractorSpecs
{
    [Fact]
    public void Should_give_every_symbol_a_shard_of_its_own_named_after_it()
    {
        // arrange
        var extractor = new SymbolShardExtractor();
        var start = new StartSymbol(new Symbol("ETHUSDT"));

        // act
        var entity = extractor.EntityId(start);
        var shard = extractor.ShardId(start);

        // assert: ETHUSDT and SOLUSDT share a hashed shard among 30; here they never do
        Assert.Equal("ETHUSDT", entity);
        Assert.Equal("ETHUSDT", shard); // <--
        Assert.Equal("SOLUSDT", extractor.ShardId("SOLUSDT", null));
        Assert.Same(start, extractor.EntityMessage(start));
    }

    [Fact]
    public void Should_route_nothing_that_names_no_symbol()
    {
        // arrange
        var extractor = new SymbolShardExtractor();

        // act
        var entity = extractor.EntityId(new SubscribeSymbols([new Symbol("ETHUSDT")]));

        // assert
        Assert.Null(entity);
        Assert.Null(extractor.ShardId((object)"not routed"));
    }
}
