using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.TestKit;
using Rari.Venue.Accounts;

namespace Rari.Venue.Tests.Accounts;

/// <summary>
/// <see cref="SimulatedVenue.TryGetBalanceBasis"/> gives the figures of <see cref="SimulatedVenue.GetAccountSummary"/>
/// (wallet, open-order margin, every row's size and unrealized PnL, in its order) without building the summary.
/// </summary>
public sealed class BalanceBasisSpecs
{
    [Fact]
    public void Should_give_the_summarys_wallet_open_order_margin_and_position_rows_at_every_checkpoint_of_a_random_flow()
    {
        // arrange: one-way cross, one-way isolated and hedge accounts trading at random
        var flow = new RandomOrderFlow(seed: 5);
        var klines = RandomOrderFlow.RecordedKlines(3_000).ToList();
        var rows = new List<PositionAmount>();
        var checkedOpen = 0;

        for (var start = 0; start < klines.Count; start += 100)
        {
            // act
            flow.Run(klines.Skip(start).Take(100));
            foreach (var account in RandomOrderFlow.Accounts)
            {
                var found = flow.Venue.TryGetBalanceBasis(account, rows, out var wallet, out var openOrderMargin);
                var summary = flow.Venue.GetAccountSummary(account).Value;

                // assert
                Assert.True(found);
                Assert.Equal(summary.TotalWalletBalance, wallet);
                Assert.Equal(summary.TotalOpenOrderInitialMargin, openOrderMargin);
                Assert.Equal(
                    summary.Positions.Select(p => new PositionAmount(p.Symbol, p.PositionSide, p.PositionAmount, p.UnrealizedProfit)),
                    rows);
                checkedOpen += rows.Count(r => r.Quantity != 0m);
            }
        }

        Assert.True(checkedOpen > 10, $"only {checkedOpen} open position rows were compared");
    }

    [Fact]
    public void Should_answer_false_with_no_rows_for_an_account_that_is_not_open()
    {
        // arrange
        var flow = new RandomOrderFlow(seed: 5);
        var rows = new List<PositionAmount> { new(TestInstruments.BtcUsdt.Symbol, PositionSide.Both, 1m, 1m) };

        // act
        var found = flow.Venue.TryGetBalanceBasis(new AccountId("nobody"), rows, out var wallet, out var openOrderMargin);

        // assert
        Assert.False(found);
        Assert.Empty(rows);
        Assert.Equal(0m, wallet);
        Assert.Equal(0m, openOrderMargin);
    }
}
