using System.Reflection;
using Akka.Persistence.Journal;
using Rari.Actors.Persistence;
using Rari.Actors.Tests.Support;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;

namespace Rari.Actors.Tests.Persistence;

/// <summary>The tags the read models query by: the family, and the symbol when the event has one.</summary>
public sealed class RariEventTaggerSpecs
{
    private static readonly RariEventTagger Tagger = new();

    [Fact]
    public void Should_tag_order_and_strategy_events_with_their_family_and_symbol()
    {
        // arrange
        var order = RecordedStrategyRuns.Grid.OrderEvents[0];
        var strategy = RecordedStrategyRuns.Hybrid.Events[^1];

        // act
        var orderTagged = Assert.IsType<Tagged>(Tagger.ToJournal(order));
        var strategyTagged = Assert.IsType<Tagged>(Tagger.ToJournal(strategy));

        // assert
        Assert.Same(order, orderTagged.Payload); // the payload is journaled as itself
        Assert.Equal(["order", "symbol:ETHUSDT"], orderTagged.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(["strategy", "symbol:ETHUSDT"], strategyTagged.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(string.Empty, Tagger.Manifest(order));
    }

    [Fact]
    public void Should_tag_risk_events_with_a_symbol_only_when_they_are_about_one()
    {
        // arrange
        var symbolHalt = new TradingHalted(1, new Symbol("BTCUSDT"), HaltCause.Manual, TradingState.Halted, "news");
        var globalHalt = symbolHalt with { Symbol = null };
        var breaker = new CircuitBreakerTripped(1, new Symbol("SOLUSDT"), "moved 6%", 900_001);

        // act and assert
        Assert.Equal(["risk", "symbol:BTCUSDT"], RariEventTagger.TagsOf(symbolHalt).Order(StringComparer.Ordinal));
        Assert.Equal(["risk"], RariEventTagger.TagsOf(globalHalt));
        Assert.Equal(["risk", "symbol:SOLUSDT"], RariEventTagger.TagsOf(breaker).Order(StringComparer.Ordinal));
        Assert.Equal(["risk"], RariEventTagger.TagsOf(new DayStarted(1, 0, 10_000m)));
    }

    [Fact]
    public void Should_give_the_symbol_tag_to_every_risk_event_that_names_a_symbol()
    {
        // arrange: every recorded risk event whose type has a Symbol member holding a value
        var withSymbol = RecordedRiskRun.Run.Events
            .Select(e => (Event: e, Symbol: e.GetType().GetProperty("Symbol", BindingFlags.Public | BindingFlags.Instance)?.GetValue(e) as Symbol?))
            .Where(e => e.Symbol is not null)
            .ToList();
        var types = typeof(IRiskEvent).Assembly.GetTypes()
            .Where(t => typeof(IRiskEvent).IsAssignableFrom(t) && !t.IsAbstract && t.GetProperty("Symbol") is not null)
            .ToList();

        // act
        var untagged = withSymbol.Where(e => !RariEventTagger.TagsOf(e.Event).Contains(RariEventTagger.SymbolTag(e.Symbol!.Value)));

        // assert
        Assert.True(withSymbol.Count > 100);
        Assert.Empty(untagged.Select(e => e.Event.GetType().Name));
        Assert.Equal(types.Select(t => t.Name).Order(), withSymbol.Select(e => e.Event.GetType().Name).Distinct().Order()); // every such type was checked
    }

    [Fact]
    public void Should_leave_other_messages_untagged_or_tag_only_their_symbol()
    {
        // arrange
        var other = "not an event";
        var protocol = ProtocolMessageSamples.All[0]; // KlineClosed, IWithSymbol

        // act and assert
        Assert.Same(other, Tagger.ToJournal(other));
        Assert.Equal(["symbol:ETHUSDT"], RariEventTagger.TagsOf(protocol));
    }
}
