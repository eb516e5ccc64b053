using System.Diagnostics.CodeAnalysis;
using Akka;
using Akka.Event;
using Akka.Streams.Dsl;
using Akka.Util;
using Rari.Aster.Streams;

namespace Rari.Actors.MarketData;

/// <summary>
/// What an <see cref="AsterMarketSource"/> is subscribed to, and the streams built for it: every change is applied to
/// the running stream, and every new stream (after a restart) is subscribed to everything. One gate serialises the
/// changes and the subscription of a new stream, so none of them can undo another.
/// </summary>
[SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "The gate's wait handle is never created (only WaitAsync is used), so it holds nothing to release; the subscriptions live as long as the source blueprint.")]
internal sealed class MarketSubscriptions(List<string> streams, ILoggingAdapter log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private readonly List<string> _desired = streams;
    private readonly List<Connected> _live = [];
    private TaskCompletionSource _built = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _streamsBuilt;

    public IReadOnlyList<string> Streams
    {
        get
        {
            lock (_lock)
            {
                return [.. _desired];
            }
        }
    }

    public int StreamsBuilt => Volatile.Read(ref _streamsBuilt);

    /// <summary>The names, checked and without repeats.</summary>
    /// <exception cref="ArgumentException">A name is malformed.</exception>
    public static List<string> Checked(IEnumerable<string> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var names = new List<string>();
        foreach (var name in streams)
        {
            if (!StreamNames.IsWellFormed(name))
            {
                throw new ArgumentException($"'{name}' is not a stream name; build names with {nameof(StreamNames)}.", nameof(streams));
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>One stream's life as a source: built and started on materialization, read until it ends, disposed on close.</summary>
    public Source<MarketStreamEvent, NotUsed> Connection(Func<AsterMarketStream> factory) =>
        Source.UnfoldResourceAsync<MarketStreamEvent, Connected>(() => OpenAsync(factory), ReadAsync, CloseAsync);

    /// <summary>
    /// Subscribes on the running stream, waiting for one to be built first: the call completes when the venue
    /// acknowledged (or the stream closed meanwhile, when the next one subscribes everything).
    /// </summary>
    public async Task SubscribeAsync(List<string> names, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task built;
            lock (_lock)
            {
                built = _built.Task;
            }

            await built.WaitAsync(cancellationToken).ConfigureAwait(false);
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var live = Live();
                if (live.Count == 0)
                {
                    continue; // Closed while waiting for the gate: wait for the next one.
                }

                await SubscribeOnAsync(live, names, cancellationToken).ConfigureAwait(false);
                return;
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private async Task SubscribeOnAsync(List<Connected> live, List<string> names, CancellationToken cancellationToken)
    {
        List<string> added;
        lock (_lock)
        {
            added = names.FindAll(n => !_desired.Contains(n));
            _desired.AddRange(added);
        }

        try
        {
            foreach (var connected in live)
            {
                await OnStreamAsync(connected, (s, ct) => s.SubscribeAsync(names, ct), cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // Refused (or too many streams, or the caller gave up): the names this call added are not kept.
            lock (_lock)
            {
                _desired.RemoveAll(added.Contains);
            }

            throw;
        }
    }

    public async Task UnsubscribeAsync(List<string> names, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_lock)
            {
                _desired.RemoveAll(names.Contains);
            }

            foreach (var live in Live())
            {
                await OnStreamAsync(live, (s, ct) => s.UnsubscribeAsync(names, ct), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs a change on one stream; a stream closing meanwhile is skipped (the next one is subscribed in full).</summary>
    private static async Task OnStreamAsync(Connected live, Func<AsterMarketStream, CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(live.Stop.Token, cancellationToken);
        try
        {
            await change(live.Stream, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (live.Stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested
            && e is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The stream is being closed.
        }
    }

    private List<Connected> Live()
    {
        lock (_lock)
        {
            return [.. _live];
        }
    }

    private Task<Connected> OpenAsync(Func<AsterMarketStream> factory)
    {
        var attempt = Interlocked.Increment(ref _streamsBuilt);
        AsterMarketStream stream;
        try
        {
            stream = factory();
            stream.Start();
        }
        catch (Exception e)
        {
            log.Warning(e, "Market stream {0} could not be started: {1}; retrying with backoff", attempt, e.Message);
            throw;
        }

        var live = new Connected(stream, attempt);
        lock (_lock)
        {
            _live.Add(live);
            _built.TrySetResult();
        }

        // Subscribing waits for the connection, which may take long while the venue is unreachable: it runs beside
        // the stream, so the connection events flow meanwhile and a close is never stuck behind it.
        live.Sync = SyncAsync(live);
        if (attempt > 1)
        {
            log.Info("Market stream {0} started after a restart", attempt);
        }

        return Task.FromResult(live);
    }

    private async Task SyncAsync(Connected live)
    {
        try
        {
            await _gate.WaitAsync(live.Stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            var names = Streams;
            if (names.Count == 0)
            {
                return;
            }

            try
            {
                await live.Stream.SubscribeAsync(names, live.Stop.Token).ConfigureAwait(false);
            }
            catch (AsterStreamException)
            {
                // One name spoils the batch: subscribe one at a time and keep the ones the venue takes.
                foreach (var name in names)
                {
                    await SubscribeOneAsync(live, name).ConfigureAwait(false);
                }
            }
        }
        catch (Exception) when (live.Stop.IsCancellationRequested)
        {
            // Closing: the next stream subscribes in full.
        }
        catch (Exception e)
        {
            log.Error(e, "Market stream {0} could not subscribe its streams: {1}", live.Number, e.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SubscribeOneAsync(Connected live, string name)
    {
        try
        {
            await live.Stream.SubscribeAsync([name], live.Stop.Token).ConfigureAwait(false);
        }
        catch (AsterStreamException refused)
        {
            lock (_lock)
            {
                _desired.Remove(name);
            }

            log.Error("The venue no longer carries {0} ({1}); it is dropped", name, refused.Message);
        }
    }

    private async Task<Option<MarketStreamEvent>> ReadAsync(Connected live)
    {
        var events = live.Stream.Events;
        while (await events.WaitToReadAsync().ConfigureAwait(false))
        {
            if (events.TryRead(out var item))
            {
                return Option<MarketStreamEvent>.Create(item);
            }
        }

        if (!live.Stop.IsCancellationRequested)
        {
            log.Warning("Market stream {0} ended by itself; rebuilding it with backoff", live.Number);
        }

        return Option<MarketStreamEvent>.None;
    }

    private async Task<Done> CloseAsync(Connected live)
    {
        lock (_lock)
        {
            _live.Remove(live);
            if (_live.Count == 0)
            {
                _built = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        await live.Stop.CancelAsync().ConfigureAwait(false);

        // Changes in progress on this stream stop at the cancellation; wait for them so none runs on a disposed stream.
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await live.Stream.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        await live.Sync.ConfigureAwait(false);
        live.Stop.Dispose();
        return Done.Instance;
    }

    /// <summary>A built stream with what stops the work on it.</summary>
    private sealed class Connected(AsterMarketStream stream, int number)
    {
        public AsterMarketStream Stream { get; } = stream;

        public int Number { get; } = number;

        public CancellationTokenSource Stop { get; } = new();

        public Task Sync { get; set; } = Task.CompletedTask;
    }
}
