using System.Net.Http.Json;
using System.Text.Json;
using Rari.Aster.Sim.Admin;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Actors.Tests.Execution;

/// <summary>One order as the simulator's ledger (<c>GET /_sim/orders</c>) records it.</summary>
/// <param name="ClientOrderId">The client order id it was created under.</param>
/// <param name="Status">Its venue status now (NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED).</param>
/// <param name="ExecutedQuantity">The quantity filled.</param>
/// <param name="TradeIds">The trade id of every fill in its history.</param>
internal sealed record VenueOrder(string ClientOrderId, string Status, decimal ExecutedQuantity, IReadOnlyList<long> TradeIds)
{
    /// <summary>Whether the venue still works the order.</summary>
    public bool IsOpen => Status is "NEW" or "PARTIALLY_FILLED";

    /// <summary>The venue status in the Domain's words, as the gateway should hold it once it has caught up.</summary>
    public OrderStatus DomainStatus => Status switch
    {
        "NEW" => OrderStatus.Accepted,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Canceled,
        "EXPIRED" => OrderStatus.Expired,
        _ => OrderStatus.Rejected,
    };
}

/// <summary>
/// The simulator's own records, read back for an audit: the ledger of every order it ever created (duplicates and
/// orphans show there) and the log of every REST request it received (re-sent orders and ignored back-offs show there).
/// </summary>
internal static class VenueAudit
{
    /// <summary>Every order in the simulator's ledger, grouped by client order id (more than one is a doubled order).</summary>
    public static async Task<ILookup<string, VenueOrder>> LedgerAsync(HttpClient admin)
    {
        var orders = await admin.GetFromJsonAsync<JsonElement>("_sim/orders");
        return orders.EnumerateArray().Select(o => new VenueOrder(
            o.GetProperty("clientOrderId").GetString()!,
            o.GetProperty("status").GetString()!,
            decimal.Parse(o.GetProperty("executedQty").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            [.. o.GetProperty("history").EnumerateArray().Where(s => s.TryGetProperty("tradeId", out _)).Select(s => s.GetProperty("tradeId").GetInt64())]))
            .ToLookup(o => o.ClientOrderId, StringComparer.Ordinal);
    }

    /// <summary>Every REST request the simulator logged (<c>GET /_sim/requests</c>), in order of completion.</summary>
    public static async Task<IReadOnlyList<RequestLogEntry>> RequestsAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<List<RequestLogEntry>>("_sim/requests", JsonSerializerOptions.Web))!;

    /// <summary>The client order id a logged new-order request carried (V1 and V3 both send <c>newClientOrderId</c>), or null.</summary>
    public static string? NewClientOrderId(RequestLogEntry request)
    {
        foreach (var pair in (request.Body + "&" + request.Query).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals] == "newClientOrderId")
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }

    /// <summary>
    /// Per 429, the requests that arrived while it told the client to wait: after the answer, until its
    /// <c>Retry-After</c> ran out. The venue counts each as a violation, and bans the IP (418) after
    /// <c>ViolationsBeforeBan</c> of them.
    /// </summary>
    /// <remarks>
    /// Requests already on their way when the 429 was answered cannot be called back, by any client: those arriving
    /// within <paramref name="slack"/> of the answer are not counted (concurrent submissions on loopback arrive within
    /// milliseconds of each other). Nor are those arriving within <paramref name="slack"/> of the wait's end, which the
    /// client reckons on its estimate of the venue's clock.
    /// </remarks>
    public static IReadOnlyList<(RequestLogEntry TooMany, int Violations)> ViolationsAfter429(
        IReadOnlyList<RequestLogEntry> log, TimeSpan retryAfter, TimeSpan slack) =>
        [.. log.Where(r => r.Status == 429).Select(r =>
        {
            var answeredMs = r.TimeMs + r.DurationMs;
            var fromMs = answeredMs + (long)slack.TotalMilliseconds;
            var untilMs = answeredMs + (long)(retryAfter - slack).TotalMilliseconds;
            return (r, log.Count(other => other.TimeMs >= fromMs && other.TimeMs < untilMs));
        })];

    /// <summary>Whether a logged request was answered in doubt (5xx, 503, or cut off without an answer), so its outcome had to be resolved.</summary>
    public static bool InDoubt(RequestLogEntry request) => request.Status is 0 or >= 500;

    /// <summary>The Domain id of a ledger entry's client order id.</summary>
    public static ClientOrderId Id(this VenueOrder order) => new(order.ClientOrderId);
}
