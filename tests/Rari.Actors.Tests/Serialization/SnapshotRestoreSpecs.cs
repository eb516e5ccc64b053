using Rari.Actors.Tests.Support;
using Rari.Domain.Market;
using Rari.Domain.Strategies;
using Rari.TestKit;

namespace Rari.Actors.Tests.Serialization;

/// <summary>
/// A strategy restored from a snapshot that went through the serializer, and warmed up on the bars before it, decides
/// exactly what the original decided on the following inputs: the snapshot carries the whole decision state.
/// </summary>
public sealed class SnapshotRestoreSpecs
{
    private const int FollowingBars = 3_000;

    public static TheoryData<string> Runs => [.. RecordedStrategyRuns.All.Select(run => run.Name)];

    [Theory]
    [MemberData(nameof(Runs))]
    public void Should_decide_like_the_original_after_a_restore_from_a_read_back_snapshot(string name)
    {
        // arrange: the snapshot followed by the busiest stretch, written and read back as the snapshot store would
        var run = RecordedStrategyRuns.All.Single(r => r.Name == name);
        var snapshot = run.Snapshots.SkipLast(1).MaxBy(s => DecisionsAfter(run, s))!;
        var restored = run.NewStrategy();
        restored.Restore((IStrategyState)SerializationAssert.RoundTrip(snapshot.State));
        restored.WarmUp(run.Bars.Take(RecordedStrategyRuns.WarmUpBars + snapshot.Bars)); // market state is never journaled

        // act and assert: the original's next inputs, with its contexts
        var inputs = run.Simulator.Driver.Inputs;
        var decisions = 0;
        var bars = 0;
        for (var i = snapshot.Inputs; i < inputs.Count && bars < FollowingBars; i++)
        {
            var (input, context, original) = inputs[i];
            bars += input is Kline ? 1 : 0;
            var decision = StrategyDriver.Replay(restored, input, context);
            Assert.Equal(original.Events, decision.Events); // <--
            Assert.Equal(original.Commands, decision.Commands);
            decisions += decision.IsEmpty ? 0 : 1;
        }

        Assert.Equal(FollowingBars, bars);
        if (run.Events.Count > 10)
        {
            Assert.True(decisions > 0, $"{run}: nothing was decided after the snapshot, so nothing was compared");
        }
    }

    [Fact]
    public void Should_notice_a_restore_that_lost_decision_state()
    {
        // arrange: proves the comparison above can fail — the grid restored from the snapshot before the right one
        var run = RecordedStrategyRuns.Grid;
        var (stale, snapshot) = (run.Snapshots[1], run.Snapshots[2]);
        var restored = run.NewStrategy();
        restored.Restore((IStrategyState)SerializationAssert.RoundTrip(stale.State));
        restored.WarmUp(run.Bars.Take(RecordedStrategyRuns.WarmUpBars + snapshot.Bars));

        // act
        var inputs = run.Simulator.Driver.Inputs;
        var differs = false;
        for (var i = snapshot.Inputs; i < inputs.Count && !differs; i++)
        {
            var decision = StrategyDriver.Replay(restored, inputs[i].Input, inputs[i].Context);
            differs = !decision.Events.SequenceEqual(inputs[i].Decision.Events) || !decision.Commands.SequenceEqual(inputs[i].Decision.Commands);
        }

        // assert
        Assert.True(differs);
    }

    private static int DecisionsAfter(StrategyRun run, RunSnapshot snapshot)
    {
        var inputs = run.Simulator.Driver.Inputs;
        var decisions = 0;
        var bars = 0;
        for (var i = snapshot.Inputs; i < inputs.Count && bars < FollowingBars; i++)
        {
            bars += inputs[i].Input is Kline ? 1 : 0;
            decisions += inputs[i].Decision.IsEmpty ? 0 : 1;
        }

        return bars < FollowingBars ? -1 : decisions;
    }

    [Fact]
    public void Should_restore_the_last_snapshot_of_every_run_to_an_equal_state()
    {
        foreach (var run in RecordedStrategyRuns.All)
        {
            // arrange
            var restored = run.NewStrategy();

            // act
            restored.Restore((IStrategyState)SerializationAssert.RoundTrip(run.Snapshots[^1].State));

            // assert
            Assert.Equal(run.Snapshots[^1].State, restored.Snapshot());
            Assert.Equal(run.Simulator.Driver.Strategy.OpenOrders.ToHashSet(), restored.OpenOrders.ToHashSet());
        }
    }
}
