namespace Rari.Venue.Events;

/// <summary>
/// An <see cref="IVenueEventSink"/> that keeps the events until the caller drains them: the pull-based way to
/// consume the venue. Draining into a list the caller reuses allocates nothing.
/// </summary>
public sealed class VenueEventBuffer : IVenueEventSink
{
    private readonly List<IVenueEvent> _events = [];

    /// <summary>How many events wait to be drained.</summary>
    public int Count => _events.Count;

    /// <inheritdoc />
    public void Publish(IVenueEvent venueEvent)
    {
        ArgumentNullException.ThrowIfNull(venueEvent);
        _events.Add(venueEvent);
    }

    /// <summary>Moves every waiting event, oldest first, to the end of <paramref name="target"/>.</summary>
    public void DrainTo(ICollection<IVenueEvent> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var venueEvent in _events)
        {
            target.Add(venueEvent);
        }

        _events.Clear();
    }

    /// <summary>Takes every waiting event, oldest first; an empty list when there are none.</summary>
    public IReadOnlyList<IVenueEvent> Drain()
    {
        if (_events.Count == 0)
        {
            return [];
        }

        var drained = _events.ToArray();
        _events.Clear();
        return drained;
    }
}
