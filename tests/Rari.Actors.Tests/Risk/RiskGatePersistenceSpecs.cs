using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using Rari.Actors.Risk;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Xunit.Abstractions;

namespace Rari.Actors.Tests.Risk;

/// <summary>The gate's journal: a restart recovers the same state and tells the symbols; a failed write sends nothing.</summary>
public sealed class RiskGatePersistenceSpecs(ITestOutputHelper output) : RiskGateSpec(output)
{
    [Fact]
    public void Should_recover_the_same_state_after_a_restart_and_publish_its_halts_again()
    {
        // arrange: a snapshot every two events, so recovery reads a snapshot and the events after it
        var options = Options with { SnapshotEvery = 2 };
        var (gate, _) = StartGate(options: options);
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m, symbol: Eth));
        Control(gate, new HaltTrading(0, Btc, "operator: hold BTC"));
        gate.Tell(Market(T0 + Minute, 64_800m, barReturn: 0.08m, symbol: Eth));
        gate.Tell(Account(T0 + (2 * Minute), 8_000m));
        ExpectPublished(t => t.Symbol is null && t.State == TradingState.Halted);
        var before = Status(gate).State;
        Watch(gate);
        gate.Tell(StopRiskGate.Instance);
        ExpectTerminated(gate, Patience);

        // act: the same persistence id, and symbols listening on a fresh topic
        var mediator = CreateTestProbe("mediator-after-restart");
        var (restarted, recovered) = StartGate(options: options, mediator: mediator);

        // assert
        Assert.Equal(before, Status(restarted).State); // <-- halts, breaker, baseline and peak as they were
        Assert.Equal(TradingState.Halted, recovered.State);
        Assert.StartsWith("recovered: daily loss 2000 USDT", recovered.Reason, StringComparison.Ordinal);
        Assert.Equal(TradingState.Halted, ExpectPublished(t => t.Symbol == Btc, mediator).State);
        Assert.Equal(TradingState.Reducing, ExpectPublished(t => t.Symbol == Eth, mediator).State);
    }

    [Fact]
    public void Should_snapshot_its_state_every_n_events_and_keep_only_the_latest_snapshot()
    {
        // arrange
        var (gate, _) = StartGate(options: Options with { SnapshotEvery = 2 });
        gate.Tell(Account(T0, 10_000m)); // the day starts and the first peak: events 1 and 2
        var first = Status(gate).State;

        // act: events 3 and 4
        Control(gate, new HaltTrading(0, Btc, "operator"));
        Control(gate, new HaltTrading(0, Eth, "operator"));
        var second = Status(gate).State;

        // assert
        AwaitAssert(
            () =>
            {
                var latest = LoadSnapshot(long.MaxValue);
                Assert.Equal(4, latest?.Metadata.SequenceNr);
                Assert.Equal(second, latest?.Snapshot);
                Assert.Null(LoadSnapshot(3)); // <-- the snapshot at 2 was deleted once 4 was saved
            },
            Patience);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Should_announce_active_trading_when_there_is_nothing_to_recover()
    {
        // act
        var (_, recovered) = StartGate();

        // assert
        Assert.Equal(TradingState.Active, recovered.State);
        Assert.Equal("recovered: no restriction stands", recovered.Reason);
    }

    [Fact]
    public async Task Should_send_no_command_when_the_journal_write_fails()
    {
        // arrange: the day's baseline is journaled, then the journal breaks
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        Status(gate);
        var journal = TestJournal.FromRef(Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null));
        await journal.OnWrite.Fail();
        Watch(gate);

        // act: a loss that halts, cancels and flattens — if the halt could be written
        gate.Tell(Account(T0 + Minute, 8_000m));

        // assert: a persistent actor stops when its journal fails; nothing left it
        ExpectTerminated(gate, Patience);
        Gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Mediator.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public async Task Should_stop_and_send_no_command_when_the_journal_rejects_the_write()
    {
        // arrange
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        Status(gate);
        var journal = TestJournal.FromRef(Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null));
        await journal.OnWrite.Reject();
        Watch(gate);

        // act
        gate.Tell(Account(T0 + Minute, 8_000m));

        // assert: a gate that cannot record a halt does not stay up to approve orders
        ExpectTerminated(gate, Patience);
        Gateway.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Mediator.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public async Task Should_recover_only_what_was_written_before_the_journal_failed()
    {
        // arrange
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        var written = Status(gate).State;
        var journal = TestJournal.FromRef(Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null));
        await journal.OnWrite.Fail();
        Watch(gate);
        gate.Tell(Account(T0 + Minute, 8_000m));
        ExpectTerminated(gate, Patience);
        await journal.OnWrite.Pass();

        // act
        var (restarted, recovered) = StartGate();

        // assert
        Assert.Equal(TradingState.Active, recovered.State);
        Assert.Equal(written, Status(restarted).State);
        Assert.Equal(10_000m, written.DayBaselineEquity);
    }

    private SelectedSnapshot? LoadSnapshot(long maxSequenceNr)
    {
        var store = Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null);
        var result = store.Ask<LoadSnapshotResult>(
            new LoadSnapshot(RiskGate.Id, new SnapshotSelectionCriteria(maxSequenceNr), long.MaxValue), Patience).GetAwaiter().GetResult();
        return result.Snapshot;
    }
}
