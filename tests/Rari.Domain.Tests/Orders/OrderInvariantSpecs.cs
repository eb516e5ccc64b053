using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using static Rari.TestKit.TestOrders;

namespace Rari.Domain.Tests.Orders;

// Folds thousands of seeded random event sequences (plausible venue stories, then shuffled, with duplicates and
// strays) and checks after every step the invariants the rest of the system relies on.
public class OrderInvariantSpecs
{
    private const int Sequences = 6_000;

    [Fact]
    public void Should_keep_every_order_invariant_over_random_duplicated_and_shuffled_sequences()
    {
        // arrange
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var seed = 0; seed < Sequences; seed++)
        {
            var random = new Random(seed);
            var intent = RandomIntent(random);
            var events = RandomStory(random, intent);
            var fills = events.OfType<OrderFilled>().GroupBy(f => f.Fill.TradeId).ToDictionary(g => g.Key, g => g.First().Fill);
            var order = NewOrder(intent);

            foreach (var orderEvent in events)
            {
                // act
                var result = order.Apply(orderEvent);
                var again = result.Order.Apply(orderEvent);

                // assert
                var next = result.Order;
                var context = $"seed {seed}, {orderEvent.GetType().Name} on {order.Status}";
                Count(seen, OrderStateTableSpecs.VerdictOf(result).ToString());
                if (result is OrderApplyResult.Applied)
                {
                    Count(seen, $"{orderEvent.Kind}: {order.Status} -> {next.Status}");
                }

                if (order.Status.IsTerminal() || result is not OrderApplyResult.Applied)
                {
                    Assert.True(ReferenceEquals(order, next), context); // <-- terminal orders and non-applied events change nothing
                }

                Assert.IsNotType<OrderApplyResult.Applied>(again);
                Assert.True(next.Equals(again.Order), context + ": applying the same event twice differs from once");
                AssertConsistent(order, next, fills, context);
                order = next;
            }

            Count(seen, $"ended {order.Status}");
        }

