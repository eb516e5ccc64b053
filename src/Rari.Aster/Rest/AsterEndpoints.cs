namespace Rari.Aster.Rest;

/// <summary>The endpoints the client calls, with the paths, security types and weights of the fact sheet (§3.0).</summary>
public static class AsterEndpoints
{
    /// <summary>Connectivity check; answers <c>{}</c>.</summary>
    public static AsterEndpoint Ping { get; } = new(HttpMethod.Get, "/fapi/v1/ping", "/fapi/v3/ping", EndpointSecurity.None, 1, IsSafeToRetry: true);

    /// <summary>Server time, <c>{"serverTime":…}</c>.</summary>
    public static AsterEndpoint Time { get; } = new(HttpMethod.Get, "/fapi/v1/time", "/fapi/v3/time", EndpointSecurity.None, 1, IsSafeToRetry: true);

    /// <summary>Symbols, filters and rate limits.</summary>
    public static AsterEndpoint ExchangeInfo { get; } = new(HttpMethod.Get, "/fapi/v1/exchangeInfo", "/fapi/v3/exchangeInfo", EndpointSecurity.None, 1, IsSafeToRetry: true);

    /// <summary>Order-book snapshot; weight 2/5/10/20 for limit ≤50/100/500/1000.</summary>
    public static AsterEndpoint Depth { get; } = new(HttpMethod.Get, "/fapi/v1/depth", "/fapi/v3/depth", EndpointSecurity.None, 2, IsSafeToRetry: true);

    /// <summary>Recent trades.</summary>
    public static AsterEndpoint Trades { get; } = new(HttpMethod.Get, "/fapi/v1/trades", "/fapi/v3/trades", EndpointSecurity.None, 1, IsSafeToRetry: true);

    /// <summary>Aggregate trades.</summary>
    public static AsterEndpoint AggTrades { get; } = new(HttpMethod.Get, "/fapi/v1/aggTrades", "/fapi/v3/aggTrades", EndpointSecurity.None, 20, IsSafeToRetry: true);

    /// <summary>Klines; weight 1/2/5/10 for limit below 100/500/1000/above.</summary>
    public static AsterEndpoint Klines { get; } = new(HttpMethod.Get, "/fapi/v1/klines", "/fapi/v3/klines", EndpointSecurity.None, 1, IsSafeToRetry: true);

    /// <summary>Mark price and current funding rate.</summary>
    public static AsterEndpoint PremiumIndex { get; } = new(HttpMethod.Get, "/fapi/v1/premiumIndex", "/fapi/v3/premiumIndex", EndpointSecurity.None, 1, IsSafeToRetry: true);

    /// <summary>Settled funding-rate history.</summary>
    public static AsterEndpoint FundingRate { get; } = new(HttpMethod.Get, "/fapi/v1/fundingRate", "/fapi/v3/fundingRate", EndpointSecurity.None, 1, IsSafeToRetry: true);

    /// <summary>Funding interval, cap and floor per symbol.</summary>
    public static AsterEndpoint FundingInfo { get; } = new(HttpMethod.Get, "/fapi/v1/fundingInfo", "/fapi/v3/fundingInfo", EndpointSecurity.None, 1, IsSafeToRetry: true);

    /// <summary>Rolling 24 h statistics; weight 40 without a symbol.</summary>
    public static AsterEndpoint Ticker24Hour { get; } = new(HttpMethod.Get, "/fapi/v1/ticker/24hr", "/fapi/v3/ticker/24hr", EndpointSecurity.None, 1, IsSafeToRetry: true);

    /// <summary>Last price; weight 2 without a symbol.</summary>
    public static AsterEndpoint TickerPrice { get; } = new(HttpMethod.Get, "/fapi/v1/ticker/price", "/fapi/v3/ticker/price", EndpointSecurity.None, 1, IsSafeToRetry: true);

