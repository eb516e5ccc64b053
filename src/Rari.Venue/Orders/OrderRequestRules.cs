using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Venue.Commands;

namespace Rari.Venue.Orders;

/// <summary>
/// The checks Aster makes on a new order's parameters before any filter: defined values, the parameters each type
/// needs and refuses, closePosition and reduceOnly rules, position side against the position mode (§3.3, §6.3), and
/// the client order id's form.
/// </summary>
internal static class OrderRequestRules
{
    /// <summary>The first problem with the request's shape, or null when it is well formed.</summary>
    public static VenueError? Check(NewOrderRequest request, PositionMode mode)
    {
        return CheckDefined(request)
            ?? CheckParameters(request)
            ?? CheckPositionSide(request, mode)
            ?? (request.ClientOrderId is { } id && !ClientOrderId.IsValid(id) ? VenueErrors.InvalidClientOrderId : null);
    }

    private static VenueError? CheckDefined(NewOrderRequest request)
    {
        if (!Enum.IsDefined(request.Side))
        {
            return VenueErrors.InvalidSide;
        }

        if (!Enum.IsDefined(request.Type))
        {
            return VenueErrors.InvalidOrderType;
        }

        if (request.TimeInForce is { } timeInForce && !Enum.IsDefined(timeInForce))
        {
            return VenueErrors.InvalidTimeInForce;
        }

        if (!Enum.IsDefined(request.WorkingType))
        {
            return VenueErrors.InvalidWorkingType;
        }

        return request.PositionSide is { } positionSide && !Enum.IsDefined(positionSide) ? VenueErrors.InvalidPositionSide : null;
    }

    private static VenueError? CheckParameters(NewOrderRequest request)
    {
        var conditional = request.Type is OrderType.StopMarket or OrderType.TakeProfitMarket;
        if (request.ClosePosition && !conditional)
        {
            return VenueErrors.ParameterNotRequired("closePosition");
        }

        switch (request.Type)
        {
            case OrderType.Limit:
                return request.TimeInForce is null ? VenueErrors.MandatoryParameter("timeInForce")
                    : request.Quantity is null ? VenueErrors.MandatoryParameter("quantity")
                    : request.Price is null ? VenueErrors.MandatoryParameter("price")
                    : request.StopPrice is not null ? VenueErrors.ParameterNotRequired("stopPrice")
                    : null;
            case OrderType.Market:
                return request.Quantity is null ? VenueErrors.MandatoryParameter("quantity")
                    : request.Price is not null ? VenueErrors.ParameterNotRequired("price")
                    : request.StopPrice is not null ? VenueErrors.ParameterNotRequired("stopPrice")
                    : request.TimeInForce is not null ? VenueErrors.ParameterNotRequired("timeInForce")
                    : null;
            default:
                // Conditional orders may carry GTC, their documented default; nothing else.
                return request.StopPrice is null ? VenueErrors.MandatoryParameter("stopPrice")
                    : request.Price is not null ? VenueErrors.ParameterNotRequired("price")
                    : request.TimeInForce is { } tif && tif != TimeInForce.Gtc ? VenueErrors.ParameterNotRequired("timeInForce")
                    : request.ClosePosition && request.Quantity is not null ? VenueErrors.QuantityWithClosePosition
                    : request.ClosePosition && request.ReduceOnly ? VenueErrors.ParameterNotRequired("reduceOnly")
                    : !request.ClosePosition && request.Quantity is null ? VenueErrors.MandatoryParameter("quantity")
                    : null;
        }
    }

    private static VenueError? CheckPositionSide(NewOrderRequest request, PositionMode mode)
    {
        var positionSide = request.PositionSide ?? PositionSide.Both;
        if (mode == PositionMode.OneWay)
        {
            return positionSide == PositionSide.Both ? null : VenueErrors.PositionSideNotMatch;
        }

        if (positionSide == PositionSide.Both)
        {
            return VenueErrors.PositionSideNotMatch;
        }

        if (request.ReduceOnly)
        {
            // §6.3: hedge mode implies closing by side and position side; reduceOnly must not be sent.
            return VenueErrors.ParameterNotRequired("reduceOnly");
        }

        // In hedge mode BUY on LONG and SELL on SHORT open a position, so there is nothing for closePosition to close.
        return request.ClosePosition && !VenueOrder.IsHedgeClosing(request.Side, positionSide) ? VenueErrors.BadCombination : null;
    }
}
