using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;

namespace Rari.Domain.Portfolio;

/// <summary>
/// One position in one symbol, kept by average cost with the Binance USDⓈ-M conventions (linear, USDT-margined,
/// contract size 1). It is built from fills and valued at a mark price given by the caller.
/// </summary>
/// <remarks>
/// <para>
/// <b>Quantity is always signed</b>, whatever the side: positive is long, negative is short. A
/// <see cref="PositionSide.Both"/> position (one-way mode) may hold either sign and may flip; a
/// <see cref="PositionSide.Long"/> position is always ≥ 0 and a <see cref="PositionSide.Short"/> one always ≤ 0.
/// One representation keeps every formula the same: unrealized PnL is <c>Quantity × (mark − EntryPrice)</c> and
/// funding paid is <c>Quantity × mark × rate</c> for all three sides.
/// </para>
/// <para>
/// The position stores its <see cref="CostBasis"/> (<c>Quantity × EntryPrice</c>, the signed cost of the open
/// quantity) rather than the entry price, so that realized plus unrealized PnL equals the trading cash flow to
/// the last decimal even when the average entry does not terminate. A partial close removes the closed share of
/// the cost basis, quantized to 16 places (see <c>Accounting</c>); a full close removes all of it.
/// </para>
/// <para>
/// An isolated position's own cash flows (its realized PnL, fees and funding) settle in its
/// <see cref="IsolatedMargin"/>, which also receives <c>quantity × price / leverage</c> on every increase and gives
/// back the closed share of itself on every reduce (everything when the position closes).
/// </para>
/// <para>The class is mutable for speed; <see cref="ToSnapshot"/> and <see cref="FromSnapshot"/> give and take an immutable copy.</para>
/// </remarks>
public sealed class Position
{
    /// <summary>Highest leverage the exchange accepts.</summary>
    public const int MaxLeverage = 125;

    /// <summary>Creates a flat position.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The leverage is outside 1–125 or an enum value is undefined.</exception>
    public Position(Symbol symbol, PositionSide side, int leverage, MarginType marginType)
    {
        if (!Enum.IsDefined(side))
        {
            throw new ArgumentOutOfRangeException(nameof(side), side, "Unknown position side.");
        }

        Symbol = symbol;
        Side = side;
        Leverage = CheckLeverage(leverage);
        MarginType = CheckMarginType(marginType);
    }

    /// <summary>The symbol this position is in.</summary>
    public Symbol Symbol { get; }

    /// <summary><see cref="PositionSide.Both"/> in one-way mode; <see cref="PositionSide.Long"/> or <see cref="PositionSide.Short"/> in hedge mode.</summary>
    public PositionSide Side { get; }

    /// <summary>Signed quantity in base units: positive long, negative short, 0 flat (Aster's <c>positionAmt</c>).</summary>
    public decimal Quantity { get; private set; }

    /// <summary>Signed cost of the open quantity, <c>Quantity × EntryPrice</c>; 0 when flat.</summary>
    public decimal CostBasis { get; private set; }

    /// <summary>Average entry price of the open quantity, averaged over increasing fills only; 0 when flat.</summary>
    public decimal EntryPrice => Quantity == 0m ? 0m : CostBasis / Quantity;

    /// <summary>True when the position holds a non-zero quantity.</summary>
    public bool IsOpen => Quantity != 0m;

    /// <summary>Cumulative PnL realized by reducing fills, in USDT.</summary>
    public decimal RealizedPnl { get; private set; }

    /// <summary>Cumulative commission paid by this position's fills, in USDT (negative when rebates dominate).</summary>
    public decimal FeesPaid { get; private set; }

    /// <summary>Cumulative funding paid by this position, in USDT (negative when it received more than it paid).</summary>
    public decimal FundingPaid { get; private set; }

    /// <summary>Leverage used for initial margin, 1–125.</summary>
    public int Leverage { get; private set; }

    /// <summary>Cross or isolated.</summary>
    public MarginType MarginType { get; private set; }

    /// <summary>The position's isolated wallet in USDT; always 0 for a cross position.</summary>
    public decimal IsolatedMargin { get; private set; }

