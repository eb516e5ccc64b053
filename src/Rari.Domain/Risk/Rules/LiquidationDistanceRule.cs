using Rari.Domain.Orders;
using Rari.Domain.Portfolio;

namespace Rari.Domain.Risk.Rules;

/// <summary>
/// Denies an order whose resulting position would have its estimated liquidation price within a buffer of the mark:
/// <see cref="RiskSettings.LiquidationBufferAtr"/> ATRs, and at least <see cref="RiskSettings.MinLiquidationDistance"/>
/// of the mark (the only buffer while the ATR is unknown).
/// </summary>
/// <remarks>
/// <para>The estimate is the portfolio's (Binance's formula, with the symbol's leverage brackets): for an isolated
/// position, where its wallet plus unrealized PnL meets its maintenance margin, the wallet having received
/// <c>opened quantity × price / leverage</c>; for a cross position, where the cross margin balance meets the cross
/// maintenance margin, the other symbols held at their marks. The resulting position is the current one plus this
/// whole order filled at its reference price (fees and resting orders left out); an order that flips a cross position
/// first realizes the old position's PnL into the cross wallet, as the portfolio books it.</para>
/// <para>An order that only shrinks the position passes: its liquidation price can only move away.</para>
/// </remarks>
public sealed class LiquidationDistanceRule : IRiskRule
{
    private readonly decimal _bufferAtr;
    private readonly decimal _minDistance;

    /// <summary>Creates the rule.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public LiquidationDistanceRule(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var valid = settings.Validated();
        _bufferAtr = valid.LiquidationBufferAtr;
        _minDistance = valid.MinLiquidationDistance;
    }

    /// <inheritdoc />
    public string Name => RiskRuleNames.LiquidationDistance;

    /// <inheritdoc />
    public RuleVerdict Evaluate(in RiskCheck check)
    {
        var opening = check.OpeningQuantity;
        if (opening == 0m)
        {
            return RuleVerdict.Approve(check.Quantity, "only shrinks the position: its liquidation price moves away");
        }

        var view = check.View;
        var mark = view.MarkPrice;
        var resulting = check.ResultingQuantity;
        var liquidation = EstimateLiquidationPrice(check);
        if (liquidation is not { } price)
        {
            return RuleVerdict.Approve(check.Quantity, RiskText.Of(
                $"the resulting position of {resulting} cannot be liquidated by a price move"));
        }

        var atr = view.AverageTrueRange;
        var buffer = Math.Max(_bufferAtr * (atr ?? 0m), _minDistance * mark);
        var distance = Math.Sign(resulting) * (mark - price);
        var bufferText = atr is { } known
            ? RiskText.Of($"max({_bufferAtr} × ATR {known}, {RiskText.Percent(_minDistance)} of the mark) = {buffer}")
            : RiskText.Of($"{RiskText.Percent(_minDistance)} of the mark = {buffer} (ATR unknown)");
        var measured = RiskText.Of(
            $"the resulting position of {resulting} would be liquidated near {price}, {distance} from the mark {mark}");
        return distance > buffer
            ? RuleVerdict.Approve(check.Quantity, RiskText.Of($"{measured}, beyond the buffer {bufferText}"))
            : RuleVerdict.Deny(RiskText.Of($"{measured}, within the buffer {bufferText}"));
    }

    private static decimal? EstimateLiquidationPrice(in RiskCheck check)
    {
        var view = check.View;
        var brackets = view.Instrument.LeverageBrackets;
        var side = check.Intent.PositionSide;
        var position = view.PositionOn(side);
        var opening = check.OpeningQuantity;
        var direction = check.Direction;
        var price = check.ReferencePrice;

        // An order that closes the position and opens the other way leaves only the opened part, at the order's price.
        var flips = check.ClosingQuantity > 0m;
        var quantity = check.ResultingQuantity;
        var costBasis = flips ? quantity * price : (position?.CostBasis ?? 0m) + (direction * check.Quantity * price);
        var addedMargin = opening * price / view.Leverage;

        if (view.MarginType == MarginType.Isolated)
        {
            var wallet = (flips ? 0m : position?.IsolatedWallet ?? 0m) + addedMargin;
            return LiquidationPriceSolver.Solve(wallet, [new LiquidationLeg(quantity, costBasis, brackets)], view.MarkPrice);
        }

        // Cross: everything outside this symbol's cross positions is held at its current value; a flip first realizes
        // the closed position's PnL at the order's price into the cross wallet.
        var context = check.Context;
        var fixedBalance = context.CrossWalletBalance;
        if (flips && position is { } closed)
        {
            fixedBalance += (closed.Quantity * price) - closed.CostBasis;
        }

        var legs = new List<LiquidationLeg>(2) { new(quantity, costBasis, brackets) };
        foreach (var other in context.Symbols)
        {
            foreach (var held in other.Positions)
            {
                if (held.MarginType != MarginType.Cross || !held.IsOpen)
                {
                    continue;
                }

                if (other.Symbol != view.Symbol)
                {
                    fixedBalance += held.UnrealizedPnl - held.MaintenanceMargin;
                }
                else if (held.Side != side)
                {
                    // The other hedge leg moves with the same price.
                    legs.Add(new LiquidationLeg(held.Quantity, held.CostBasis, brackets));
                }
            }
        }

        return LiquidationPriceSolver.Solve(fixedBalance, legs, view.MarkPrice);
    }
}
