using Rari.Domain.Market;
using Rari.Domain.Orders;

namespace Rari.Domain.Risk.Rules;

/// <summary>
/// Keeps a MARKET order's estimated slippage within <see cref="RiskSettings.MaxSlippage"/>: the average price of sweeping
/// the book (<see cref="OrderBook.EstimateMarketFill"/>) measured from the touch. Resizes down to the largest quantity
/// whose sweep stays within the limit; denies when the side is empty. Other order types, and hosts without a book, pass.
/// </summary>
public sealed class SlippageRule : IRiskRule
{
    private readonly decimal _maxSlippage;

    /// <summary>Creates the rule.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public SlippageRule(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _maxSlippage = settings.Validated().MaxSlippage;
    }

    /// <inheritdoc />
    public string Name => RiskRuleNames.Slippage;

    /// <inheritdoc />
    public RuleVerdict Evaluate(in RiskCheck check)
    {
        if (check.Intent.Type != OrderType.Market)
        {
            return RuleVerdict.Approve(check.Quantity, "not a MARKET order: no sweep to estimate");
        }

        if (check.View.Book is not { } book)
        {
            return RuleVerdict.Approve(check.Quantity, "no order book: slippage not estimated");
        }

        var side = check.Intent.Side;
        var sideText = OrderWireNames.Of(side);
        var estimate = book.EstimateMarketFill(side, check.Quantity);
        if (estimate.FilledQuantity == 0m)
        {
            return RuleVerdict.Deny(RiskText.Of($"the book has no {(side == OrderSide.Buy ? "asks" : "bids")}: a MARKET {sideText} cannot fill"));
        }

        var sweep = RiskText.Of(
            $"a MARKET {sideText} of {check.Quantity} would average {estimate.AveragePrice}, {RiskText.Percent(estimate.SlippageFraction)} from the touch {estimate.TouchPrice}");
        if (!estimate.IsComplete)
        {
            sweep = RiskText.Of(
                $"the book holds only {estimate.FilledQuantity} of a MARKET {sideText} of {check.Quantity}, at an average {estimate.AveragePrice}, {RiskText.Percent(estimate.SlippageFraction)} from the touch {estimate.TouchPrice}");
        }
        else if (estimate.SlippageFraction <= _maxSlippage)
        {
            return RuleVerdict.Approve(check.Quantity, RiskText.Of($"{sweep}, within {RiskText.Percent(_maxSlippage)}"));
        }

        var largest = LargestWithin(book, side, estimate.TouchPrice);
        var rounded = check.View.Instrument.RoundQuantityDown(largest, OrderType.Market);
        if (rounded > 0m && book.EstimateMarketFill(side, rounded).SlippageFraction > _maxSlippage)
        {
            // The bound is solved with a decimal division; step back once if its last digit tipped the sweep over.
            largest = rounded - check.View.Instrument.MarketLotSize.StepSize;
        }

        return RiskSizing.Fit(check, largest, RiskText.Of($"{sweep}, beyond {RiskText.Percent(_maxSlippage)}"));
    }

    /// <summary>
    /// The largest quantity whose sweep averages no worse than <c>touch × (1 ± max)</c>: whole levels while the average
    /// stays within the bound, then the part of the next level that brings the average exactly to the bound.
    /// </summary>
    private decimal LargestWithin(OrderBook book, OrderSide side, decimal touch)
    {
        var buying = side == OrderSide.Buy;
        var bookSide = buying ? BookSide.Ask : BookSide.Bid;
        var bound = buying ? touch * (1m + _maxSlippage) : touch * (1m - _maxSlippage);
        var filled = 0m;
        var notional = 0m;
        var levels = book.LevelCount(bookSide);
        for (var depth = 0; depth < levels; depth++)
        {
            var level = book.LevelAt(bookSide, depth);
            var inside = buying ? level.Price <= bound : level.Price >= bound;
            if (!inside)
            {
                // (notional + x·p) / (filled + x) = bound  ⇒  x = (bound·filled − notional) / (p − bound), on both sides.
                var part = ((bound * filled) - notional) / (level.Price - bound);
                if (part < level.Quantity)
                {
                    return filled + Math.Max(0m, part);
                }
            }

            filled += level.Quantity;
            notional += level.Quantity * level.Price;
        }

        return filled;
    }
}