    /// <summary>
    /// Applies one of this position's fills: a fill in the position's direction adds at the fill price, an opposite
    /// one realizes <c>closedQty × (fillPrice − entry) × sign(position)</c>, and in one-way mode a fill larger than
    /// the position closes it fully and opens the rest at the fill price.
    /// </summary>
    /// <returns>What the fill realized and cost; the account credits <c>RealizedPnl − Fee</c> to its wallet.</returns>
    /// <exception cref="ArgumentException">
    /// The fill is for another symbol or position side, has a non-positive price or quantity, or would take a hedge
    /// position through zero (a LONG below 0 or a SHORT above 0). The position is unchanged.
    /// </exception>
    public FillResult Apply(Fill fill)
    {
        Validate(fill);
        var delta = fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
        var price = fill.Price;
        FeesPaid += fill.Fee;

        if (Quantity == 0m || Math.Sign(delta) == Math.Sign(Quantity))
        {
            Increase(delta, price);
            IsolatedMargin -= IsIsolated ? fill.Fee : 0m;
            return new FillResult(0m, fill.Fee, 0m, fill.Quantity);
        }

        var size = Math.Abs(Quantity);
        var closed = Math.Min(fill.Quantity, size);
        var removedCost = closed == size ? CostBasis : Accounting.Quantize(CostBasis * closed / size);
        var realized = (closed * price * Math.Sign(Quantity)) - removedCost;
        RealizedPnl += realized;
        CostBasis -= removedCost;
        Quantity += Math.Sign(delta) * closed;

        if (IsIsolated)
        {
            // The closed share of the isolated wallet, after it has absorbed this fill's PnL and fee, goes back to cross.
            IsolatedMargin += realized - fill.Fee;
            IsolatedMargin -= Quantity == 0m ? IsolatedMargin : Accounting.Quantize(IsolatedMargin * closed / size);
        }

        var opened = fill.Quantity - closed;
        if (opened > 0m)
        {
            // One-way flip: the old position is gone; the rest opens at the fill price.
            Increase(Math.Sign(delta) * opened, price);
        }

        return new FillResult(realized, fill.Fee, closed, opened);
    }

    /// <summary>Settles one funding payment at <paramref name="markPrice"/>: pays <c>Quantity × mark × rate</c>.</summary>
    /// <param name="rate">The funding rate, already clamped to the symbol's cap and floor.</param>
    /// <param name="markPrice">The mark price at the funding time.</param>
    /// <returns>The amount paid: positive when a long pays a positive rate, negative when the position receives.</returns>
    public decimal ApplyFunding(decimal rate, decimal markPrice)
    {
        var paid = Quantity * markPrice * rate;
        FundingPaid += paid;
        if (IsIsolated)
        {
            IsolatedMargin -= paid;
        }

        return paid;
    }

    /// <summary>Unrealized PnL at a mark price: <c>Quantity × (mark − EntryPrice)</c>.</summary>
    public decimal UnrealizedPnl(decimal markPrice) => (Quantity * markPrice) - CostBasis;

    /// <summary>Position value at a mark price, always ≥ 0: <c>|Quantity| × mark</c>.</summary>
    public decimal Notional(decimal markPrice) => Math.Abs(Quantity) * markPrice;

    /// <summary>Signed position value at a mark price: <c>Quantity × mark</c> (negative for a short).</summary>
    public decimal SignedNotional(decimal markPrice) => Quantity * markPrice;

    /// <summary>Initial margin at a mark price: <c>notional / leverage</c>.</summary>
    public decimal InitialMargin(decimal markPrice) => Notional(markPrice) / Leverage;

    /// <summary>Maintenance margin at a mark price: <c>notional × mmr − cum</c> of the bracket containing the notional.</summary>
    /// <param name="markPrice">The mark price.</param>
    /// <param name="brackets">The symbol's bracket table, sorted by floor as the exchange returns it.</param>
    public decimal MaintenanceMargin(decimal markPrice, IReadOnlyList<LeverageBracket> brackets) =>
        IsOpen ? LeverageBrackets.MaintenanceMargin(brackets, Notional(markPrice)) : 0m;

