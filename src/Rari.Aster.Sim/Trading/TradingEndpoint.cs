namespace Rari.Aster.Sim.Trading;

/// <summary>
/// The account and order endpoints the trading engine answers (fact sheet §3.3–3.4). The simulator authenticates,
/// rate-limits and logs them, then hands them to <see cref="ISimTradingApi"/>.
/// </summary>
public enum TradingEndpoint
{
    /// <summary><c>POST /fapi/{v1,v3}/order</c>.</summary>
    NewOrder = 1,

    /// <summary><c>PUT /fapi/v3/order</c>: change a LIMIT order's price and quantity.</summary>
    ModifyOrder = 2,

    /// <summary><c>POST /fapi/{v1,v3}/batchOrders</c> (at most 5).</summary>
    NewBatchOrders = 3,

    /// <summary><c>GET /fapi/{v1,v3}/order</c>.</summary>
    QueryOrder = 4,

    /// <summary><c>DELETE /fapi/{v1,v3}/order</c>.</summary>
    CancelOrder = 5,

    /// <summary><c>DELETE /fapi/{v1,v3}/batchOrders</c> (at most 10).</summary>
    CancelBatchOrders = 6,

    /// <summary><c>DELETE /fapi/{v1,v3}/allOpenOrders</c>.</summary>
    CancelAllOpenOrders = 7,

    /// <summary><c>POST /fapi/{v1,v3}/countdownCancelAll</c>.</summary>
    CountdownCancelAll = 8,

    /// <summary><c>GET /fapi/{v1,v3}/openOrder</c>.</summary>
    QueryOpenOrder = 9,

    /// <summary><c>GET /fapi/{v1,v3}/openOrders</c>.</summary>
    OpenOrders = 10,

    /// <summary><c>GET /fapi/{v1,v3}/allOrders</c>.</summary>
    AllOrders = 11,

    /// <summary><c>GET /fapi/v2/balance</c>, <c>GET /fapi/v3/balance</c>.</summary>
    Balance = 12,

    /// <summary><c>GET /fapi/v4/account</c>, <c>/fapi/v3/accountWithJoinMargin</c>, <c>/fapi/v3/account</c>.</summary>
    Account = 13,

    /// <summary><c>GET /fapi/v2/positionRisk</c>, <c>GET /fapi/v3/positionRisk</c>.</summary>
    PositionRisk = 14,

    /// <summary><c>POST …/leverage</c>.</summary>
    ChangeLeverage = 15,

    /// <summary><c>POST …/marginType</c>.</summary>
    ChangeMarginType = 16,

    /// <summary><c>POST …/positionMargin</c>.</summary>
    ModifyPositionMargin = 17,

    /// <summary><c>GET …/positionMargin/history</c>.</summary>
    PositionMarginHistory = 18,

    /// <summary><c>GET …/positionSide/dual</c>.</summary>
    GetPositionMode = 19,

    /// <summary><c>POST …/positionSide/dual</c>.</summary>
    ChangePositionMode = 20,

    /// <summary><c>GET …/multiAssetsMargin</c>.</summary>
    GetMultiAssetsMode = 21,

    /// <summary><c>POST …/multiAssetsMargin</c>.</summary>
    ChangeMultiAssetsMode = 22,

    /// <summary><c>GET …/userTrades</c>.</summary>
    UserTrades = 23,

    /// <summary><c>GET …/income</c>.</summary>
    Income = 24,

    /// <summary><c>GET …/adlQuantile</c>.</summary>
    AdlQuantile = 25,

    /// <summary><c>GET …/forceOrders</c>.</summary>
    ForceOrders = 26,

    /// <summary><c>GET /fapi/v3/stpMode</c>.</summary>
    GetStpMode = 27,

    /// <summary><c>POST /fapi/v3/stpMode</c>.</summary>
    ChangeStpMode = 28,

    /// <summary><c>GET /fapi/v1/remainingOpenableNotionalValue</c>.</summary>
    RemainingOpenableNotional = 29,

    /// <summary><c>POST …/asset/wallet/transfer</c>.</summary>
    WalletTransfer = 30,

    /// <summary><c>POST /fapi/v3/chase</c>.</summary>
    ChaseOrder = 31,
}
