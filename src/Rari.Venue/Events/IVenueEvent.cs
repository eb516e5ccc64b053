using Rari.Domain.Identifiers;

namespace Rari.Venue.Events;

/// <summary>
/// Something that happened at the venue to one account: an order update, a balance or position change, a margin
/// call or a liquidation. The server turns these into Aster's user-stream events; the backtester feeds them to
/// strategies.
/// </summary>
public interface IVenueEvent
{
    /// <summary>The account the event belongs to.</summary>
    AccountId Account { get; }

    /// <summary>Venue time of the event (Aster's <c>E</c> / <c>T</c>), UTC epoch milliseconds.</summary>
    long TimeMs { get; }
}

/// <summary>Receives the venue's events in the order they happen. Called on the venue's thread, synchronously.</summary>
public interface IVenueEventSink
{
    /// <summary>Takes one event.</summary>
    void Publish(IVenueEvent venueEvent);
}
