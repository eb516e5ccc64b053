using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.Signing;
using Rari.Domain.Identifiers;

namespace Rari.Aster.Rest;

// Placing, querying and cancelling orders.
public sealed partial class AsterRestClient
{
    /// <summary>The most orders one <c>batchOrders</c> call may place.</summary>
    public const int MaxBatchPlace = 5;

    /// <summary>The most orders one <c>DELETE batchOrders</c> call may cancel.</summary>
    public const int MaxBatchCancel = 10;

    /// <summary>
    /// Places one order (<c>POST order</c>). The request is sent once. When its outcome is unknown (timeout, 5xx,
    /// 503, −1006, −1007, an unreadable answer) it is never re-sent: the client queries the client order id until the
    /// venue gives a definite answer and reports <see cref="OrderPlacementOutcome.PlacedAfterUnknownStatus"/> or
    /// <see cref="OrderPlacementOutcome.NotPlaced"/>.
    /// </summary>
    /// <returns>The order (<see cref="OrderPlacementOutcome.Placed"/>), or how an unknown outcome was resolved.</returns>
    /// <exception cref="AsterApiException">
    /// The venue refused the order (it does not exist), or the outcome stayed unknown for
    /// <see cref="AsterClientOptions.UnknownStatusTimeout"/> (category <see cref="AsterErrorCategory.UnknownExecutionStatus"/>:
    /// reconcile before placing it again).
    /// </exception>
    /// <exception cref="ArgumentException">The order's shape is invalid; nothing was sent.</exception>
    /// <exception cref="OperationCanceledException">
    /// The caller cancelled. If the request had already left, its outcome is unknown: reconcile by client order id.
    /// </exception>
    public async Task<OrderPlacement> PlaceOrderAsync(NewOrderRequest order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var parameters = new ParameterStringBuilder();
        foreach (var (name, value) in order.ToParameters())
        {
            parameters.Add(name, value);
        }

        AsterApiException unknown;
        try
        {
            var response = await _transport.SendAsync(new AsterRequest(AsterEndpoints.NewOrder, parameters), cancellationToken).ConfigureAwait(false);
            if (TryReadOrder(response.Body.Span, out var placed))
            {
                return new OrderPlacement(order.ClientOrderId, OrderPlacementOutcome.Placed, placed);
            }

            unknown = new AsterApiException(
                AsterErrorCategory.UnknownExecutionStatus, "POST", AsterEndpoints.NewOrder.PathFor(ApiVersion), response.StatusCode, null,
                "the venue answered, but not with a readable order", response.RequestTimeMs);
        }
        catch (AsterApiException error) when (IsOutcomeUnknown(error))
        {
            unknown = error;
        }

        return await ResolveUnknownPlacementAsync(order, unknown, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Places up to five orders in one call (<c>POST batchOrders</c>); the venue processes them concurrently. Each
    /// item's result is in input order: placed, or rejected with its error. When the whole call's outcome is unknown,
    /// every item is resolved by its client order id as for <see cref="PlaceOrderAsync"/>.
    /// </summary>
    /// <exception cref="AsterApiException">The whole batch was refused, or an item's outcome stayed unknown.</exception>
    /// <exception cref="ArgumentException">There are no orders, more than five, or one is invalid; nothing was sent.</exception>
    public async Task<IReadOnlyList<OrderPlacement>> PlaceBatchOrdersAsync(IReadOnlyList<NewOrderRequest> orders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.Count is 0 or > MaxBatchPlace)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A batch places 1 to {MaxBatchPlace} orders, not {orders.Count}."), nameof(orders));
        }

        var parameters = new ParameterStringBuilder().Add("batchOrders", BatchOrdersJson(orders));
        AsterApiException unknown;
        try
        {
            var response = await _transport.SendAsync(new AsterRequest(AsterEndpoints.BatchOrders, parameters), cancellationToken).ConfigureAwait(false);
            var items = ReadBatch(response.Body.Span);
            if (items is not null && items.Count == orders.Count)
            {
                return [.. orders.Select((order, i) => items[i].Order is { } placed
                    ? new OrderPlacement(order.ClientOrderId, OrderPlacementOutcome.Placed, placed)
                    : new OrderPlacement(order.ClientOrderId, OrderPlacementOutcome.Rejected, null, items[i].Error))];
            }

            unknown = new AsterApiException(
                AsterErrorCategory.UnknownExecutionStatus, "POST", AsterEndpoints.BatchOrders.PathFor(ApiVersion), response.StatusCode, null,
                "the venue answered, but not with one readable result per order", response.RequestTimeMs);
        }
        catch (AsterApiException error) when (IsOutcomeUnknown(error))
        {
            unknown = error;
        }

        var resolved = new List<OrderPlacement>(orders.Count);
        foreach (var order in orders)
        {
            resolved.Add(await ResolveUnknownPlacementAsync(order, unknown, cancellationToken).ConfigureAwait(false));
        }

        return resolved;
    }

