using Akka.Actor;
using Akka.Event;
using Rari.Actors.Execution;
using Rari.Domain.Risk;

namespace Rari.Actors.Risk;

// What the gate learns from the gateway besides order events: its last account view and the resting entries it must
// count after a restart, and the venue's order-rate usage.
public sealed partial class RiskGate
{
    private static readonly TimeSpan OpenEntriesRetry = TimeSpan.FromSeconds(5);

    private OrderRateUsage _orderRate = OrderRateUsage.Unknown;
    private long _approvedSinceOrderRate;
    private bool _openEntriesKnown;

    private void VenueCommands()
    {
        Command<OpenEntryOrders>(OnOpenEntryOrders);
        Command<GatewayStatus>(status =>
        {
            // The gateway's last view, asked for at start: the topic publishes only on the next change, and without a
            // view the gate lets no exposure through (a take-profit that is not reduce-only included).
            if (status.Account is { } account)
            {
                OnAccount(account);
            }
        });
        Command<AskOpenEntries>(_ => AskOpenEntriesUntilAnswered());
        Command<OrderRateObserved>(observed =>
        {
            // The gateway's count includes what it has in flight; approvals sent after it are added until the next one.
            _orderRate = observed.Usage;
            _approvedSinceOrderRate = 0;
        });
    }

    // Approved entries are not in the gate's journal: the gateway's is where orders are recorded. After a restart the gate
    // asks it for the ones still open, or a cap would not count them. The gateway answers once it has reconciled; until
    // then (or while it moves to another node) the question is repeated.
    private void AskOpenEntriesUntilAnswered()
    {
        if (_openEntriesKnown)
        {
            return;
        }

        if (_account is null)
        {
            _gateway.Tell(GetGatewayStatus.Instance);
        }

        _gateway.Tell(GetOpenEntryOrders.Instance);
        Timers.StartSingleTimer(nameof(AskOpenEntries), AskOpenEntries.Instance, OpenEntriesRetry);
    }

    private void OnOpenEntryOrders(OpenEntryOrders open)
    {
        _openEntriesKnown = true;
        Timers.Cancel(nameof(AskOpenEntries));
        var added = 0;
        foreach (var order in open.Orders)
        {
            var remaining = (order.Intent.Quantity ?? 0m) - order.FilledQuantity;
            if (remaining > 0m && _entries.AddIfAbsent(order.Intent, remaining, ReferencePrice(order.Intent)))
            {
                added++;
            }
        }

        if (added > 0)
        {
            _log.Info("Risk gate counts {Count} entry order(s) still open at the venue against its caps", added);
        }
    }

    private void CountApproval() => _approvedSinceOrderRate++;

    private OrderRateUsage OrderRateNow() =>
        _orderRate.IsKnown ? new OrderRateUsage(_orderRate.Used + _approvedSinceOrderRate, _orderRate.Limit) : OrderRateUsage.Unknown;

    /// <summary>The timer that repeats the question for open entries.</summary>
    private sealed record AskOpenEntries
    {
        public static AskOpenEntries Instance { get; } = new();
    }
}