    /// <summary>Best bid and ask; weight 2 without a symbol.</summary>
    public static AsterEndpoint BookTicker { get; } = new(HttpMethod.Get, "/fapi/v1/ticker/bookTicker", "/fapi/v3/ticker/bookTicker", EndpointSecurity.None, 1, IsSafeToRetry: true);

    /// <summary>Places an order. Never repeated: an unknown outcome is resolved by querying the client order id.</summary>
    public static AsterEndpoint NewOrder { get; } = new(HttpMethod.Post, "/fapi/v1/order", "/fapi/v3/order", EndpointSecurity.Signed, 1, IsSafeToRetry: false, PlacesOrders: true);

    /// <summary>One order by id or client order id.</summary>
    public static AsterEndpoint QueryOrder { get; } = new(HttpMethod.Get, "/fapi/v1/order", "/fapi/v3/order", EndpointSecurity.Signed, 1, IsSafeToRetry: true);

    /// <summary>Cancels one order.</summary>
    public static AsterEndpoint CancelOrder { get; } = new(HttpMethod.Delete, "/fapi/v1/order", "/fapi/v3/order", EndpointSecurity.Signed, 1, IsSafeToRetry: true);

    /// <summary>Places up to 5 orders.</summary>
    public static AsterEndpoint BatchOrders { get; } = new(HttpMethod.Post, "/fapi/v1/batchOrders", "/fapi/v3/batchOrders", EndpointSecurity.Signed, 5, IsSafeToRetry: false, PlacesOrders: true);

    /// <summary>Cancels up to 10 orders.</summary>
    public static AsterEndpoint CancelBatchOrders { get; } = new(HttpMethod.Delete, "/fapi/v1/batchOrders", "/fapi/v3/batchOrders", EndpointSecurity.Signed, 1, IsSafeToRetry: true);

    /// <summary>Cancels every open order of a symbol.</summary>
    public static AsterEndpoint CancelAllOpenOrders { get; } = new(HttpMethod.Delete, "/fapi/v1/allOpenOrders", "/fapi/v3/allOpenOrders", EndpointSecurity.Signed, 1, IsSafeToRetry: true);

    /// <summary>Arms (or stops, with 0) the dead-man's switch of a symbol; setting it again is harmless.</summary>
    public static AsterEndpoint CountdownCancelAll { get; } = new(HttpMethod.Post, "/fapi/v1/countdownCancelAll", "/fapi/v3/countdownCancelAll", EndpointSecurity.Signed, 10, IsSafeToRetry: true);

    /// <summary>One open order.</summary>
    public static AsterEndpoint OpenOrder { get; } = new(HttpMethod.Get, "/fapi/v1/openOrder", "/fapi/v3/openOrder", EndpointSecurity.Signed, 1, IsSafeToRetry: true);

    /// <summary>Open orders; weight 40 without a symbol.</summary>
    public static AsterEndpoint OpenOrders { get; } = new(HttpMethod.Get, "/fapi/v1/openOrders", "/fapi/v3/openOrders", EndpointSecurity.Signed, 1, IsSafeToRetry: true);

    /// <summary>Orders of a symbol, open or not.</summary>
    public static AsterEndpoint AllOrders { get; } = new(HttpMethod.Get, "/fapi/v1/allOrders", "/fapi/v3/allOrders", EndpointSecurity.Signed, 5, IsSafeToRetry: true);

    /// <summary>Whether hedge mode is on.</summary>
    public static AsterEndpoint GetPositionMode { get; } = new(HttpMethod.Get, "/fapi/v1/positionSide/dual", "/fapi/v3/positionSide/dual", EndpointSecurity.Signed, 30, IsSafeToRetry: true);

    /// <summary>Switches hedge mode (a repeat answers −4059).</summary>
    public static AsterEndpoint SetPositionMode { get; } = new(HttpMethod.Post, "/fapi/v1/positionSide/dual", "/fapi/v3/positionSide/dual", EndpointSecurity.Signed, 1, IsSafeToRetry: false);

