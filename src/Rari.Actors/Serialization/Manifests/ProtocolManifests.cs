using Rari.Actors.Execution;
using Rari.Actors.MarketData;
using Rari.Actors.Risk;
using Rari.Actors.Symbols;

namespace Rari.Actors.Serialization.Manifests;

/// <summary>
/// The shared actor protocol (<c>*Protocol.cs</c> files): every <see cref="IRariMessage"/> that may cross the cluster.
/// An actor's own protocol or journal types go in a family file of their own.
/// </summary>
internal static class ProtocolManifests
{
    public static void Register(MessageManifests.Builder manifests) => manifests
        .Add<KlineClosed>("market-data.kline-closed.v1")
        .Add<KlinesClosed>("market-data.klines-closed.v1")
        .Add<BookTickerChanged>("market-data.book-ticker-changed.v1")
        .Add<MarkPriceChanged>("market-data.mark-price-changed.v1")
        .Add<MarketDataStale>("market-data.stale.v1")
        .Add<MarketDataResumed>("market-data.resumed.v1")
        .Add<StartSymbol>("symbol.start.v1")
        .Add<GetSymbolStatus>("symbol.get-status.v1")
        .Add<SymbolStatus>("symbol.status.v1")
        .Add<SubmitOrder>("risk-gate.submit-order.v1")
        .Add<SymbolMarketObserved>("risk-gate.symbol-market-observed.v1")
        .Add<SymbolMarketsObserved>("risk-gate.symbol-markets-observed.v1")
        .Add<TradingStateChanged>("risk-gate.trading-state-changed.v1")
        .Add<GetRiskStatus>("risk-gate.get-status.v1")
        .Add<RiskStatus>("risk-gate.status.v1")
        .Add<ControlResult>("risk-gate.control-result.v1")
        .Add<ApprovedOrder>("gateway.approved-order.v1")
        .Add<GetOrderReports>("gateway.get-order-reports.v1")
        .Add<OrderReports>("gateway.order-reports.v1")
        .Add<OrderStatusReport>("gateway.order-status-report.v1")
        .Add<PositionReport>("gateway.position-report.v1")
        .Add<AccountChanged>("gateway.account-changed.v1")
        .Add<GetGatewayStatus>("gateway.get-status.v1")
        .Add<GatewayStatus>("gateway.status.v1")
        .Add<GetOpenEntryOrders>("gateway.get-open-entry-orders.v1")
        .Add<OpenEntryOrders>("gateway.open-entry-orders.v1")
        .Add<OpenEntryOrder>("gateway.open-entry-order.v1")
        .Add<OrderRateObserved>("gateway.order-rate-observed.v1");
}