    /// <summary>
    /// The mark price at which this isolated position is liquidated: where <c>IsolatedMargin + unrealized PnL</c>
    /// equals the maintenance margin, <c>p = (IsolatedMargin + cum − Quantity × EntryPrice) / (|Quantity| × mmr − Quantity)</c>
    /// with the bracket that contains <c>|Quantity| × p</c>.
    /// </summary>
    /// <returns>The unrounded price, or null when the position is flat or no positive price liquidates it.</returns>
    /// <exception cref="InvalidOperationException">The position is cross-margined.</exception>
    public decimal? EstimateIsolatedLiquidationPrice(IReadOnlyList<LeverageBracket> brackets)
    {
        if (!IsIsolated)
        {
            throw new InvalidOperationException(
                $"The {Symbol} {Side} position is cross-margined; use {nameof(EstimateCrossLiquidationPrice)} with the account's figures.");
        }

        return IsOpen ? LiquidationPriceSolver.Solve(IsolatedMargin, [AsLeg(brackets)], EntryPrice) : null;
    }

    /// <summary>
    /// The mark price at which this cross position is liquidated while every other cross position keeps its
    /// current value: where <c>crossWallet + otherUnrealized + unrealized</c> equals
    /// <c>otherMaintenance + maintenance</c>, i.e.
    /// <c>p = (W + U₀ − M₀ + cum − Quantity × EntryPrice) / (|Quantity| × mmr − Quantity)</c>
    /// (Binance's formula; with no other positions it is <c>(W + cum − Q × E) / (|Q| × mmr − Q)</c>).
    /// </summary>
    /// <param name="brackets">The symbol's bracket table, sorted by floor.</param>
    /// <param name="crossWalletBalance">The account's cross wallet balance <c>W</c> (wallet minus isolated wallets).</param>
    /// <param name="otherUnrealizedPnl">Unrealized PnL of the account's other cross positions <c>U₀</c>.</param>
    /// <param name="otherMaintenanceMargin">Maintenance margin of the account's other cross positions <c>M₀</c>.</param>
    /// <returns>The unrounded price, or null when the position is flat or no positive price liquidates it.</returns>
    public decimal? EstimateCrossLiquidationPrice(
        IReadOnlyList<LeverageBracket> brackets,
        decimal crossWalletBalance,
        decimal otherUnrealizedPnl,
        decimal otherMaintenanceMargin)
    {
        if (!IsOpen)
        {
            return null;
        }

        var fixedBalance = crossWalletBalance + otherUnrealizedPnl - otherMaintenanceMargin;
        return LiquidationPriceSolver.Solve(fixedBalance, [AsLeg(brackets)], EntryPrice);
    }

    /// <summary>Changes the leverage used for initial margin from now on; an isolated wallet keeps what it holds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The leverage is outside 1–125.</exception>
    public void SetLeverage(int leverage) => Leverage = CheckLeverage(leverage);

    /// <summary>Switches between cross and isolated margin, which the exchange allows only while the position is flat.</summary>
    /// <exception cref="InvalidOperationException">The position is open.</exception>
    public void SetMarginType(MarginType marginType)
    {
        CheckMarginType(marginType);
        if (marginType == MarginType)
        {
            return;
        }

        if (IsOpen)
        {
            throw new InvalidOperationException(
                $"Cannot change the margin type of {Symbol} {Side} while the position is open (Aster -4048); close it first.");
        }

        MarginType = marginType;
        IsolatedMargin = 0m;
    }

    /// <summary>Moves margin into (positive) or out of (negative) the isolated wallet (Aster's <c>positionMargin</c>).</summary>
    /// <exception cref="InvalidOperationException">The position is cross-margined or flat, or the wallet would go negative.</exception>
    public void AdjustIsolatedMargin(decimal amount)
    {
        if (!IsIsolated || !IsOpen)
        {
            throw new InvalidOperationException(
                $"Isolated margin of {Symbol} {Side} can be adjusted only on an open isolated position.");
        }

        if (IsolatedMargin + amount < 0m)
        {
            throw new InvalidOperationException(
                $"Cannot remove {-amount} USDT from the {Symbol} {Side} isolated wallet, which holds {IsolatedMargin}.");
        }

        IsolatedMargin += amount;
    }

