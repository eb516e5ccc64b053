using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using Rari.Actors.Audit;
using Rari.Actors.Execution;
using Rari.Actors.MarketData;
using Rari.Actors.Risk;
using Rari.Actors.Strategies;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Xunit.Abstractions;
using static Rari.Actors.Tests.Strategies.StrategyFixtures;

namespace Rari.Actors.Tests.Strategies;

/// <summary>The grid actor on real ETHUSDT bars: decisions out, fills in, the journal, restarts and the order sync.</summary>
public sealed class GridActorSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(PersistenceConfig, output)
{
    [Fact]
    public async Task Should_submit_the_grid_entries_to_the_risk_gate_and_the_exit_once_an_entry_fills()
    {
        // arrange
        var rig = new StrategyRig(this);
        var grid = rig.Start();
        rig.Owner.ExpectMsg<StrategyStarted>(started => started.Symbol == Eth && started.StrategyId == StrategySet.GridId);
        grid.Tell(Account());

        // act: the first live bar after a 300-bar warm-up
        grid.Tell(Closed(FirstLive));

        // assert: nine entries, each with the grid's stop for the risk gate, each audited
        var entries = rig.Submissions(9);
        var state = (GridState)(await StrategyRig.StatusOf(grid)).State;
        Assert.All(entries, entry => Assert.Equal(StrategySet.GridId, entry.Request.Intent.StrategyId));
        Assert.All(entries.Where(e => e.Request.Intent.Side == OrderSide.Buy), e => Assert.Equal(state.Lower * 0.95m, e.Request.StopLossPrice));
        Assert.All(entries.Where(e => e.Request.Intent.Side == OrderSide.Sell), e => Assert.Equal(state.Upper * 1.05m, e.Request.StopLossPrice));
        Assert.Equal(
            entries.Select(e => e.Request.Intent.ClientOrderId),
            rig.Audit.Entries.Where(a => a.Kind == AuditKind.Intent).Select(a => a.ClientOrderId));

        // act: the nearest buy fills in full
        var buy = entries.Where(e => e.Request.Intent.Side == OrderSide.Buy).MaxBy(e => e.Request.Intent.Price)!.Request.Intent;
        grid.Tell(Account(buy.Quantity!.Value, buy.Price!.Value, timestampMs: 2));
        grid.Tell(FullFill(buy, tradeId: 1, Bars[FirstLive].OpenTimeMs + 90_000));

        // assert: its take-profit sells the same quantity higher, reduce-only
        var exit = rig.Submissions(1)[0].Request;
        Assert.Equal(OrderSide.Sell, exit.Intent.Side);
        Assert.Equal(buy.Quantity, exit.Intent.Quantity);
        Assert.True(exit.Intent.Price > buy.Price);
        Assert.True(exit.Intent.ReduceOnly);
        Assert.Null(exit.StopLossPrice);
    }

