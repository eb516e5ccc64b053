using Akka.Actor;
using Akka.Event;
using Rari.Actors.Audit;
using Rari.Actors.Settings;
using Rari.Aster.Errors;
using Rari.Aster.Rest;
using Rari.Domain.Identifiers;

namespace Rari.Actors.Execution;

// A clean shutdown: no new orders, open orders cancelled or left, the dead-man's switch disarmed.
public sealed partial class ExchangeGateway
{
    private void BeginShutdown()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        Timers.Cancel("countdown");
        Become(Stopping);
        Stash.UnstashAll();
        _stashed = 0;
        var cancel = _settings.OpenOrdersOnShutdown == ShutdownOrders.Cancel;
        foreach (var order in _state.OpenOrders)
        {
            Audit(AuditKind.Cancel, order.Symbol, order.ClientOrderId, cancel ? "cancelled at shutdown" : "left open at shutdown");
        }

        _log.Info("Gateway {0} shutting down: open orders {1}", PersistenceId, cancel ? "cancelled" : "left open, countdown disarmed");
        Timers.StartSingleTimer("shutdown", new ShutdownFinished("the exchange did not answer in time"), TimeSpan.FromSeconds(15));
        ShutdownAsync(_rest, [.. _catalog.Symbols.Keys], cancel, _settings.DeadMansSwitch).PipeTo(
            Self, success: problems => new ShutdownFinished(problems), failure: error => new ShutdownFinished(Unwrap(error).Message));
    }

    // Not cancelled by the actor's token: the point is to finish these calls as the actor stops.
    private static async Task<string?> ShutdownAsync(AsterRestClient rest, IReadOnlyList<Symbol> symbols, bool cancel, bool disarm)
    {
        var problems = new List<string>();
        foreach (var symbol in symbols)
        {
            try
            {
                if (cancel)
                {
                    await rest.CancelAllOpenOrdersAsync(symbol).ConfigureAwait(false);
                }

                if (disarm)
                {
                    await rest.CountdownCancelAllAsync(symbol, TimeSpan.Zero).ConfigureAwait(false);
                }
            }
            catch (AsterApiException e)
            {
                problems.Add($"{symbol}: {e.Message}");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private void OnShutdownFinished(ShutdownFinished finished)
    {
        if (finished.Problems is { } problems)
        {
            _log.Error("Gateway {0}: shutdown calls failed: {1}", PersistenceId, problems);
        }

        Context.Stop(Self);
    }

    private sealed record ShutdownFinished(string? Problems);
}