        // assert: the generator really reached the interesting places (otherwise the invariants prove little)
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            Assert.True(seen.GetValueOrDefault($"ended {status}") >= 50, $"only {seen.GetValueOrDefault($"ended {status}")} sequences ended {status}");
        }

        Assert.True(seen["Ignored"] >= 10_000);
        Assert.True(seen["Refused"] >= 5_000);
        Assert.True(seen.GetValueOrDefault("Filled: Submitted -> Filled") >= 50);
        Assert.True(seen.GetValueOrDefault("Filled: PendingCancel -> PartiallyFilled") >= 50);
        Assert.True(seen.GetValueOrDefault("CancelRejected: PendingCancel -> PartiallyFilled") >= 50);
        Assert.True(seen.GetValueOrDefault("Accepted: PendingCancel -> PendingCancel") >= 50);
        Assert.True(seen.GetValueOrDefault("Canceled: Submitted -> Canceled") >= 50);
    }

    private static void AssertConsistent(Order before, Order after, Dictionary<TradeId, Fill> fills, string context)
    {
        Assert.True(after.FilledQuantity >= before.FilledQuantity, context + ": filled quantity decreased");
        Assert.True(after.LastUpdateMs >= before.LastUpdateMs, context + ": time went back");
        Assert.True(after.TradeIds.IsSupersetOf(before.TradeIds), context + ": a trade was forgotten");

        var applied = after.TradeIds.Select(t => fills[t]).ToList();
        Assert.Equal(applied.Sum(f => f.Quantity), after.FilledQuantity);
        Assert.Equal(applied.Sum(f => f.Price * f.Quantity), after.FilledNotional);

        if (after.Quantity is { } quantity)
        {
            Assert.True(after.FilledQuantity <= quantity, context + ": overfilled");
            Assert.Equal(after.Status == OrderStatus.Filled, after.FilledQuantity == quantity);
        }
        else
        {
            Assert.Equal(0m, after.FilledQuantity);
        }

        Assert.Equal(after.Status == OrderStatus.PendingCancel, after.StatusBeforeCancel is not null);
        if (after.Status == OrderStatus.PartiallyFilled)
        {
            Assert.True(after.FilledQuantity > 0m && after.LeavesQuantity > 0m, context);
        }

        if (after.Status.IsTerminal())
        {
            Assert.Equal(0m, after.LeavesQuantity);
        }
    }

    private static OrderIntent RandomIntent(Random random)
    {
        var quantity = random.Next(1, 5_000) / 1_000m;
        return random.Next(10) switch
        {
            < 5 => Limit(quantity, price: 100m, side: random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell),
            < 7 => Limit(quantity, price: 100m, timeInForce: TimeInForce.Ioc),
            < 9 => Rari.TestKit.TestOrders.Market(quantity),
            _ => ClosePositionStop(),
        };
    }

    private static List<IOrderEvent> RandomStory(Random random, OrderIntent intent)
    {
        var quantity = intent.Quantity ?? random.Next(1, 5_000) / 1_000m;
        var tradeId = 1_000L * random.Next(1, 1_000);
        var time = T0;
        long Tick() => time += random.Next(0, 50);

        // 1. A plausible story: submitted, maybe acknowledged, some fills, maybe a cancel, an end.
        var story = new List<IOrderEvent> { Initialized(intent, T0) };
        if (random.Next(12) == 0)
        {
            story.Add(Denied(intent, timestampMs: Tick()));
        }

        // Now and then the submission is lost (never journaled): every venue report must then be refused.
        if (random.Next(15) != 0)
        {
            story.Add(Submitted(intent, Tick()));
        }
        if (random.Next(12) == 0)
        {
            story.Add(Rejected(intent, timestampMs: Tick()));
        }

        if (random.Next(4) != 0)
        {
            story.Add(Accepted(intent, timestampMs: Tick()));
        }

        var fills = RandomFills(random, intent, quantity, tradeId, Tick);
        var cancelAt = random.Next(fills.Count + 2);
        for (var i = 0; i <= fills.Count; i++)
        {
            if (i == cancelAt)
            {
                story.Add(PendingCancel(intent, Tick()));
                story.Add(random.Next(3) == 0 ? CancelRejected(intent, timestampMs: Tick()) : Canceled(intent, Tick()));
            }

            if (i < fills.Count)
            {
                story.Add(fills[i]);
            }
        }

        story.Add(random.Next(4) switch
        {
            0 => Expired(intent, Tick()),
            1 => Canceled(intent, Tick()),
            2 => PendingCancel(intent, Tick()),
            _ => CancelRejected(intent, timestampMs: Tick()),
        });

        // Strays: an overfill, a conflicting venue order id, a late ack.
        if (random.Next(8) == 0)
        {
            story.Add(Filled(intent, tradeId + 900, quantity, 100m, timestampMs: Tick(), orderQuantity: intent.ClosePosition ? quantity : null));
        }

        if (random.Next(10) == 0)
        {
            story.Add(Accepted(intent, venueOrderId: VenueId + 1, timestampMs: Tick()));
        }

        // 2. Disorder: a few swaps of neighbours, or a full shuffle.
        if (random.Next(5) == 0)
        {
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(story)[1..]);
        }
        else
        {
            for (var swaps = story.Count > 2 ? random.Next(4) : 0; swaps > 0; swaps--)
            {
                var i = random.Next(1, story.Count - 1);
                (story[i], story[i + 1]) = (story[i + 1], story[i]);
            }
        }

        // 3. Duplicates: repeat random events later on, as the REST answer and the user stream both do.
        for (var dups = random.Next(6); dups > 0; dups--)
        {
            var from = random.Next(story.Count);
            story.Insert(random.Next(from, story.Count + 1), story[from]);
        }

        return story;
    }

    private static List<OrderFilled> RandomFills(Random random, OrderIntent intent, decimal quantity, long firstTradeId, Func<long> tick)
    {
        // Cut the quantity (in 0.001 steps) into 1-4 pieces; sometimes the last pieces never come.
        var steps = (int)(quantity * 1_000m);
        var cuts = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(1, Math.Max(2, steps))).Append(0).Append(steps)
            .Distinct().Order().ToList();
        var pieces = cuts.Zip(cuts.Skip(1), (a, b) => (b - a) / 1_000m).ToList();
        var delivered = random.Next(3) == 0 ? random.Next(pieces.Count + 1) : pieces.Count;

        return pieces.Take(delivered).Select((piece, i) =>
        {
            var price = 100m + (random.Next(-500, 500) / 100m);
            var orderQuantity = intent.ClosePosition && random.Next(6) != 0 ? quantity : (decimal?)null;
            return Filled(intent, firstTradeId + i, piece, price, timestampMs: tick(), orderQuantity: orderQuantity);
        }).ToList();
    }

    private static void Count(Dictionary<string, int> seen, string key) => seen[key] = seen.GetValueOrDefault(key) + 1;
}