    [Fact]
    public async Task Should_recover_the_same_state_and_make_the_same_next_decision_after_a_restart()
    {
        // arrange: the same inputs to an actor that never stops (its own actor system) and to one that is restarted
        var twinSystem = ActorSystem.Create("twin", Sys.Settings.Config);
        try
        {
            var twin = await RunAsync(new StrategyRig(this, twinSystem, FastSettings with { WarmUpBars = 10_000 }), restart: false);

            // act
            var restarted = await RunAsync(new StrategyRig(this, Sys, FastSettings with { WarmUpBars = 10_000 }), restart: true);

            // assert
            Assert.Equal(restarted.Before.State, restarted.After.State); // <-- snapshot + journal give the state back
            Assert.Equal(restarted.Before.OpenOrders, restarted.After.OpenOrders);
            Assert.True(restarted.After.LastSequenceNr > FastSettings.SnapshotEvery);
            Assert.Equal(twin.After.State, restarted.After.State);
            Assert.NotEmpty(twin.Next);
            Assert.Equal(twin.Next, restarted.Next); // <-- the same next decision
        }
        finally
        {
            await twinSystem.Terminate();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_send_no_order_when_the_journal_fails_or_rejects_the_write(bool reject)
    {
        // arrange
        var journal = TestJournal.FromRef(Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null));
        await (reject ? journal.OnWrite.Reject() : journal.OnWrite.Fail());
        var rig = new StrategyRig(this);
        var grid = rig.Start();
        Watch(grid);
        grid.Tell(Account());

        // act: the bar whose decision (GridStarted, nine orders placed) cannot be written
        grid.Tell(Closed(FirstLive));

        // assert
        ExpectTerminated(grid, Wait);
        rig.Owner.FishForMessage<StrategyFailed>(failed => !failed.IsFatal, Wait);
        rig.RiskGate.ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // the actor is gone: whatever it sent is already here
        Assert.Empty(rig.Audit.Entries);
    }

    [Fact]
    public async Task Should_turn_the_order_reports_after_a_restart_into_a_fill_and_a_denial()
    {
        // arrange: a grid with nine entries out, stopped
        var rig = new StrategyRig(this);
        var grid = rig.Start();
        grid.Tell(Account());
        grid.Tell(Closed(FirstLive));
        var entries = rig.Submissions(9).Select(e => e.Request.Intent).ToList();
        rig.Stop(grid);
        var buy = entries.Where(e => e.Side == OrderSide.Buy).MaxBy(e => e.Price)!;
        var lost = entries.Where(e => e.Side == OrderSide.Sell).MinBy(e => e.Price)!;
        var fill = FullFill(buy, tradeId: 7, Bars[FirstLive].OpenTimeMs + 120_000).Fill;

        // act: restarted, it asks about its nine orders; the buy filled while it was down, the sell never reached the gateway
        var restarted = rig.Start();
        restarted.Tell(Account(buy.Quantity!.Value, buy.Price!.Value, timestampMs: 2));
        rig.AnswerSync(
            restarted,
            new OrderStatusReport(buy.ClientOrderId, OrderStatus.Filled, fill.VenueOrderId, buy.Quantity, [fill], null),
            new OrderStatusReport(lost.ClientOrderId, null, null, null, [], null));

        // assert: the fill brings its take-profit; the lost order is denied and no longer held as open
        var exit = rig.Submissions(1)[0].Request.Intent;
        Assert.Equal(OrderSide.Sell, exit.Side);
        Assert.Equal(buy.Quantity, exit.Quantity);
        var status = await rig.TradingAsync(restarted);
        Assert.Equal(2, status.OrderEventsHandled);
        Assert.DoesNotContain(buy.ClientOrderId, status.OpenOrders);
        Assert.DoesNotContain(lost.ClientOrderId, status.OpenOrders);
        Assert.Contains(exit.ClientOrderId, status.OpenOrders);
        Assert.Equal(8, status.OpenOrders.Count);
    }

    [Fact]
    public async Task Should_open_no_exposure_while_market_data_is_stale_until_it_resumes()
    {
        // arrange
        var rig = new StrategyRig(this);
        var grid = rig.Start();
        grid.Tell(Account());
        await rig.TradingAsync(grid);
        grid.Tell(new MarketDataStale(Eth, 0, 0));

        // act
        grid.Tell(Closed(FirstLive));

        // assert: the bar was decided on, under Reducing: the grid does not start
        var stale = await StrategyRig.StatusOf(grid);
        Assert.Equal(TradingState.Reducing, stale.TradingState);
        Assert.Equal(1, stale.KlinesHandled);
        Assert.Empty(await rig.SubmittedSoFarAsync(grid));

        // act
        grid.Tell(new MarketDataResumed(Eth, 60_000));
        grid.Tell(Closed(FirstLive + 1));

        // assert
        Assert.Equal(9, rig.Submissions(9).Count);
    }

    [Fact]
    public async Task Should_replay_the_bars_buffered_during_the_warm_up_and_skip_those_it_covered()
    {
        // arrange: the warm-up answer (bars before 300) is held back while bars 298-301 arrive
        var rig = new StrategyRig(this);
        rig.History.Hold();
        var grid = rig.Start();
        grid.Tell(Account());
        for (var i = FirstLive - 2; i <= FirstLive + 1; i++)
        {
            grid.Tell(Closed(i));
        }

        Assert.Equal(StrategyStage.WarmingUp, (await StrategyRig.StatusOf(grid)).Stage);

        // act
        rig.History.Release();

        // assert: 298 and 299 came with the warm-up; 300 starts the grid
        Assert.Equal(9, rig.Submissions(9).Count);
        var status = await rig.TradingAsync(grid);
        Assert.Equal(2, status.KlinesHandled);
    }

    [Fact]
    public async Task Should_trade_and_ask_again_when_the_gateway_does_not_answer_the_order_sync()
    {
        // arrange: a grid with orders out, stopped; restarted with a short sync timeout
        var first = new StrategyRig(this);
        var grid = first.Start();
        grid.Tell(Account());
        grid.Tell(Closed(FirstLive));
        first.Submissions(9);
        first.Stop(grid);
        var rig = new StrategyRig(this, settings: FastSettings with { OrderSyncTimeout = TimeSpan.FromMilliseconds(500) });

        // act: nobody answers
        var restarted = rig.Start();
        restarted.Tell(Account());
        var asked = rig.Gateway.ExpectMsg<GetOrderReports>(Wait);
        restarted.Tell(Closed(FirstLive + 1));

        // assert: it trades anyway, and asks again about the same orders
        var status = await rig.TradingAsync(restarted);
        Assert.Equal(1, status.KlinesHandled);
        var again = rig.Gateway.FishForMessage<GetOrderReports>(_ => true, Wait);
        Assert.Equal(asked.ClientOrderIds, again.ClientOrderIds);
        Assert.Equal(9, asked.ClientOrderIds.Count);
    }

    // Bar 300 starts the grid, the nearest buy fills, bars 301-305 pass; then (maybe) a restart; then the next buy fills.
    private static async Task<(StrategyStatus Before, StrategyStatus After, IReadOnlyList<SubmitOrder> Next)> RunAsync(StrategyRig rig, bool restart)
    {
        var grid = rig.Start();
        grid.Tell(Account());
        grid.Tell(Closed(FirstLive));
        var entries = rig.Submissions(9).Select(e => e.Request.Intent).ToList();
        var buy = entries.Where(e => e.Side == OrderSide.Buy).MaxBy(e => e.Price)!;
        var next = entries.Where(e => e.Side == OrderSide.Buy && e != buy).MaxBy(e => e.Price)!;
        var account = Account(buy.Quantity!.Value, buy.Price!.Value, timestampMs: 2);
        grid.Tell(account);
        grid.Tell(FullFill(buy, tradeId: 1, Bars[FirstLive].OpenTimeMs + 90_000));
        for (var i = FirstLive + 1; i <= FirstLive + 5; i++)
        {
            rig.History.Until = i + 1;
            grid.Tell(Closed(i));
        }

        var before = await rig.TradingAsync(grid);
        await rig.SubmittedSoFarAsync(grid);
        if (restart)
        {
            rig.Stop(grid);
            grid = rig.Start();
            grid.Tell(account);
            rig.AnswerSync(grid);
        }

        var after = await rig.TradingAsync(grid);
        grid.Tell(Account(buy.Quantity.Value + next.Quantity!.Value, buy.Price.Value, timestampMs: 3));
        grid.Tell(FullFill(next, tradeId: 2, Bars[FirstLive + 5].OpenTimeMs + 90_000));
        return (before, after, await rig.SubmittedSoFarAsync(grid));
    }
}