    /// <summary>An immutable copy of the position's state.</summary>
    public PositionSnapshot ToSnapshot() => new(
        Symbol, Side, Quantity, CostBasis, RealizedPnl, FeesPaid, FundingPaid, Leverage, MarginType, IsolatedMargin);

    /// <summary>Rebuilds a position from a snapshot; <c>FromSnapshot(s).ToSnapshot() == s</c>.</summary>
    /// <exception cref="ArgumentException">The snapshot is inconsistent (a LONG below 0, a flat position with a cost, an isolated wallet on a cross position...).</exception>
    public static Position FromSnapshot(PositionSnapshot snapshot)
    {
        var position = new Position(snapshot.Symbol, snapshot.Side, snapshot.Leverage, snapshot.MarginType);
        if ((snapshot.Side == PositionSide.Long && snapshot.Quantity < 0m) ||
            (snapshot.Side == PositionSide.Short && snapshot.Quantity > 0m))
        {
            throw new ArgumentException(
                $"A {snapshot.Side} position cannot hold quantity {snapshot.Quantity} ({snapshot.Symbol}).", nameof(snapshot));
        }

        if (snapshot.Quantity == 0m && snapshot.CostBasis != 0m)
        {
            throw new ArgumentException(
                $"The flat {snapshot.Symbol} {snapshot.Side} position has cost basis {snapshot.CostBasis}; it must be 0.", nameof(snapshot));
        }

        if (snapshot.MarginType == MarginType.Cross && snapshot.IsolatedMargin != 0m)
        {
            throw new ArgumentException(
                $"The cross {snapshot.Symbol} {snapshot.Side} position has isolated margin {snapshot.IsolatedMargin}; it must be 0.", nameof(snapshot));
        }

        position.Quantity = snapshot.Quantity;
        position.CostBasis = snapshot.CostBasis;
        position.RealizedPnl = snapshot.RealizedPnl;
        position.FeesPaid = snapshot.FeesPaid;
        position.FundingPaid = snapshot.FundingPaid;
        position.IsolatedMargin = snapshot.IsolatedMargin;
        return position;
    }

    /// <summary>This position as a leg of a liquidation-price equation.</summary>
    internal LiquidationLeg AsLeg(IReadOnlyList<LeverageBracket> brackets) => new(Quantity, CostBasis, brackets);

    private bool IsIsolated => MarginType == MarginType.Isolated;

    private void Increase(decimal delta, decimal price)
    {
        Quantity += delta;
        CostBasis += delta * price;
        if (IsIsolated)
        {
            IsolatedMargin += Accounting.Quantize(Math.Abs(delta) * price / Leverage);
        }
    }

    private void Validate(Fill fill)
    {
        if (fill.Symbol != Symbol || fill.PositionSide != Side)
        {
            throw new ArgumentException(
                $"Fill {fill.TradeId} is for {fill.Symbol} {fill.PositionSide}, not for this {Symbol} {Side} position.", nameof(fill));
        }

        if (fill.Quantity <= 0m || fill.Price <= 0m)
        {
            throw new ArgumentException(
                $"Fill {fill.TradeId} on {Symbol} has quantity {fill.Quantity} and price {fill.Price}; both must be positive.", nameof(fill));
        }

        var after = Quantity + (fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity);
        if ((Side == PositionSide.Long && after < 0m) || (Side == PositionSide.Short && after > 0m))
        {
            throw new ArgumentException(
                $"Fill {fill.TradeId} ({fill.Side} {fill.Quantity} {Symbol}) would take the {Side} position from {Quantity} to {after}; " +
                "in hedge mode a LONG position cannot go below 0 nor a SHORT one above 0.",
                nameof(fill));
        }
    }

    private static int CheckLeverage(int leverage) =>
        leverage is >= 1 and <= MaxLeverage
            ? leverage
            : throw new ArgumentOutOfRangeException(nameof(leverage), leverage, $"Leverage must be between 1 and {MaxLeverage}.");

    private static MarginType CheckMarginType(MarginType marginType) =>
        Enum.IsDefined(marginType)
            ? marginType
            : throw new ArgumentOutOfRangeException(nameof(marginType), marginType, "Unknown margin type.");
}
