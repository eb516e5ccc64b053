using Rari.Domain.Instruments;
using Rari.Domain.Orders;
using Rari.TestKit;
using Rari.Venue.Accounts;
using Rari.Venue.Events;

namespace Rari.Venue.Tests;

/// <summary>Properties of long runs over recorded data with a seeded random order flow.</summary>
public sealed class SimulatedVenueInvariantSpecs
{
    private const int Minutes = 20_000;

    [Fact]
    public void Should_produce_identical_event_streams_from_identical_data_and_commands()
    {
        // arrange
        var first = new RandomOrderFlow(seed: 7);
        var second = new RandomOrderFlow(seed: 7);
        var klines = RandomOrderFlow.RecordedKlines(Minutes).ToList();

        // act
        first.Run(klines);
        second.Run(klines);

        // assert: the run exercised fills, funding, margin calls and liquidations, and both runs agree byte for byte
        Assert.Contains(first.Events, e => e is OrderUpdated { Execution: ExecutionType.Trade });
        Assert.Contains(first.Events, e => e is AccountUpdated { Reason: AccountUpdateReason.FundingFee });
        Assert.Contains(first.Events, e => e is MarginCalled);
        Assert.Contains(first.Events, e => e is PositionLiquidated);
        Assert.Equal(first.Events.Count, second.Events.Count);
        Assert.Equal(first.Fingerprint(), second.Fingerprint());
        Assert.NotEqual(first.Fingerprint(), new RandomOrderFlow(seed: 8).Also(f => f.Run(klines.Take(2_000))).Fingerprint());
    }

    [Fact]
    public void Should_change_each_wallet_by_exactly_realized_pnl_less_fees_funding_and_liquidation_fees_plus_transfers()
    {
        // arrange
        var flow = new RandomOrderFlow(seed: 11);
        var start = RandomOrderFlow.Accounts.ToDictionary(a => a, a => flow.Venue.GetBalance(a).Value.WalletBalance);

        // act
        flow.Run(RandomOrderFlow.RecordedKlines(Minutes));

        // assert
        foreach (var account in RandomOrderFlow.Accounts)
        {
            var balance = flow.Venue.GetBalance(account).Value;
            var income = flow.Venue.GetIncome(account, limit: int.MaxValue).Value;
            var trades = flow.Venue.GetUserTrades(account, TestInstruments.BtcUsdt.Symbol, limit: int.MaxValue).Value;
            decimal Sum(IncomeType type) => income.Where(i => i.Type == type).Sum(i => i.Income);

            var realized = trades.Sum(t => t.RealizedPnl);
            var fees = trades.Sum(t => t.Commission);
            var liquidationFees = -Sum(IncomeType.InsuranceClear);
            var funding = Sum(IncomeType.FundingFee);
            var transfers = Sum(IncomeType.Transfer);
            var walletChange = balance.WalletBalance - start[account];

            Assert.Equal(walletChange, realized - fees + funding + transfers);
            Assert.Equal(walletChange, Sum(IncomeType.RealizedPnl) + Sum(IncomeType.Commission) - liquidationFees + funding + transfers);
            Assert.Equal(realized, Sum(IncomeType.RealizedPnl));
            Assert.Equal(fees, -Sum(IncomeType.Commission) + liquidationFees);

            var summary = flow.Venue.GetAccountSummary(account).Value;
            Assert.Equal(summary.TotalMarginBalance - start[account], walletChange + summary.TotalUnrealizedProfit);
            Assert.True(balance.WalletBalance >= 0m, $"{account} wallet went negative: {balance.WalletBalance}");
        }

        Assert.Contains(flow.Events, e => e is PositionLiquidated);
    }

    [Fact]
    public void Should_never_accept_an_order_or_book_a_fill_that_breaks_an_instrument_filter()
    {
        // arrange
        var instrument = TestInstruments.BtcUsdt;
        var flow = new RandomOrderFlow(seed: 23);

        // act
        flow.Run(RandomOrderFlow.RecordedKlines(Minutes / 2));
        var updates = flow.Events.OfType<OrderUpdated>().ToList();

        // assert: every accepted order passes the filters (order counts and the mark-price band aside)
        var accepted = updates.Where(u => u.Execution == ExecutionType.New).Select(u => u.Order).ToList();
        Assert.NotEmpty(accepted);
        Assert.Contains(flow.Placements, p => !p.IsSuccess);
        foreach (var order in accepted)
        {
            var check = new OrderCheck(
                order.Side,
                order.OriginalType,
                order.OriginalType == OrderType.Limit ? order.Price : null,
                order.StopPrice == 0m ? null : order.StopPrice,
                order.ClosePosition ? null : order.OriginalQuantity,
                order.ReduceOnly,
                order.ClosePosition);
            Assert.Null(InstrumentRules.Validate(instrument, check));
        }

        // and every fill is on the tick and step grids
        foreach (var trade in updates.Where(u => u.Trade is not null).Select(u => u.Trade!))
        {
            Assert.True(instrument.PriceFilter.IsOnTick(trade.Price), $"fill price {trade.Price} is off the tick");
            Assert.True(instrument.LotSize.IsOnStep(trade.Quantity), $"fill quantity {trade.Quantity} is off the step");
        }
    }
}

internal static class FlowExtensions
{
    public static RandomOrderFlow Also(this RandomOrderFlow flow, Action<RandomOrderFlow> action)
    {
        action(flow);
        return flow;
    }
}