    /// <summary>One order by either id (<c>GET order</c>); −2013 (category <see cref="AsterErrorCategory.UnknownOrder"/>) when it does not exist.</summary>
    public Task<AsterOrder> QueryOrderAsync(Symbol symbol, OrderReference order, CancellationToken cancellationToken = default) =>
        CallAsync<AsterOrder>(AsterEndpoints.QueryOrder, OrderParameters(symbol, order), null, cancellationToken);

    /// <summary>Cancels one order (<c>DELETE order</c>) and returns it as cancelled.</summary>
    public Task<AsterOrder> CancelOrderAsync(Symbol symbol, OrderReference order, CancellationToken cancellationToken = default) =>
        CallAsync<AsterOrder>(AsterEndpoints.CancelOrder, OrderParameters(symbol, order), null, cancellationToken);

    /// <summary>
    /// Cancels up to ten orders of one symbol (<c>DELETE batchOrders</c>), all named the same way (venue ids or
    /// client ids). The results follow the input order: the cancelled order, or that item's error.
    /// </summary>
    /// <exception cref="ArgumentException">No orders, more than ten, or both kinds of id mixed.</exception>
    public async Task<IReadOnlyList<BatchOrderResult>> CancelBatchOrdersAsync(
        Symbol symbol, IReadOnlyList<OrderReference> orders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.Count is 0 or > MaxBatchCancel)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A batch cancels 1 to {MaxBatchCancel} orders, not {orders.Count}."), nameof(orders));
        }

        var byVenueId = orders.All(o => o.VenueOrderId is not null);
        if (!byVenueId && !orders.All(o => o.ClientOrderId is not null))
        {
            throw new ArgumentException("Name every order of a batch cancel the same way: all by venue id or all by client order id.", nameof(orders));
        }

        // ccxt sends venue ids as JSON strings (["1001","1002"]), which the venue accepts; client ids are strings anyway.
        var ids = orders.Select(o => byVenueId ? o.VenueOrderId!.Value.ToString() : o.ClientOrderId!.Value.Value).ToArray();
        var parameters = new ParameterStringBuilder()
            .Add("symbol", symbol.Value)
            .Add(byVenueId ? "orderIdList" : "origClientOrderIdList", JsonSerializer.Serialize(ids));
        var response = await _transport.SendAsync(new AsterRequest(AsterEndpoints.CancelBatchOrders, parameters), cancellationToken).ConfigureAwait(false);
        return ReadBatch(response.Body.Span) ?? throw new AsterApiException(
            AsterErrorCategory.Other, "DELETE", AsterEndpoints.CancelBatchOrders.PathFor(ApiVersion), response.StatusCode, null,
            "the batch cancel answer is not a list", response.RequestTimeMs);
    }

    /// <summary>Cancels every open order of a symbol (<c>DELETE allOpenOrders</c>); the venue answers code "200" as text.</summary>
    public Task<AsterAcknowledgement> CancelAllOpenOrdersAsync(Symbol symbol, CancellationToken cancellationToken = default) =>
        CallAsync<AsterAcknowledgement>(AsterEndpoints.CancelAllOpenOrders, new ParameterStringBuilder().Add("symbol", symbol.Value), null, cancellationToken);

    /// <summary>
    /// Arms the dead-man's switch of a symbol (<c>POST countdownCancelAll</c>): unless called again within
    /// <paramref name="countdown"/>, every open order of the symbol is cancelled. <see cref="TimeSpan.Zero"/> disarms it.
    /// </summary>
    public Task<AsterCountdownCancelAll> CountdownCancelAllAsync(Symbol symbol, TimeSpan countdown, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(countdown, TimeSpan.Zero);
        var parameters = new ParameterStringBuilder().Add("symbol", symbol.Value).Add("countdownTime", (long)countdown.TotalMilliseconds);
        return CallAsync<AsterCountdownCancelAll>(AsterEndpoints.CountdownCancelAll, parameters, null, cancellationToken);
    }

    /// <summary>One open order (<c>GET openOrder</c>); −2013 when it is filled, cancelled or unknown.</summary>
    public Task<AsterOrder> GetOpenOrderAsync(Symbol symbol, OrderReference order, CancellationToken cancellationToken = default) =>
        CallAsync<AsterOrder>(AsterEndpoints.OpenOrder, OrderParameters(symbol, order), null, cancellationToken);

    /// <summary>Open orders of a symbol, or of every symbol (weight 40) when <paramref name="symbol"/> is null.</summary>
    public Task<IReadOnlyList<AsterOrder>> GetOpenOrdersAsync(Symbol? symbol = null, CancellationToken cancellationToken = default)
    {
        var parameters = new ParameterStringBuilder();
        AddOptional(parameters, "symbol", symbol?.Value);
        return CallAsync<IReadOnlyList<AsterOrder>>(AsterEndpoints.OpenOrders, parameters, symbol is null ? 40 : 1, cancellationToken);
    }

    /// <summary>Orders of a symbol, open or not (<c>GET allOrders</c>); the time range must be under 7 days.</summary>
    public Task<IReadOnlyList<AsterOrder>> GetAllOrdersAsync(
        Symbol symbol, long? fromOrderId = null, long? startTimeMs = null, long? endTimeMs = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit, 1000);
        var parameters = new ParameterStringBuilder().Add("symbol", symbol.Value);
        AddOptional(parameters, "orderId", fromOrderId);
        AddOptional(parameters, "startTime", startTimeMs);
        AddOptional(parameters, "endTime", endTimeMs);
        AddOptional(parameters, "limit", limit);
        return CallAsync<IReadOnlyList<AsterOrder>>(AsterEndpoints.AllOrders, parameters, null, cancellationToken);
    }

    // A 5xx other than 503 on a new order is treated as unknown too: the fact sheet names every 5xx (§5.1), and
    // nothing proves the order was not executed before the venue failed.
    private static bool IsOutcomeUnknown(AsterApiException error) =>
        error.Category is AsterErrorCategory.UnknownExecutionStatus or AsterErrorCategory.ServerError;

    private static ParameterStringBuilder OrderParameters(Symbol symbol, OrderReference order)
    {
        var parameters = new ParameterStringBuilder().Add("symbol", symbol.Value);
        return order.VenueOrderId is { } id
            ? parameters.Add("orderId", id.Value)
            : parameters.Add("origClientOrderId", order.ClientOrderId?.Value ?? throw new ArgumentException("The order reference is empty.", nameof(order)));
    }

    private static string BatchOrdersJson(IReadOnlyList<NewOrderRequest> orders)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var order in orders)
            {
                writer.WriteStartObject();
                foreach (var (name, value) in order.ToParameters())
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool TryReadOrder(ReadOnlySpan<byte> body, out AsterOrder order)
    {
        try
        {
            order = AsterJson.Deserialize<AsterOrder>(body);
            return order.OrderId != 0 || order.ClientOrderId.Length > 0;
        }
        catch (JsonException)
        {
            order = null!;
            return false;
        }
    }

    // A batch answer mixes order objects and {code,msg} errors in input order (§3.3); null when it is not a list.
    private static List<BatchOrderResult>? ReadBatch(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var results = new List<BatchOrderResult>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var raw = Encoding.UTF8.GetBytes(item.GetRawText());
                results.Add(AsterErrorClassifier.TryReadError(raw, out var error) && !item.TryGetProperty("orderId", out _)
                    ? new BatchOrderResult(null, error)
                    : new BatchOrderResult(AsterJson.Deserialize<AsterOrder>(raw), null));
            }

            return results;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
