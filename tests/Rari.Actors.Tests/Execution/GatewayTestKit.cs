using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Persistence;
using Akka.TestKit;
using Rari.Actors.Audit;
using Rari.Actors.Execution;
using Rari.Actors.Settings;
using Rari.Aster.Rest;
using Rari.Aster.Streams;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Xunit.Abstractions;

namespace Rari.Actors.Tests.Execution;

/// <summary>
/// What every gateway spec shares: the simulated exchange, probes for the symbols, the risk gate and the mediator, an
/// in-memory audit trail, and a test journal that can be told to fail.
/// </summary>
public abstract class GatewayTestKit : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    /// <summary>Generous: two shared cores, a real HTTP server and WebSockets.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private const string Config = """
        akka.loglevel = INFO
        akka.persistence.journal.plugin = "akka.persistence.journal.test"
        akka.persistence.journal.test {
          class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
          plugin-dispatcher = "akka.actor.default-dispatcher"
        }
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.test"
        akka.persistence.snapshot-store.test {
          class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit"
          plugin-dispatcher = "akka.actor.default-dispatcher"
        }
        """;

    private SimulatedExchange? _exchange;

    protected GatewayTestKit(ITestOutputHelper output)
        : base(Config, output: output)
    {
        Symbols = CreateTestProbe("symbols");
        Risk = CreateTestProbe("risk");
        Mediator = CreateTestProbe("mediator");
    }

    /// <summary>The simulated exchange.</summary>
    internal SimulatedExchange Exchange => _exchange ?? throw new InvalidOperationException("Not started.");

    protected TestProbe Symbols { get; }

    protected TestProbe Risk { get; }

    protected TestProbe Mediator { get; }

    protected ConcurrentQueue<AuditEntry> AuditTrail { get; } = new();

    /// <summary>Settings for specs: no dead-man's switch (the simulator's market clock is stepped by hand), quick retries.</summary>
    protected static GatewaySettings TestSettings { get; } = GatewaySettings.Default with
    {
        DeadMansSwitch = false,
        OpenOrdersOnShutdown = ShutdownOrders.Leave,
        RetryInitialDelay = TimeSpan.FromMilliseconds(200),
        RetryMaxDelay = TimeSpan.FromSeconds(2),
    };

    public async Task InitializeAsync() => _exchange = await SimulatedExchange.StartAsync();

    public async Task DisposeAsync()
    {
        Shutdown();
        if (_exchange is not null)
        {
            await _exchange.DisposeAsync();
        }
    }

    /// <summary>Starts a gateway of the demo account and waits until it has reconciled.</summary>
    protected IActorRef StartGateway(
        GatewaySettings? settings = null,
        string account = "demo",
        bool awaitReconciled = true,
        AsterRestClient? rest = null,
        Func<AsterUserStream>? userStream = null)
    {
        var gateway = Sys.ActorOf(ExchangeGateway.Props(
            settings ?? TestSettings, rest ?? Exchange.Rest, userStream ?? Exchange.UserStream, Symbols, Risk, Mediator, new Recording(AuditTrail), Exchange.Catalog, account));
        if (awaitReconciled)
        {
            AwaitReconciled(gateway);
        }

        return gateway;
    }

    protected void AwaitReconciled(IActorRef gateway) =>
        AwaitAssert(() => Assert.True(gateway.Ask<GatewayStatus>(GetGatewayStatus.Instance, Patience).Result.IsReconciled), Patience, TimeSpan.FromMilliseconds(100));

    /// <summary>Stops the actor as a crash would (no shutdown calls) and waits until it is gone.</summary>
    protected void Kill(IActorRef actor)
    {
        var watcher = CreateTestProbe();
        watcher.Watch(actor);
        Sys.Stop(actor);
        watcher.ExpectTerminated(actor, Patience);
    }

    protected static ApprovedOrder Approved(OrderIntent intent) => new(intent, "spec", RiskVerdictKind.Approved, "within limits");

    /// <summary>The next message of type <typeparamref name="T"/> matching <paramref name="match"/>, skipping others.</summary>
    protected static T Expect<T>(TestProbe probe, Func<T, bool>? match = null)
        where T : class =>
        (T)probe.FishForMessage(m => m is T t && (match?.Invoke(t) ?? true), Patience);

    /// <summary>
    /// Waits until an order event of type <typeparamref name="T"/> arrived for each of <paramref name="ids"/>, in any
    /// order (concurrent submissions are answered in any order), skipping others.
    /// </summary>
    protected static void ExpectEach<T>(TestProbe probe, params Rari.Domain.Identifiers.ClientOrderId[] ids)
        where T : class, IOrderEvent
    {
        var missing = ids.ToHashSet();
        while (missing.Count > 0)
        {
            missing.Remove(Expect<T>(probe, e => missing.Contains(e.ClientOrderId)).ClientOrderId);
        }
    }

    /// <summary>Writes <paramref name="events"/> to the journal of <paramref name="persistenceId"/>, as a crashed gateway left them.</summary>
    protected void Seed(string persistenceId, params object[] events)
    {
        var seeder = Sys.ActorOf(Props.Create(() => new JournalSeeder(persistenceId, events)));
        seeder.Tell("seed", TestActor);
        ExpectMsg("seeded", Patience);
        Kill(seeder);
    }

    private sealed class Recording(ConcurrentQueue<AuditEntry> entries) : IAuditTrail
    {
        public void Record(AuditEntry entry) => entries.Enqueue(entry);
    }

    private sealed class JournalSeeder : ReceivePersistentActor
    {
        public JournalSeeder(string persistenceId, object[] events)
        {
            PersistenceId = persistenceId;
            Command<string>(_ =>
            {
                var sender = Sender;
                PersistAll(events, _ => { });
                DeferAsync("seeded", done => sender.Tell(done));
            });
        }

        public override string PersistenceId { get; }
    }
}
