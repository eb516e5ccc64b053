using Rari.Aster.Signing;
using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.Instruments;
using Rari.Aster.Sim.Market;
using Rari.Aster.Sim.Streams;
using Rari.Aster.Sim.Trading;

namespace Rari.Aster.Sim.Hosting;

/// <summary>
/// The REST catalogue: every V1 and V3 path of fact sheet §3.0 with its security type, request weight and handler.
/// Market data, exchange information, leverage brackets, commission rates, listenKeys and ccxt's builder calls are
/// answered here; order, position and account endpoints go to <see cref="ISimTradingApi"/>.
/// </summary>
internal static class SimRoutes
{
    private static readonly Func<RequestParameters, int> NoOrders = _ => 0;

    public static RouteTable Build(MarketEndpoints market, InfoEndpoints info, StreamHub hub, ListenKeys listenKeys, ISimTradingApi trading, TimeProvider time)
    {
        var routes = new RouteTable();

        void Public(string name, Func<RequestParameters, int> weight, Func<RequestParameters, SimReply> handle, bool v1MarketData = false)
        {
            routes.Add(new Route("GET", "/fapi/v1/" + name, v1MarketData ? SecurityType.MarketData : SecurityType.None, weight, NoOrders, Sync(c => handle(c.Parameters))));
            routes.Add(new Route("GET", "/fapi/v3/" + name, SecurityType.None, weight, NoOrders, Sync(c => handle(c.Parameters))));
        }

        Public("ping", Fixed(1), _ => SimReply.EmptyObject);
        Public("time", Fixed(1), _ => SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("serverTime", time.GetUtcNow().ToUnixTimeMilliseconds());
            w.WriteEndObject();
        }));
        Public("exchangeInfo", Fixed(1), _ => info.ExchangeInfo());
        Public("depth", MarketEndpoints.DepthWeight, market.Depth);
        Public("trades", Fixed(1), market.Trades);
        Public("historicalTrades", Fixed(20), market.HistoricalTrades, v1MarketData: true);
        Public("aggTrades", Fixed(20), market.AggTrades);
        Public("klines", MarketEndpoints.KlinesWeight, p => market.Klines(p, priceOnly: false));
        Public("markPriceKlines", MarketEndpoints.KlinesWeight, p => market.Klines(p, priceOnly: true));
        Public("indexPriceKlines", MarketEndpoints.KlinesWeight, p => market.Klines(p, priceOnly: true, symbolParameter: "pair"));
        Public("premiumIndex", Fixed(1), market.PremiumIndex);
        Public("fundingRate", Fixed(1), market.FundingRate);
        Public("fundingInfo", Fixed(1), market.FundingInfo);
        Public("ticker/24hr", WithOrWithoutSymbol(1, 40), market.Ticker24h);
        Public("ticker/price", WithOrWithoutSymbol(1, 2), market.TickerPrice);
        Public("ticker/bookTicker", WithOrWithoutSymbol(1, 2), market.BookTicker);
        routes.Add(new Route("GET", "/fapi/v3/indexreferences", SecurityType.None, Fixed(1), NoOrders, Sync(c => market.IndexReferences(c.Parameters))));
        routes.Add(new Route("GET", "/api/v3/exchangeInfo", SecurityType.None, Fixed(1), NoOrders, Sync(_ => info.SpotExchangeInfo())));

        void Signed(string method, string[] paths, SecurityType security, Func<RequestParameters, int> weight, EndpointHandler handler)
        {
            foreach (var path in paths)
            {
                routes.Add(new Route(method, path, security, weight, NoOrders, handler));
            }
        }

        Signed("GET", V1V3("leverageBracket"), SecurityType.UserData, Fixed(1), Sync(c => info.LeverageBracket(c.Parameters)));
        Signed("GET", V1V3("commissionRate"), SecurityType.UserData, Fixed(20), Sync(c => info.CommissionRate(c.Parameters)));

        // listenKey: USER_STREAM (V1: API key only; V3: signed). One key per account.
        Signed("POST", V1V3("listenKey"), SecurityType.UserStream, Fixed(1), Sync(c =>
        {
            var key = hub.CreateListenKey(c.Account!.Name);
            return SimReply.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("listenKey", key);
                w.WriteEndObject();
            });
        }));
        Signed("PUT", V1V3("listenKey"), SecurityType.UserStream, Fixed(1), Sync(c =>
        {
            listenKeys.KeepAlive(c.Account!.Name);
            return SimReply.EmptyObject;
        }));
        Signed("DELETE", V1V3("listenKey"), SecurityType.UserStream, Fixed(1), Sync(c =>
        {
            listenKeys.Close(c.Account!.Name);
            return SimReply.EmptyObject;
        }));

        // ccxt's start-up calls (§2.5, §7.2): no builders are registered, and approving one always succeeds.
        Signed("GET", ["/fapi/v3/builder"], SecurityType.UserData, Fixed(1), Sync(_ => SimReply.Json(w =>
        {
            w.WriteStartArray();
            w.WriteEndArray();
        })));
        routes.Add(new Route("POST", "/fapi/v3/approveBuilder", SecurityType.Trade, Fixed(1), NoOrders, Sync(_ => SimReply.Success()))
        {
            MainWalletStruct = p => MainWalletActions.ApproveBuilder(
                p.Required("builder"), p.Required("maxFeeRate"), p.Required("builderName"), p.Required("asterChain"), p.Required("user"), p.RequiredLong("nonce")),
        });
        Signed("POST", ["/fapi/v3/noop"], SecurityType.Trade, Fixed(1), Sync(_ => SimReply.Success()));

        AddTrading(routes, trading);
        return routes;
    }

    private static void AddTrading(RouteTable routes, ISimTradingApi trading)
    {
        void Add(string method, string[] paths, SecurityType security, Func<RequestParameters, int> weight, TradingEndpoint endpoint, Func<RequestParameters, int>? orders = null)
        {
            foreach (var path in paths)
            {
                routes.Add(new Route(method, path, security, weight, orders ?? NoOrders, (call, ct) => trading.HandleAsync(
                    new TradingCall(endpoint, call.Account!, call.Scheme, call.Parameters, call.WallTimeMs, call.MarketTimeMs), ct))
                {
                    IsOrderEndpoint = orders is not null,
                });
            }
        }

        const SecurityType Trade = SecurityType.Trade, UserData = SecurityType.UserData;
        Add("POST", V1V3("order"), Trade, Fixed(1), TradingEndpoint.NewOrder, _ => 1);
        Add("PUT", ["/fapi/v3/order"], Trade, Fixed(1), TradingEndpoint.ModifyOrder, _ => 1);
        Add("POST", V1V3("batchOrders"), Trade, Fixed(5), TradingEndpoint.NewBatchOrders, BatchSize);
        Add("GET", V1V3("order"), UserData, Fixed(1), TradingEndpoint.QueryOrder);
        Add("DELETE", V1V3("order"), Trade, Fixed(1), TradingEndpoint.CancelOrder);
        Add("DELETE", V1V3("batchOrders"), Trade, Fixed(1), TradingEndpoint.CancelBatchOrders);
        Add("DELETE", V1V3("allOpenOrders"), Trade, Fixed(1), TradingEndpoint.CancelAllOpenOrders);
        Add("POST", V1V3("countdownCancelAll"), Trade, Fixed(10), TradingEndpoint.CountdownCancelAll);
        Add("GET", V1V3("openOrder"), UserData, Fixed(1), TradingEndpoint.QueryOpenOrder);
        Add("GET", V1V3("openOrders"), UserData, WithOrWithoutSymbol(1, 40), TradingEndpoint.OpenOrders);
        Add("GET", V1V3("allOrders"), UserData, Fixed(5), TradingEndpoint.AllOrders);
        Add("GET", ["/fapi/v2/balance", "/fapi/v3/balance"], UserData, Fixed(5), TradingEndpoint.Balance);
        Add("GET", ["/fapi/v4/account", "/fapi/v3/accountWithJoinMargin", "/fapi/v3/account"], UserData, Fixed(5), TradingEndpoint.Account);
        Add("GET", ["/fapi/v2/positionRisk", "/fapi/v3/positionRisk"], UserData, Fixed(5), TradingEndpoint.PositionRisk);
        Add("POST", V1V3("leverage"), Trade, Fixed(1), TradingEndpoint.ChangeLeverage);
        Add("POST", V1V3("marginType"), Trade, Fixed(1), TradingEndpoint.ChangeMarginType);
        Add("POST", V1V3("positionMargin"), Trade, Fixed(1), TradingEndpoint.ModifyPositionMargin);
        Add("GET", V1V3("positionMargin/history"), Trade, Fixed(1), TradingEndpoint.PositionMarginHistory);
        Add("GET", V1V3("positionSide/dual"), UserData, Fixed(30), TradingEndpoint.GetPositionMode);
        Add("POST", V1V3("positionSide/dual"), Trade, Fixed(1), TradingEndpoint.ChangePositionMode);
        Add("GET", V1V3("multiAssetsMargin"), UserData, Fixed(30), TradingEndpoint.GetMultiAssetsMode);
        Add("POST", V1V3("multiAssetsMargin"), Trade, Fixed(1), TradingEndpoint.ChangeMultiAssetsMode);
        Add("GET", V1V3("userTrades"), UserData, Fixed(5), TradingEndpoint.UserTrades);
        Add("GET", V1V3("income"), UserData, Fixed(30), TradingEndpoint.Income);
        Add("GET", V1V3("adlQuantile"), UserData, Fixed(5), TradingEndpoint.AdlQuantile);
        Add("GET", V1V3("forceOrders"), UserData, WithOrWithoutSymbol(20, 50), TradingEndpoint.ForceOrders);
        Add("GET", ["/fapi/v3/stpMode"], UserData, Fixed(30), TradingEndpoint.GetStpMode);
        Add("POST", ["/fapi/v3/stpMode"], Trade, Fixed(1), TradingEndpoint.ChangeStpMode);
        Add("GET", ["/fapi/v1/remainingOpenableNotionalValue"], UserData, Fixed(20), TradingEndpoint.RemainingOpenableNotional);
        Add("POST", V1V3("asset/wallet/transfer"), Trade, Fixed(5), TradingEndpoint.WalletTransfer);
        Add("POST", ["/fapi/v3/chase"], Trade, Fixed(1), TradingEndpoint.ChaseOrder, _ => 1);
    }

    /// <summary>How many orders a batch carries: the elements of its JSON list (at least 1 when unreadable).</summary>
    private static int BatchSize(RequestParameters p) => p.Optional("batchOrders") is { } list ? Math.Max(1, JsonList.CountObjects(list)) : 1;

    private static string[] V1V3(string name) => ["/fapi/v1/" + name, "/fapi/v3/" + name];

    private static Func<RequestParameters, int> Fixed(int weight) => _ => weight;

    private static Func<RequestParameters, int> WithOrWithoutSymbol(int with, int without) =>
        p => p.Optional("symbol") is null ? without : with;

    private static EndpointHandler Sync(Func<SimCall, SimReply> handle) => (call, _) => ValueTask.FromResult(handle(call));
}