    /// <summary>Sets ISOLATED or CROSSED (a repeat answers −4046).</summary>
    public static AsterEndpoint MarginType { get; } = new(HttpMethod.Post, "/fapi/v1/marginType", "/fapi/v3/marginType", EndpointSecurity.Signed, 1, IsSafeToRetry: false);

    /// <summary>Sets a symbol's leverage; setting it again is harmless.</summary>
    public static AsterEndpoint Leverage { get; } = new(HttpMethod.Post, "/fapi/v1/leverage", "/fapi/v3/leverage", EndpointSecurity.Signed, 1, IsSafeToRetry: true);

    /// <summary>Leverage and maintenance-margin brackets.</summary>
    public static AsterEndpoint LeverageBracket { get; } = new(HttpMethod.Get, "/fapi/v1/leverageBracket", "/fapi/v3/leverageBracket", EndpointSecurity.Signed, 1, IsSafeToRetry: true);

    /// <summary>Adds or removes isolated margin; never repeated, a repeat would move margin twice.</summary>
    public static AsterEndpoint PositionMargin { get; } = new(HttpMethod.Post, "/fapi/v1/positionMargin", "/fapi/v3/positionMargin", EndpointSecurity.Signed, 1, IsSafeToRetry: false);

    /// <summary>Positions with mark price, PnL and liquidation price.</summary>
    public static AsterEndpoint PositionRisk { get; } = new(HttpMethod.Get, "/fapi/v2/positionRisk", "/fapi/v3/positionRisk", EndpointSecurity.Signed, 5, IsSafeToRetry: true);

    /// <summary>Asset balances.</summary>
    public static AsterEndpoint Balance { get; } = new(HttpMethod.Get, "/fapi/v2/balance", "/fapi/v3/balance", EndpointSecurity.Signed, 5, IsSafeToRetry: true);

    /// <summary>Account totals, assets and positions.</summary>
    public static AsterEndpoint Account { get; } = new(HttpMethod.Get, "/fapi/v4/account", "/fapi/v3/accountWithJoinMargin", EndpointSecurity.Signed, 5, IsSafeToRetry: true);

    /// <summary>Our fills.</summary>
    public static AsterEndpoint UserTrades { get; } = new(HttpMethod.Get, "/fapi/v1/userTrades", "/fapi/v3/userTrades", EndpointSecurity.Signed, 5, IsSafeToRetry: true);

    /// <summary>Income history: PnL, fees, funding, transfers.</summary>
    public static AsterEndpoint Income { get; } = new(HttpMethod.Get, "/fapi/v1/income", "/fapi/v3/income", EndpointSecurity.Signed, 30, IsSafeToRetry: true);

    /// <summary>Maker and taker fee rates of a symbol.</summary>
    public static AsterEndpoint CommissionRate { get; } = new(HttpMethod.Get, "/fapi/v1/commissionRate", "/fapi/v3/commissionRate", EndpointSecurity.Signed, 20, IsSafeToRetry: true);

    /// <summary>Creates (or extends and returns the live) user-stream key.</summary>
    public static AsterEndpoint CreateListenKey { get; } = new(HttpMethod.Post, "/fapi/v1/listenKey", "/fapi/v3/listenKey", EndpointSecurity.UserStream, 1, IsSafeToRetry: true);

    /// <summary>Extends the user-stream key by 60 minutes.</summary>
    public static AsterEndpoint KeepAliveListenKey { get; } = new(HttpMethod.Put, "/fapi/v1/listenKey", "/fapi/v3/listenKey", EndpointSecurity.UserStream, 1, IsSafeToRetry: true);

    /// <summary>Closes the user-stream key.</summary>
    public static AsterEndpoint CloseListenKey { get; } = new(HttpMethod.Delete, "/fapi/v1/listenKey", "/fapi/v3/listenKey", EndpointSecurity.UserStream, 1, IsSafeToRetry: true);
}
