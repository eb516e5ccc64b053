namespace Rari.Domain.Orders;

/// <summary>Aster's spelling of the order enums, so that error messages use the words of the API.</summary>
internal static class OrderWireNames
{
    public static string Of(OrderType type) => type switch
    {
        OrderType.Limit => "LIMIT",
        OrderType.Market => "MARKET",
        OrderType.StopMarket => "STOP_MARKET",
        OrderType.TakeProfitMarket => "TAKE_PROFIT_MARKET",
        _ => type.ToString(),
    };

    public static string Of(OrderSide side) => side switch
    {
        OrderSide.Buy => "BUY",
        OrderSide.Sell => "SELL",
        _ => side.ToString(),
    };

    public static string Of(TimeInForce timeInForce) => timeInForce switch
    {
        TimeInForce.Gtc => "GTC",
        TimeInForce.Ioc => "IOC",
        TimeInForce.Fok => "FOK",
        TimeInForce.Gtx => "GTX",
        _ => timeInForce.ToString(),
    };

    public static string Of(PositionSide positionSide) => positionSide switch
    {
        PositionSide.Both => "BOTH",
        PositionSide.Long => "LONG",
        PositionSide.Short => "SHORT",
        _ => positionSide.ToString(),
    };
}
