using System.Text.Json;
using System.Threading.Channels;
using Rari.Actors.Audit;

namespace Rari.Dashboard.ReadModel;

/// <summary>One message pushed to the pages: an SSE event name and its JSON data.</summary>
/// <param name="Name"><c>snapshot</c> or <c>activity</c>.</param>
/// <param name="Json">The data, one line of JSON.</param>
public sealed record FeedMessage(string Name, string Json);

/// <summary>
/// The hub between the read model and the open pages: it holds the latest snapshot and the recent activity, and pushes
/// every change to each page's own bounded queue. Thread-safe; publishing never blocks (a page that cannot keep up
/// loses its oldest queued messages, and the next snapshot brings it up to date anyway).
/// </summary>
public sealed class DashboardFeed
{
    /// <summary>The JSON shape the page reads (camel case).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const int PageQueueCapacity = 256;

    private readonly object _gate = new();
    private readonly int _activitySize;
    private readonly Queue<ActivityView> _activity = new();
    private readonly List<Channel<FeedMessage>> _pages = [];
    private FeedMessage? _snapshot;
    private long _sequence;

    /// <summary>Creates a feed keeping the last <paramref name="activitySize"/> audit entries.</summary>
    public DashboardFeed(int activitySize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(activitySize, 1);
        _activitySize = activitySize;
    }

    /// <summary>The latest snapshot, or null before the read model assembled one.</summary>
    public DashboardSnapshot? Snapshot { get; private set; }

    /// <summary>Pages listening now.</summary>
    public int PageCount
    {
        get
        {
            lock (_gate)
            {
                return _pages.Count;
            }
        }
    }

    /// <summary>Stores <paramref name="snapshot"/> and pushes it to every page.</summary>
    public void Publish(DashboardSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var message = new FeedMessage("snapshot", JsonSerializer.Serialize(snapshot, Json));
        lock (_gate)
        {
            Snapshot = snapshot;
            _snapshot = message;
            Broadcast(message);
        }
    }

    /// <summary>Appends an audit entry to the activity feed and pushes it to every page.</summary>
    public void Add(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var view = new ActivityView(++_sequence, entry.Kind.ToString(), entry.Symbol.Value, entry.ClientOrderId.Value, entry.TimestampMs, entry.Detail);
            _activity.Enqueue(view);
            if (_activity.Count > _activitySize)
            {
                _activity.Dequeue();
            }

            Broadcast(new FeedMessage("activity", JsonSerializer.Serialize(view, Json)));
        }
    }

    /// <summary>The activity kept, oldest first.</summary>
    public IReadOnlyList<ActivityView> Activity()
    {
        lock (_gate)
        {
            return [.. _activity];
        }
    }

    /// <summary>
    /// Opens a page's queue, primed with the latest snapshot and the kept activity, so the page starts complete and then
    /// only receives changes. Dispose the subscription when the page goes.
    /// </summary>
    public FeedSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<FeedMessage>(new BoundedChannelOptions(PageQueueCapacity + _activitySize)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            if (_snapshot is { } snapshot)
            {
                channel.Writer.TryWrite(snapshot);
            }

            foreach (var view in _activity)
            {
                channel.Writer.TryWrite(new FeedMessage("activity", JsonSerializer.Serialize(view, Json)));
            }

            _pages.Add(channel);
        }

        return new FeedSubscription(channel.Reader, () => Unsubscribe(channel));
    }

    private void Unsubscribe(Channel<FeedMessage> channel)
    {
        lock (_gate)
        {
            _pages.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    private void Broadcast(FeedMessage message)
    {
        foreach (var page in _pages)
        {
            page.Writer.TryWrite(message);
        }
    }
}

/// <summary>A page's queue of feed messages; disposing it stops the pushes.</summary>
/// <param name="reader">The queue.</param>
/// <param name="close">Removes it from the feed.</param>
public sealed class FeedSubscription(ChannelReader<FeedMessage> reader, Action close) : IDisposable
{
    private int _closed;

    /// <summary>The messages, in order.</summary>
    public ChannelReader<FeedMessage> Reader { get; } = reader;

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            close();
        }
    }
}

/// <summary>
/// The audit trail the node hands to its actors when the dashboard runs: every entry goes to the node's own trail
/// first (the journal of record), then to the dashboard's activity feed.
/// </summary>
/// <param name="inner">The node's trail (JSON lines).</param>
/// <param name="feed">The dashboard's feed.</param>
public sealed class FeedingAuditTrail(IAuditTrail inner, DashboardFeed feed) : IAuditTrail
{
    private readonly IAuditTrail _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly DashboardFeed _feed = feed ?? throw new ArgumentNullException(nameof(feed));

    /// <inheritdoc />
    public void Record(AuditEntry entry)
    {
        _inner.Record(entry);
        _feed.Add(entry);
    }
}
