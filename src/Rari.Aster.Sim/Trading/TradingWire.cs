using Rari.Aster.Sim.Http;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Venue.Accounts;
using Rari.Venue.Events;
using Rari.Venue.Orders;

namespace Rari.Aster.Sim.Trading;

/// <summary>
/// The wire words of the trading endpoints (fact sheet §3.3, §3.4, §4.5): Aster's text for each venue enum, and the
/// parsers that turn request text into them with Aster's error codes.
/// </summary>
/// <remarks>
/// Kept apart from the client's own vocabulary (Rari.Aster) on purpose: the simulator is a second, independent
/// reading of the fact sheet, so a misreading in one does not hide in the other.
/// </remarks>
internal static class TradingWire
{
    public static string Side(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    public static string PositionSide(PositionSide side) => side switch
    {
        Domain.Orders.PositionSide.Long => "LONG",
        Domain.Orders.PositionSide.Short => "SHORT",
        _ => "BOTH",
    };

    /// <summary>The order type as reported; a liquidation order is <c>LIQUIDATION</c> whatever the venue holds.</summary>
    public static string Type(OrderType type, bool liquidation) => liquidation ? "LIQUIDATION" : type switch
    {
        OrderType.Limit => "LIMIT",
        OrderType.Market => "MARKET",
        OrderType.StopMarket => "STOP_MARKET",
        _ => "TAKE_PROFIT_MARKET",
    };

    public static string TimeInForce(TimeInForce timeInForce) => timeInForce switch
    {
        Domain.Orders.TimeInForce.Ioc => "IOC",
        Domain.Orders.TimeInForce.Fok => "FOK",
        Domain.Orders.TimeInForce.Gtx => "GTX",
        _ => "GTC",
    };

    /// <summary>The order status: the venue's Accepted is Aster's <c>NEW</c>.</summary>
    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.PartiallyFilled => "PARTIALLY_FILLED",
        OrderStatus.Filled => "FILLED",
        OrderStatus.Canceled => "CANCELED",
        OrderStatus.Expired => "EXPIRED",
        OrderStatus.Rejected => "REJECTED",
        _ => "NEW",
    };

    public static string Execution(ExecutionType execution) => execution switch
    {
        ExecutionType.Trade => "TRADE",
        ExecutionType.Canceled => "CANCELED",
        ExecutionType.Expired => "EXPIRED",
        ExecutionType.Calculated => "CALCULATED",
        _ => "NEW",
    };

    public static string WorkingType(WorkingType workingType) =>
        workingType == Venue.Orders.WorkingType.MarkPrice ? "MARK_PRICE" : "CONTRACT_PRICE";

    /// <summary>The margin type as positionRisk and ACCOUNT_UPDATE write it: <c>isolated</c> or <c>cross</c>.</summary>
    public static string MarginTypeLower(MarginType marginType) => marginType == MarginType.Isolated ? "isolated" : "cross";

    /// <summary>The margin type as MARGIN_CALL writes it: <c>ISOLATED</c> or <c>CROSSED</c>.</summary>
    public static string MarginTypeUpper(MarginType marginType) => marginType == MarginType.Isolated ? "ISOLATED" : "CROSSED";

    public static string IncomeType(IncomeType type) => type switch
    {
        Venue.Accounts.IncomeType.Transfer => "TRANSFER",
        Venue.Accounts.IncomeType.RealizedPnl => "REALIZED_PNL",
        Venue.Accounts.IncomeType.FundingFee => "FUNDING_FEE",
        Venue.Accounts.IncomeType.Commission => "COMMISSION",
        _ => "INSURANCE_CLEAR",
    };

    public static string AccountUpdateReason(AccountUpdateReason reason) => reason switch
    {
        Venue.Events.AccountUpdateReason.Deposit => "DEPOSIT",
        Venue.Events.AccountUpdateReason.Withdraw => "WITHDRAW",
        Venue.Events.AccountUpdateReason.FundingFee => "FUNDING_FEE",
        Venue.Events.AccountUpdateReason.MarginTransfer => "MARGIN_TRANSFER",
        _ => "ORDER",
    };

    /// <summary>Whether <paramref name="text"/> is a self-trade prevention mode: EXPIRE_TAKER, EXPIRE_MAKER or EXPIRE_BOTH.</summary>
    public static bool IsStpMode(string text) => text is "EXPIRE_TAKER" or "EXPIRE_MAKER" or "EXPIRE_BOTH";

