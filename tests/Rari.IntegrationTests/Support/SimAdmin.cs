using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rari.IntegrationTests.Support;

/// <summary>The simulator's <c>/_sim/</c> admin API, as an auditor reads it: every order ever created and every request.</summary>
internal sealed partial class SimAdmin(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Every order the venue created for <paramref name="account"/>.</summary>
    public async Task<IReadOnlyList<SimOrder>> OrdersAsync(string account)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync($"/_sim/orders?account={account}"));
        return [.. document.RootElement.EnumerateArray().Select(o => new SimOrder(
            o.GetProperty("symbol").GetString()!,
            o.GetProperty("clientOrderId").GetString()!,
            o.GetProperty("side").GetString()!,
            o.GetProperty("status").GetString()!,
            decimal.Parse(o.GetProperty("executedQty").GetString()!, System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>The client order id of every order-placing POST the venue received (what the client sent, accepted or not).</summary>
    public async Task<IReadOnlyList<string>> PlacementRequestsAsync()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/_sim/requests"));
        var ids = new List<string>();
        foreach (var request in document.RootElement.EnumerateArray())
        {
            if (request.GetProperty("method").GetString() != "POST" || !request.GetProperty("path").GetString()!.EndsWith("/order", StringComparison.Ordinal))
            {
                continue;
            }

            var text = request.GetProperty("query").GetString() + "&" + request.GetProperty("body").GetString();
            if (ClientOrderIdParameter().Match(text) is { Success: true } match)
            {
                ids.Add(Uri.UnescapeDataString(match.Groups[1].Value));
            }
        }

        return ids;
    }

    /// <summary>Stops the market clock (manual mode), so no order fills while the books are compared.</summary>
    public async Task FreezeClockAsync()
    {
        using var response = await _http.PostAsync("/_sim/clock?mode=manual", null);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("(?:^|&)newClientOrderId=([^&]*)")]
    private static partial Regex ClientOrderIdParameter();
}

/// <summary>One order of the simulator's ledger.</summary>
internal sealed record SimOrder(string Symbol, string ClientOrderId, string Side, string Status, decimal ExecutedQuantity)
{
    public bool IsOpen => Status is "NEW" or "PARTIALLY_FILLED";

    public decimal SignedExecuted => Side == "BUY" ? ExecutedQuantity : -ExecutedQuantity;
}
