using Akka.Actor;
using Rari.Actors.Risk;
using Rari.Actors.Strategies;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Sizing;
using Xunit.Abstractions;
using static Rari.Actors.Tests.Strategies.StrategyFixtures;

namespace Rari.Actors.Tests.Strategies;

/// <summary>The three strategy actors over real bars: their journals, and the state they recover.</summary>
public sealed class StrategyActorKindsSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(PersistenceConfig, output)
{
    private const int Start = 1_800;

    public static TheoryData<StrategyKind, string, string> Kinds => new()
    {
        { StrategyKind.Grid, "grid-ETHUSDT", "grid" },
        { StrategyKind.Volatility, "volatility-ETHUSDT", "vol" },
        { StrategyKind.Hybrid, "hybrid-ETHUSDT", "hybrid" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Should_journal_under_its_kind_and_recover_the_same_state_after_200_live_bars(StrategyKind kind, string persistenceId, string strategyId)
    {
        // arrange: warmed up on 1800 bars (enough for the hybrid's regime detector), then 200 live bars
        var rig = new StrategyRig(this, settings: FastSettings with { WarmUpBars = Start }, kind: kind);
        rig.History.Until = Start;
        var actor = rig.Start();
        actor.Tell(Account());
        await rig.TradingAsync(actor);
        for (var i = Start; i < Start + 200; i++)
        {
            rig.History.Until = i + 1;
            actor.Tell(Closed(i));
        }

        var before = await rig.TradingAsync(actor);
        await rig.SubmittedSoFarAsync(actor);

        // act
        rig.Stop(actor);
        var restarted = rig.Start();
        restarted.Tell(Account());
        if (before.OpenOrders.Count > 0)
        {
            rig.AnswerSync(restarted);
        }

        var after = await rig.TradingAsync(restarted);

        // assert
        Assert.Equal(persistenceId, after.PersistenceId);
        Assert.Equal(strategyId, after.StrategyId.Value);
        Assert.Equal(200, before.KlinesHandled);
        Assert.True(before.LastSequenceNr > 0, "the strategy journaled nothing in 200 bars");
        Output?.WriteLine($"{persistenceId}: {before.LastSequenceNr} events, {before.OpenOrders.Count} open order(s); {before.Detail}");
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.LastSequenceNr, after.LastSequenceNr);
        if (kind == StrategyKind.Hybrid)
        {
            Assert.NotEqual(MarketRegime.Undetermined, ((HybridSnapshot)after.State).Core.Regime); // the warm-up fed the detector
        }
    }
}
