using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Persistence;
using Rari.Actors.Risk;
using Rari.Domain.Risk;
using Xunit.Abstractions;

namespace Rari.Actors.Tests.Risk;

/// <summary>
/// A symbol's readings of one stream batch (<see cref="SymbolMarketsObserved"/>) are judged exactly as the same readings
/// sent one by one: the same journaled events, the same commands to the gateway and the same published trading states,
/// in the same order. Each way runs on a gate of its own actor system (the gate's journal id is fixed); the spec compares
/// the two transcripts.
/// </summary>
public sealed class RiskGateBatchSpecs : RiskGateSpec
{
    private readonly ITestOutputHelper _output;

    public RiskGateBatchSpecs(ITestOutputHelper output)
        : base(output) => _output = output;

    [Fact]
    public void Should_judge_a_batch_of_readings_as_the_same_readings_one_by_one_when_a_breaker_trips_mid_batch()
    {
        // arrange: 1 BTC long at 60,000 on 10,000 USDT. The readings: a quiet bar; an 8 % bar (reading 3) trips the
        // breaker; a small bar and the same bar again inside its cool-down; a bar past the cool-down resets it; a
        // -8.6 % bar trips it again and its mark costs 15 % of the day's equity (halt); the next UTC day starts (resumes)
        // and ends the second cool-down
        IReadOnlyList<SymbolMarketObserved> readings =
        [
            Market(T0, 60_000m),
            Market(T0 + Minute, 60_300m, barReturn: 0.005m),
            Market(T0 + (2 * Minute), 65_124m, barReturn: 0.08m),
            Market(T0 + (3 * Minute), 64_994m, barReturn: -0.002m),
            Market(T0 + (3 * Minute), 64_994m, barReturn: -0.002m),
            Market(T0 + (20 * Minute), 64_000m, barReturn: -0.015m),
            Market(T0 + (21 * Minute), 58_500m, barReturn: -0.086m),
            Market(T0 + (22 * Minute), 58_400m, barReturn: -0.0017m),
            Market(NextDay, 58_400m, barReturn: 0m),
        ];

        // act
        Transcript oneByOne, batched;
        using (var run = new Run(_output))
        {
            oneByOne = run.Play(gate =>
            {
                foreach (var reading in readings)
                {
                    gate.Tell(reading);
                }
            });
        }

        using (var run = new Run(_output))
        {
            batched = run.Play(gate => gate.Tell(new SymbolMarketsObserved(Btc, readings)));
        }

        // assert: the scenario did what it says (the later readings saw the trip: the reset comes at the bar past the
        // cool-down, not earlier, and only one trip per huge bar), and both ways agree on everything
        Assert.Equal(
            [
                "CircuitBreakerTripped@" + (T0 + (2 * Minute)),
                "CircuitBreakerReset@" + (T0 + (20 * Minute)),
                "CircuitBreakerTripped@" + (T0 + (21 * Minute)),
                "CircuitBreakerReset@" + NextDay,
            ],
            oneByOne.Events.Where(e => e is CircuitBreakerTripped or CircuitBreakerReset).Select(e => $"{e.GetType().Name}@{e.TimestampMs}"));
        Assert.Contains(oneByOne.Events, e => e is TradingHalted { Symbol: null });
        Assert.Contains(oneByOne.Events, e => e is DayStarted { DayStartMs: NextDay });
        Assert.Contains(oneByOne.Commands, c => c is ClosePositions { Symbol: null });
        Assert.Equal(oneByOne.Events, batched.Events);
        Assert.Equal(oneByOne.Commands, batched.Commands);
        Assert.Equal(oneByOne.Published, batched.Published);
        Assert.Equal(oneByOne.Equity, batched.Equity);
    }

    /// <summary>What a gate did with the readings: journaled events, commands to the gateway, published states, in order.</summary>
    private sealed record Transcript(IReadOnlyList<IRiskEvent> Events, IReadOnlyList<object> Commands, IReadOnlyList<TradingStateChanged> Published, decimal Equity);

    /// <summary>One gate in an actor system of its own.</summary>
    private sealed class Run(ITestOutputHelper output) : RiskGateSpec(output)
    {
        /// <summary>Starts a gate, gives it the account, feeds it with <paramref name="feed"/>, and reads back what it did.</summary>
        public Transcript Play(Action<IActorRef> feed)
        {
            // The timer stays out of the way: every change comes from a reading.
            var (gate, _) = StartGate(options: Options with { TimeCheckInterval = TimeSpan.FromHours(1) });
            gate.Tell(Account(T0, 10_000m, Position(1m, 60_000m, 60_000m)));
            Status(gate);
            Drain(Mediator);
            Drain(Gateway);

            feed(gate);
            var equity = Status(gate).Equity; // answered once every write of the readings is done
            var commands = Drain(Gateway);
            var published = Drain(Mediator).OfType<Publish>().Select(p => p.Message).OfType<TradingStateChanged>().ToList();

            Watch(gate);
            gate.Tell(StopRiskGate.Instance);
            ExpectTerminated(gate, Patience);
            var reader = Sys.ActorOf(Props.Create(() => new JournalReader(TestActor)));
            var events = ExpectMsg<IReadOnlyList<IRiskEvent>>(Patience);
            Sys.Stop(reader);
            return new Transcript(events, commands, published, equity);
        }

        // Everything the probe holds now (the gate sent it all before it answered the status question).
        private static List<object> Drain(Akka.TestKit.TestProbe probe) =>
            [.. probe.ReceiveWhile(TimeSpan.FromMilliseconds(300), message => message)];
    }

    /// <summary>Replays the gate's journal, from its first event, and reports the events once recovered.</summary>
    private sealed class JournalReader : ReceivePersistentActor
    {
        private readonly List<IRiskEvent> _events = [];

        public JournalReader(IActorRef replyTo)
        {
            Recover<IRiskEvent>(_events.Add);
            Recover<RecoveryCompleted>(_ => replyTo.Tell((IReadOnlyList<IRiskEvent>)_events));
        }

        public override string PersistenceId => RiskGate.Id;

        public override Recovery Recovery => new(SnapshotSelectionCriteria.None);
    }
}
