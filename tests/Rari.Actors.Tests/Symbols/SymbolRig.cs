using Akka.Actor;
using Akka.TestKit;
using Rari.Actors.Execution;
using Rari.Actors.MarketData;
using Rari.Actors.Risk;
using Rari.Actors.Settings;
using Rari.Actors.Strategies;
using Rari.Actors.Symbols;
using Rari.Actors.Tests.Strategies;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Tests.Symbols;

/// <summary>
/// A symbol supervisor's collaborators as probes. The gateway and the risk gate answer the start-up questions (the
/// account, the risk state) by themselves; the probes keep every other message for the spec.
/// </summary>
internal sealed class SymbolRig
{
    private readonly TestKitBase _kit;

    public SymbolRig(TestKitBase kit, StrategyKind mode = StrategyKind.Grid, StrategySet? strategies = null, StrategyActorSettings? settings = null)
    {
        _kit = kit;
        Mode = mode;
        Strategies = strategies ?? StrategySet.Default;
        Settings = settings ?? StrategyFixtures.FastSettings;
        RiskGate = kit.CreateTestProbe("risk-gate");
        Gateway = kit.CreateTestProbe("gateway");
        Mediator = kit.CreateTestProbe("mediator");
        History = new RecordedKlineHistory(StrategyFixtures.Bars, StrategyFixtures.FirstLive);
        RiskGate.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            if (message is GetRiskStatus)
            {
                sender.Tell(new RiskStatus(RiskState.Empty, 10_000m, 0, 0, 0));
            }

            return AutoPilot.KeepRunning;
        }));
        Gateway.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            if (message is GetGatewayStatus)
            {
                sender.Tell(new GatewayStatus(true, [], StrategyFixtures.Account(), 0, 0, 0));
            }

            return AutoPilot.KeepRunning;
        }));
    }

    /// <summary>A grid whose range comes from the ATR: an inverted bar (high below low) makes its indicator throw.</summary>
    public static StrategySet AtrGrid { get; } = StrategySet.Default with
    {
        Grid = GridSettings.Default with { RangeSource = GridRangeSource.Volatility, VolatilitySource = GridVolatilitySource.Atr },
    };

    public StrategyKind Mode { get; }

    public StrategySet Strategies { get; }

    public StrategyActorSettings Settings { get; }

    public TestProbe RiskGate { get; }

    public TestProbe Gateway { get; }

    public TestProbe Mediator { get; }

    public RecordedKlineHistory History { get; }

    public RecordingAuditTrail Audit { get; } = new();

    /// <summary>How many times a strategy actor started (each one fetches its warm-up).</summary>
    public int StrategyStarts => History.RequestsFor(Settings.WarmUpBars);

    public Props Props() => SymbolSupervisor.Props(
        StrategyFixtures.Eth, Mode, StrategyFixtures.Catalog, Strategies, History, RiskGate, Gateway, Mediator, Audit, Settings);

    public IActorRef Start() => _kit.Sys.ActorOf(Props(), "ETHUSDT");

    public static Task<SymbolStatus> StatusOf(IActorRef supervisor) =>
        supervisor.Ask<SymbolStatus>(new GetSymbolStatus(StrategyFixtures.Eth), StrategyFixtures.Wait);

    /// <summary>The strategy's own status, asked through its back-off supervisor.</summary>
    public Task<StrategyStatus> StrategyStatusOf(IActorRef supervisor) =>
        _kit.Sys.ActorSelection(supervisor.Path / SymbolSupervisor.ChildName).Ask<StrategyStatus>(GetStrategyStatus.Instance, TimeSpan.FromSeconds(2));

    /// <summary>Waits until the (current incarnation of the) strategy trades with an account.</summary>
    public async Task<StrategyStatus> StrategyTradingAsync(IActorRef supervisor)
    {
        StrategyStatus? status = null;
        await _kit.AwaitAssertAsync(
            async () =>
            {
                status = await StrategyStatusOf(supervisor);
                Assert.Equal(StrategyStage.Trading, status.Stage);
                Assert.True(status.HasAccount);
            },
            StrategyFixtures.Wait,
            TimeSpan.FromMilliseconds(50));
        return status!;
    }

    /// <summary>Bar <paramref name="index"/> with its high below its low (the ATR grid throws on it).</summary>
    public static KlineClosed InvertedBar(int index) =>
        new(StrategyFixtures.Eth, StrategyFixtures.Bars[index] with { High = StrategyFixtures.Bars[index].Low - 1m }, 0);

    /// <summary>Waits until the (current incarnation of the) strategy trades and has decided on <paramref name="klines"/> bars.</summary>
    public async Task<StrategyStatus> StrategyHandledAsync(IActorRef supervisor, long klines)
    {
        StrategyStatus? status = null;
        await _kit.AwaitAssertAsync(
            async () =>
            {
                status = await StrategyStatusOf(supervisor);
                Assert.Equal(StrategyStage.Trading, status.Stage);
                Assert.Equal(klines, status.KlinesHandled);
            },
            StrategyFixtures.Wait,
            TimeSpan.FromMilliseconds(50));
        return status!;
    }

    /// <summary>The next message of type <typeparamref name="T"/> the risk gate got, skipping the others.</summary>
    public T RiskGateGot<T>(Predicate<T>? match = null) =>
        RiskGate.FishForMessage<T>(message => match?.Invoke(message) ?? true, StrategyFixtures.Wait);
}