    /// <summary><c>side</c>: BUY or SELL, else −1117.</summary>
    public static OrderSide ParseSide(string text) => text switch
    {
        "BUY" => OrderSide.Buy,
        "SELL" => OrderSide.Sell,
        _ => throw Refuse(-1117, "Invalid side."),
    };

    /// <summary>
    /// <c>type</c>: the four types the venue matches; Aster's other types (STOP, TAKE_PROFIT, TRAILING_STOP_MARKET) are
    /// refused with −1020 because this simulator does not run them, and anything else is −1116.
    /// </summary>
    public static OrderType ParseType(string text) => text switch
    {
        "LIMIT" => OrderType.Limit,
        "MARKET" => OrderType.Market,
        "STOP_MARKET" => OrderType.StopMarket,
        "TAKE_PROFIT_MARKET" => OrderType.TakeProfitMarket,
        "STOP" or "TAKE_PROFIT" or "TRAILING_STOP_MARKET" => throw new AsterErrorException(AsterErrors.Unsupported(
            $"Order type {text} is not supported by this simulator; use LIMIT, MARKET, STOP_MARKET or TAKE_PROFIT_MARKET.")),
        _ => throw Refuse(-1116, "Invalid orderType."),
    };

    /// <summary><c>timeInForce</c>: GTC, IOC, FOK or GTX; HIDDEN is refused with −1020, anything else −1115.</summary>
    public static TimeInForce ParseTimeInForce(string text) => text switch
    {
        "GTC" => Domain.Orders.TimeInForce.Gtc,
        "IOC" => Domain.Orders.TimeInForce.Ioc,
        "FOK" => Domain.Orders.TimeInForce.Fok,
        "GTX" => Domain.Orders.TimeInForce.Gtx,
        "HIDDEN" => throw new AsterErrorException(AsterErrors.Unsupported("timeInForce HIDDEN is not supported by this simulator.")),
        _ => throw Refuse(-1115, "Invalid timeInForce."),
    };

    /// <summary><c>positionSide</c>: BOTH, LONG or SHORT, else −4060.</summary>
    public static PositionSide ParsePositionSide(string text) => text switch
    {
        "BOTH" => Domain.Orders.PositionSide.Both,
        "LONG" => Domain.Orders.PositionSide.Long,
        "SHORT" => Domain.Orders.PositionSide.Short,
        _ => throw Refuse(-4060, "Invalid position side."),
    };

    /// <summary><c>workingType</c>: MARK_PRICE or CONTRACT_PRICE, else −4031.</summary>
    public static WorkingType ParseWorkingType(string text) => text switch
    {
        "CONTRACT_PRICE" => Venue.Orders.WorkingType.ContractPrice,
        "MARK_PRICE" => Venue.Orders.WorkingType.MarkPrice,
        _ => throw Refuse(-4031, "Invalid workingType."),
    };

    /// <summary><c>marginType</c>: ISOLATED or CROSSED (CROSS too, as some clients send it), else −1130.</summary>
    public static MarginType ParseMarginType(string text) => text.ToUpperInvariant() switch
    {
        "ISOLATED" => MarginType.Isolated,
        "CROSSED" or "CROSS" => MarginType.Cross,
        _ => throw new AsterErrorException(AsterErrors.InvalidParameter("marginType", "use ISOLATED or CROSSED.")),
    };

    /// <summary><c>incomeType</c>; null for the types that exist on Aster but never occur here (an empty answer).</summary>
    public static IncomeType? ParseIncomeType(string text) => text switch
    {
        "TRANSFER" => Venue.Accounts.IncomeType.Transfer,
        "REALIZED_PNL" => Venue.Accounts.IncomeType.RealizedPnl,
        "FUNDING_FEE" => Venue.Accounts.IncomeType.FundingFee,
        "COMMISSION" => Venue.Accounts.IncomeType.Commission,
        "INSURANCE_CLEAR" => Venue.Accounts.IncomeType.InsuranceClear,
        "WELCOME_BONUS" or "MARKET_MERCHANT_RETURN_REWARD" => null,
        _ => throw new AsterErrorException(AsterErrors.InvalidParameter("incomeType", $"'{text}' is not an income type.")),
    };

    private static AsterErrorException Refuse(int code, string message) => new(new AsterError(code, message));
}
