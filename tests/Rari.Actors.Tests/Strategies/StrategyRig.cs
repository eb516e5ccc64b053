using Akka.Actor;
using Akka.TestKit;
using Rari.Actors.Execution;
using Rari.Actors.Risk;
using Rari.Actors.Settings;
using Rari.Actors.Strategies;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Tests.Strategies;

/// <summary>A strategy actor's collaborators as probes, the recorded history and the audit trail, on one actor system.</summary>
internal sealed class StrategyRig
{
    private readonly TestKitBase _kit;

    public StrategyRig(TestKitBase kit, ActorSystem? system = null, StrategyActorSettings? settings = null, StrategyKind kind = StrategyKind.Grid, StrategySet? strategies = null)
    {
        _kit = kit;
        System = system ?? kit.Sys;
        Settings = settings ?? StrategyFixtures.FastSettings;
        Kind = kind;
        Strategies = strategies ?? StrategySet.Default;
        RiskGate = kit.CreateTestProbe(System);
        Gateway = kit.CreateTestProbe(System);
        Owner = kit.CreateTestProbe(System);
        History = new RecordedKlineHistory(StrategyFixtures.Bars, StrategyFixtures.FirstLive);
    }

    public ActorSystem System { get; }

    public StrategyActorSettings Settings { get; }

    public StrategyKind Kind { get; }

    public StrategySet Strategies { get; }

    public TestProbe RiskGate { get; }

    public TestProbe Gateway { get; }

    public TestProbe Owner { get; }

    public RecordedKlineHistory History { get; set; }

    public RecordingAuditTrail Audit { get; } = new();

    public IActorRef Start() => System.ActorOf(
        StrategyActor.PropsFor(Kind, new StrategyActorWiring(StrategyFixtures.Setup, Strategies, History, RiskGate, Gateway, Owner, Audit, Settings)));

    public static Task<StrategyStatus> StatusOf(IActorRef actor) => actor.Ask<StrategyStatus>(GetStrategyStatus.Instance, StrategyFixtures.Wait);

    /// <summary>Waits until the actor trades with an account.</summary>
    public async Task<StrategyStatus> TradingAsync(IActorRef actor)
    {
        StrategyStatus? status = null;
        await _kit.AwaitAssertAsync(
            async () =>
            {
                status = await StatusOf(actor);
                Assert.Equal(StrategyStage.Trading, status.Stage);
                Assert.True(status.HasAccount);
            },
            StrategyFixtures.Wait,
            TimeSpan.FromMilliseconds(50));
        return status!;
    }

    /// <summary>The next <paramref name="count"/> orders the actor submitted.</summary>
    public IReadOnlyList<SubmitOrder> Submissions(int count) =>
        RiskGate.ReceiveN(count, StrategyFixtures.Wait).Cast<SubmitOrder>().ToList();

    /// <summary>Every order submitted so far: the status round trip guarantees the actor handled what came before it.</summary>
    public async Task<IReadOnlyList<SubmitOrder>> SubmittedSoFarAsync(IActorRef actor)
    {
        await StatusOf(actor);
        return [.. RiskGate.ReceiveWhile(TimeSpan.FromMilliseconds(200), message => message as SubmitOrder).Select(order => order!)];
    }

    /// <summary>Stops the actor the domain way and waits for it.</summary>
    public void Stop(IActorRef actor)
    {
        var watcher = _kit.CreateTestProbe(System);
        watcher.Watch(actor);
        actor.Tell(StopStrategy.Instance);
        watcher.ExpectTerminated(actor, StrategyFixtures.Wait);
    }

    /// <summary>Answers the next order sync: every asked order as accepted and unfilled, except those given.</summary>
    public void AnswerSync(IActorRef actor, params OrderStatusReport[] reports)
    {
        var request = Gateway.FishForMessage<GetOrderReports>(_ => true, StrategyFixtures.Wait);
        var answers = request.ClientOrderIds
            .Select(id => reports.FirstOrDefault(r => r.ClientOrderId == id) ?? new OrderStatusReport(id, OrderStatus.Accepted, null, null, [], null))
            .ToList();
        actor.Tell(new OrderReports(request.Symbol, request.StrategyId, answers));
    }
}
