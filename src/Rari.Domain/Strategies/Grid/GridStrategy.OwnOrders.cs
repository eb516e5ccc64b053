using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Grid;

// What the grid's own live orders allow a new order: how many are live, and the prices a new order must not cross.
// Computed once per decision state instead of once per rung tried: on a typical bar a dozen idle rungs are tried and
// refused because they would cross one of the grid's own orders, and each try walked every rung twice.
public sealed partial class GridStrategy
{
    private GridState? _ownOrdersOf;
    private OwnOrders _ownOrders;
    private GridState? _rungsOf;
    private RungsWithoutOrder _rungs = RungsWithoutOrder.None;

    /// <summary>The live orders of <paramref name="state"/> (the decision's current state), computed once per state.</summary>
    private OwnOrders OwnOrdersOf(GridState state)
    {
        if (!ReferenceEquals(_ownOrdersOf, state))
        {
            _ownOrders = OwnOrders.Of(state);
            _ownOrdersOf = state;
        }

        return _ownOrders;
    }

    /// <summary>The rungs of <paramref name="state"/> without an order, computed once per state.</summary>
    private RungsWithoutOrder RungsOf(GridState state)
    {
        if (!ReferenceEquals(_rungsOf, state))
        {
            _rungs = RungsWithoutOrder.Of(state);
            _rungsOf = state;
        }

        return _rungs;
    }

    /// <summary>
    /// Whether placing an order of <paramref name="side"/> at <paramref name="price"/> is refused before anything is
    /// decided: the order cap is reached, or it would trade with one of the grid's own orders.
    /// </summary>
    private bool IsRefusedOutright(GridState state, OrderSide side, decimal price) =>
        OwnOrdersOf(state) is var own && (own.Count >= OrderLimit(_decision.Context.Instrument) || own.WouldCross(side, price));

    /// <summary>
    /// The grid's live orders in brief. A new buy at or above the lowest live sell trades with it, a new sell at or
    /// below the highest live buy likewise; only priced orders count, as only they rest in the book.
    /// </summary>
    private readonly record struct OwnOrders(int Count, bool HasSell, decimal LowestSell, bool HasBuy, decimal HighestBuy)
    {
        public static OwnOrders Of(GridState state)
        {
            var own = new OwnOrders(state.DetachedOrders.Count, false, 0m, false, 0m);
            for (var i = 0; i < state.Cells.Count; i++)
            {
                if (state.Cells[i].Order is { } order)
                {
                    own = own.With(order) with { Count = own.Count + 1 };
                }
            }

            for (var i = 0; i < state.DetachedOrders.Count; i++)
            {
                own = own.With(state.DetachedOrders[i]);
            }

            return own;
        }

        public bool WouldCross(OrderSide side, decimal price) =>
            side == OrderSide.Buy ? HasSell && price >= LowestSell : HasBuy && price <= HighestBuy;

        private OwnOrders With(GridOrder order)
        {
            if (order.Price is not { } price)
            {
                return this;
            }

            if (order.Side == OrderSide.Sell)
            {
                return !HasSell || price < LowestSell ? this with { HasSell = true, LowestSell = price } : this;
            }

            return !HasBuy || price > HighestBuy ? this with { HasBuy = true, HighestBuy = price } : this;
        }
    }

    /// <summary>
    /// The indices of the rungs that have no order, in rung order: those holding inventory (they need an exit) and the
    /// idle ones that are not retired (they may take an entry). Most bars every rung has its order and both are empty.
    /// A new array per state; the arrays of an older state are never changed, so a walk over them is safe while the
    /// decision moves on.
    /// </summary>
    private sealed class RungsWithoutOrder(int[] holding, int[] idle)
    {
        public static RungsWithoutOrder None { get; } = new([], []);

        public int[] Holding { get; } = holding;

        public int[] Idle { get; } = idle;

        public static RungsWithoutOrder Of(GridState state)
        {
            int holding = 0, idle = 0;
            for (var i = 0; i < state.Cells.Count; i++)
            {
                var cell = state.Cells[i];
                if (cell.Order is null)
                {
                    if (cell.HoldingQuantity != 0m)
                    {
                        holding++;
                    }
                    else if (!cell.Retired)
                    {
                        idle++;
                    }
                }
            }

            if (holding == 0 && idle == 0)
            {
                return None;
            }

            var holdingIndices = holding == 0 ? [] : new int[holding];
            var idleIndices = idle == 0 ? [] : new int[idle];
            holding = idle = 0;
            for (var i = 0; i < state.Cells.Count; i++)
            {
                var cell = state.Cells[i];
                if (cell.Order is null)
                {
                    if (cell.HoldingQuantity != 0m)
                    {
                        holdingIndices[holding++] = i;
                    }
                    else if (!cell.Retired)
                    {
                        idleIndices[idle++] = i;
                    }
                }
            }

            return new RungsWithoutOrder(holdingIndices, idleIndices);
        }
    }
}
