namespace Rari.Aster.Tests.Support;

/// <summary>Common answers of the loopback server.</summary>
internal static class ServerScripts
{
    public const string OrderJson = """
        {"orderId":1001,"clientOrderId":"grid-L1-0001","symbol":"BTCUSDT","status":"NEW","side":"BUY","positionSide":"BOTH",
         "type":"LIMIT","origType":"LIMIT","price":"65000.5","avgPrice":"0.00000","origQty":"0.010","executedQty":"0",
         "cumQty":"0","cumQuote":"0","timeInForce":"GTC","reduceOnly":false,"closePosition":false,"stopPrice":"0",
         "workingType":"CONTRACT_PRICE","priceProtect":false,"updateTime":1750000001000,"time":1750000001000}
        """;

    /// <summary>Answers <c>/time</c> with <paramref name="serverTimeMs"/>, and everything else with <paramref name="other"/>.</summary>
    public static Func<RecordedRequest, ScriptedResponse> WithTime(Func<long> serverTimeMs, Func<RecordedRequest, ScriptedResponse> other) =>
        request => request.Path.EndsWith("/time", StringComparison.Ordinal)
            ? ScriptedResponse.Json($$"""{"serverTime":{{serverTimeMs()}}}""")
            : other(request);

    /// <summary>Real time for <c>/time</c>.</summary>
    public static Func<RecordedRequest, ScriptedResponse> WithSystemTime(Func<RecordedRequest, ScriptedResponse> other) =>
        WithTime(() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), other);
}
