using System.Globalization;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using Rari.Actors.Audit;
using Rari.Actors.Execution;
using Rari.Actors.Hosting;
using Rari.Domain.Identifiers;
using Rari.Node.Logging;

namespace Rari.Node.Trading;

/// <summary>
/// While the trader runs: prints a progress line every interval (orders sent, filled, denied, equity, positions) and
/// keeps <c>status.json</c> in the state folder current (what the gateway holds: open orders, positions), which
/// operators and the crash-recovery tests read. Returns why the run stopped.
/// </summary>
/// <param name="registry">Where the gateway is found.</param>
/// <param name="audit">The audit trail's counters.</param>
/// <param name="venue">The venue (to notice the end of the replayed data).</param>
/// <param name="symbols">The traded symbols.</param>
/// <param name="output">Where progress lines go.</param>
/// <param name="interval">How often a progress line is printed.</param>
/// <param name="statusPath">Where status.json is written.</param>
public sealed class TraderProgress(
    ActorRegistry registry, SerilogAuditTrail audit, VenueConnection venue, IReadOnlyList<Symbol> symbols, TextWriter output, TimeSpan interval, string statusPath)
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(1);
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Reports until <paramref name="stop"/> fires or the replayed data ends; returns the reason.</summary>
    public async Task<string> RunUntilStoppedAsync(CancellationToken stop)
    {
        var gateway = await registry.GetAsync<ActorKeys.ExchangeGateway>(stop).ConfigureAwait(false);
        var nextLine = DateTimeOffset.UtcNow + interval;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(StatusInterval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            GatewayStatus? status = null;
            try
            {
                status = await gateway.Ask<GatewayStatus>(GetGatewayStatus.Instance, TimeSpan.FromSeconds(5), stop).ConfigureAwait(false);
                await WriteStatusAsync(status).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AskTimeoutException or OperationCanceledException or IOException)
            {
                // A busy or restarting gateway misses one report; the next tick tries again.
            }

            if (DateTimeOffset.UtcNow >= nextLine)
            {
                nextLine = DateTimeOffset.UtcNow + interval;
                await output.WriteLineAsync(Line(status)).ConfigureAwait(false);
            }

            // A live market never ends; a replay does.
            if (venue.Simulator is { } sim && sim.Server.Live is null && sim.Server.Replay.IsFinished)
            {
                await output.WriteLineAsync(Line(status)).ConfigureAwait(false);
                return "the replayed data has ended";
            }
        }

        return "asked to stop";
    }

    private string Line(GatewayStatus? status)
    {
        var text = new StringBuilder();
        var market = venue.Simulator is { } sim
            ? DateTimeOffset.FromUnixTimeMilliseconds(sim.Server.Replay.MarketTimeMs).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " | "
            : string.Empty;
        text.Append(CultureInfo.InvariantCulture, $"[progress] {market}intents {audit.Count(AuditKind.Intent)}, sent {audit.Count(AuditKind.Submission)}, fills {audit.Count(AuditKind.Fill)}, cancels {audit.Count(AuditKind.Cancel)}");
        if (status is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $", open {status.OpenOrders.Count}, rejected {status.Rejected}");
            if (status.Account is { } account)
            {
                text.Append(CultureInfo.InvariantCulture, $" | equity {account.Equity:0.00} USDT");
                foreach (var position in account.Positions)
                {
                    text.Append(CultureInfo.InvariantCulture, $" | {position.Symbol} {position.Quantity:+0.########;-0.########} @ {position.EntryPrice:0.####}");
                }
            }
        }
        else
        {
            text.Append(" | gateway busy");
        }

        return text.ToString();
    }

    private async Task WriteStatusAsync(GatewayStatus status)
    {
        var document = new TraderStatusDocument(
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            status.IsReconciled,
            [.. symbols.Select(s => s.Value)],
            [.. status.OpenOrders.Select(o => o.ClientOrderId.Value)],
            [.. (status.Account?.Positions ?? []).Select(p => new TraderStatusPosition(p.Symbol.Value, p.Quantity, p.EntryPrice))],
            status.Submitted,
            status.Rejected,
            status.UnknownOutcomes);
        var temp = statusPath + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(document, Json)).ConfigureAwait(false);
        File.Move(temp, statusPath, overwrite: true);
    }
}

/// <summary>The content of <c>status.json</c>.</summary>
/// <param name="WrittenAtMs">When it was written, UTC epoch milliseconds.</param>
/// <param name="Reconciled">Whether the gateway finished its start-up reconciliation.</param>
/// <param name="Symbols">The traded symbols.</param>
/// <param name="OpenOrders">The client order ids the gateway holds as open.</param>
/// <param name="Positions">The positions of the gateway's last account view.</param>
/// <param name="Submitted">Orders submitted since start.</param>
/// <param name="Rejected">Orders rejected since start.</param>
/// <param name="UnknownOutcomes">Submissions resolved by client order id.</param>
public sealed record TraderStatusDocument(
    long WrittenAtMs,
    bool Reconciled,
    IReadOnlyList<string> Symbols,
    IReadOnlyList<string> OpenOrders,
    IReadOnlyList<TraderStatusPosition> Positions,
    long Submitted,
    long Rejected,
    long UnknownOutcomes);

/// <summary>One position in <c>status.json</c>.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Quantity">Signed size.</param>
/// <param name="EntryPrice">Average entry price.</param>
public sealed record TraderStatusPosition(string Symbol, decimal Quantity, decimal EntryPrice);
