using Rari.Domain.Market;
using Rari.Domain.Orders;

namespace Rari.Domain.Risk.Rules;

/// <summary>
/// Keeps an order to <see cref="RiskSettings.MaxDepthShare"/> of the visible depth it would trade against (the asks for
/// a BUY, the bids for a SELL) within <see cref="RiskSettings.DepthBand"/> of the touch. Resizes down to fit; denies when
/// that side of the book is empty. Skipped when the host keeps no book.
/// </summary>
/// <remarks>
/// Applied to every order type, resting ones included: a position that the nearby book could not absorb is too large
/// to get out of, however it was entered.
/// </remarks>
public sealed class DepthRule : IRiskRule
{
    private readonly decimal _band;
    private readonly decimal _share;

    /// <summary>Creates the rule.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public DepthRule(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var valid = settings.Validated();
        _band = valid.DepthBand;
        _share = valid.MaxDepthShare;
    }

    /// <inheritdoc />
    public string Name => RiskRuleNames.Depth;

    /// <inheritdoc />
    public RuleVerdict Evaluate(in RiskCheck check)
    {
        if (check.View.Book is not { } book)
        {
            return RuleVerdict.Approve(check.Quantity, "no order book: depth not checked");
        }

        var buying = check.Intent.Side == OrderSide.Buy;
        var side = buying ? BookSide.Ask : BookSide.Bid;
        var sideName = buying ? "asks" : "bids";
        if ((buying ? book.BestAsk : book.BestBid) is not { } touch)
        {
            return RuleVerdict.Deny(RiskText.Of($"the book has no {sideName}: no visible liquidity for a {OrderWireNames.Of(check.Intent.Side)}"));
        }

        var depth = book.DepthWithin(side, touch.Price * _band);
        var allowed = depth * _share;
        var measured = RiskText.Of(
            $"{check.Quantity} against {RiskText.Percent(_share)} of the {depth} {sideName} within {RiskText.Percent(_band)} of the touch {touch.Price} = {allowed}");
        return check.Quantity <= allowed
            ? RuleVerdict.Approve(check.Quantity, measured)
            : RiskSizing.Fit(check, allowed, measured);
    }
}
