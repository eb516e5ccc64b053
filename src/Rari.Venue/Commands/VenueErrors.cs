using System.Globalization;
using Rari.Domain.Instruments;

namespace Rari.Venue.Commands;

/// <summary>
/// The Aster errors the simulated venue returns, with the codes of the fact sheet (§5.3) and Binance-style messages
/// where Aster documents only the name. Filter violations keep the Domain's exact code and text
/// (<see cref="FromFilter"/>).
/// </summary>
public static class VenueErrors
{
    /// <summary>−1102: a mandatory parameter is missing for this order type.</summary>
    public static VenueError MandatoryParameter(string name) =>
        new(-1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    /// <summary>−1106: a parameter was sent that this order type or mode does not take.</summary>
    public static VenueError ParameterNotRequired(string name) => new(-1106, $"Parameter '{name}' sent when not required.");

    /// <summary>−1109: the account is not open on this venue.</summary>
    public static VenueError BadAccount { get; } = new(-1109, "Invalid account.");

    /// <summary>−1112: there is no price at all for the symbol yet, so a market order has nothing to trade against.</summary>
    public static VenueError NoDepth { get; } = new(-1112, "No orders on book for symbol.");

    /// <summary>−1115: an undefined timeInForce value.</summary>
    public static VenueError InvalidTimeInForce { get; } = new(-1115, "Invalid timeInForce.");

    /// <summary>−1116: an undefined order type.</summary>
    public static VenueError InvalidOrderType { get; } = new(-1116, "Invalid orderType.");

    /// <summary>−1117: an undefined side.</summary>
    public static VenueError InvalidSide { get; } = new(-1117, "Invalid side.");

    /// <summary>−1121: the symbol is not listed.</summary>
    public static VenueError BadSymbol { get; } = new(-1121, "Invalid symbol.");

    /// <summary>−1128: a combination of optional parameters that Aster refuses (e.g. closePosition BUY on LONG).</summary>
    public static VenueError BadCombination { get; } = new(-1128, "Combination of optional parameters invalid.");

    /// <summary>−1130: a parameter value is out of range (e.g. a negative countdown).</summary>
    public static VenueError InvalidParameter(string name) => new(-1130, $"Invalid data sent for a parameter '{name}'.");

    /// <summary>−2011: cancel of an order that is not open.</summary>
    public static VenueError UnknownOrder { get; } = new(-2011, "Unknown order sent.");

    /// <summary>−2013: query of an order that does not exist (or, for openOrder, is no longer open).</summary>
    public static VenueError NoSuchOrder { get; } = new(-2013, "Order does not exist.");

    /// <summary>−2018: a withdrawal above the available balance.</summary>
    public static VenueError BalanceInsufficient { get; } = new(-2018, "Balance is insufficient.");

    /// <summary>−2019: the available balance cannot cover the order's initial margin (and fees for takers).</summary>
    public static VenueError MarginInsufficient { get; } = new(-2019, "Margin is insufficient.");

    /// <summary>−2021: a STOP_MARKET / TAKE_PROFIT_MARKET whose condition already holds.</summary>
    public static VenueError WouldImmediatelyTrigger { get; } = new(-2021, "Order would immediately trigger.");

    /// <summary>−2022: a reduce-only (or hedge-mode closing) order with nothing to reduce.</summary>
    public static VenueError ReduceOnlyRejected { get; } = new(Domain.Orders.RejectionCodes.NothingToReduce, "ReduceOnly Order is rejected.");

    /// <summary>−2027: the position would exceed the maximum notional of the current leverage.</summary>
    public static VenueError MaxLeverageRatio { get; } = new(-2027, "Exceeded the maximum allowable position at current leverage.");

    /// <summary>−4015: the client order id is longer than 36 characters or has a character Aster refuses.</summary>
    public static VenueError InvalidClientOrderId { get; } = new(-4015, "Client order id is not valid.");

    /// <summary>−4028: a leverage outside 1 … the symbol's bracket maximum.</summary>
    public static VenueError InvalidLeverage(int leverage) =>
        new(-4028, string.Create(CultureInfo.InvariantCulture, $"Leverage {leverage} is not valid"));

    /// <summary>−4031: an undefined workingType.</summary>
    public static VenueError InvalidWorkingType { get; } = new(-4031, "Invalid workingType.");

    /// <summary>−4046: the margin type is already the one asked for.</summary>
    public static VenueError NoNeedToChangeMarginType { get; } = new(-4046, "No need to change margin type.");

    /// <summary>−4047: the margin type cannot change while the symbol has open orders.</summary>
    public static VenueError MarginTypeOpenOrders { get; } = new(-4047, "Margin type cannot be changed if there exists open orders.");

    /// <summary>−4048: the margin type cannot change while the symbol has a position.</summary>
    public static VenueError MarginTypePosition { get; } = new(-4048, "Margin type cannot be changed if there exists position.");

    /// <summary>−4049: isolated margin can only be moved for an isolated position.</summary>
    public static VenueError AddIsolatedMarginRejected { get; } = new(-4049, "Add margin only support for isolated position.");

    /// <summary>−4050: adding isolated margin beyond the available cross balance.</summary>
    public static VenueError CrossBalanceInsufficient { get; } = new(-4050, "Cross balance insufficient.");

    /// <summary>−4051: removing isolated margin would leave less than the position's initial margin.</summary>
    public static VenueError IsolatedBalanceInsufficient { get; } = new(-4051, "Isolated balance insufficient.");

    /// <summary>−4054: isolated margin cannot be moved for a flat position.</summary>
    public static VenueError NoPositionForMargin { get; } = new(-4054, "Cannot add position margin: position is 0.");

    /// <summary>−4055: an amount that must be positive was not.</summary>
    public static VenueError AmountMustBePositive { get; } = new(-4055, "Amount must be positive.");

    /// <summary>−4059: the position mode is already the one asked for.</summary>
    public static VenueError NoNeedToChangePositionSide { get; } = new(-4059, "No need to change position side.");

    /// <summary>−4060: an undefined position side.</summary>
    public static VenueError InvalidPositionSide { get; } = new(-4060, "Invalid position side.");

    /// <summary>−4061: the order's position side does not fit the account's position mode.</summary>
    public static VenueError PositionSideNotMatch { get; } = new(-4061, "Order's position side does not match user's setting.");

    /// <summary>−4067: the position mode cannot change while orders are open.</summary>
    public static VenueError PositionSideOpenOrders { get; } = new(-4067, "Position side cannot be changed if there exists open orders.");

    /// <summary>−4068: the position mode cannot change while a position exists.</summary>
    public static VenueError PositionSidePosition { get; } = new(-4068, "Position side cannot be changed if there exists position.");

    /// <summary>−4082: a batch with more orders than allowed (5 to place, 10 to cancel).</summary>
    public static VenueError InvalidBatchSize { get; } = new(-4082, "Invalid number of batch place orders.");

    /// <summary>−4116: the client order id is already used by an open order of the symbol (Binance's code; Aster's table omits it).</summary>
    public static VenueError DuplicateClientOrderId { get; } = new(-4116, "ClientOrderId is duplicated.");

    /// <summary>−4131: a MARKET order whose best counter price lies beyond the symbol's <c>marketTakeBound</c> from the mark price.</summary>
    public static VenueError MarketOrderRejected { get; } =
        new(-4131, "The counterparty's best price does not meet the PERCENT_PRICE filter limit.");

    /// <summary>−4137: a quantity sent together with closePosition=true.</summary>
    public static VenueError QuantityWithClosePosition { get; } = new(-4137, "Quantity must be zero with closePosition equals true.");

    /// <summary>−4161: lowering the leverage of an isolated symbol that holds a position.</summary>
    public static VenueError IsolatedLeverageWithPosition { get; } =
        new(-4161, "Leverage reduction is not supported in Isolated Margin Mode with open positions.");

    /// <summary>The violation's Aster code and exact message, e.g. −4014 "Price not increased by tick size.".</summary>
    public static VenueError FromFilter(FilterViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return new VenueError(violation.AsterCode, violation.Message);
    }
}
