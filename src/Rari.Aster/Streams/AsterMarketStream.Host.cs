using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Rari.Aster.Streams;

// Requests, the session callbacks and the silence watchdog.
public sealed partial class AsterMarketStream
{
    /// <summary>
    /// Sends a request to the active connection, then to a connection being switched to (prepared before this request);
    /// false when the active connection was lost before it answered.
    /// </summary>
    private async Task<bool> RequestOnEveryConnectionAsync(StreamSocket active, string method, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var reply = await TryRequestAsync(active, method, names, cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            return false;
        }

        ThrowIfRefused(method, reply);
        foreach (var other in _session.Live.Where(s => s != active))
        {
            var answer = await TryRequestAsync(other, method, names, cancellationToken).ConfigureAwait(false);
            if (answer is { IsError: true })
            {
                // The active connection accepted it, so a refusal here is the switching connection's problem.
                other.Abort($"{method} refused on the new connection: {answer.Message}");
            }
        }

        return true;
    }

    /// <summary>Sends one request; null when the connection closed or did not answer in time (it is then replaced).</summary>
    private async Task<StreamReply?> TryRequestAsync(StreamSocket socket, string method, IReadOnlyList<string>? names, CancellationToken cancellationToken)
    {
        var id = _session.NextRequestId();
        try
        {
            return await socket.RequestAsync(id, RequestText(method, names, id), _options.RequestTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (StreamConnectionLostException)
        {
            return null;
        }
        catch (TimeoutException)
        {
            socket.Abort($"no answer to {method} within {_options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
            return null;
        }
    }

    private static string RequestText(string method, IReadOnlyList<string>? names, long id)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("method", method);
            if (names is not null)
            {
                w.WriteStartArray("params");
                foreach (var name in names)
                {
                    w.WriteStringValue(name);
                }

                w.WriteEndArray();
            }

            w.WriteNumber("id", id);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Subscribes every held stream on a fresh connection; streams the venue now refuses are dropped and reported.</summary>
    private async Task PrepareAsync(StreamSocket socket, CancellationToken cancellationToken)
    {
        await _control.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var names = Subscriptions;
            if (names.Count == 0)
            {
                return;
            }

            var reply = await TryRequestAsync(socket, "SUBSCRIBE", names, cancellationToken).ConfigureAwait(false)
                ?? throw new StreamConnectionLostException("the connection closed while subscribing");
            if (!reply.IsError)
            {
                return;
            }

            // One name spoils the batch: find it by subscribing one at a time.
            var dropped = new List<string>();
            foreach (var name in names)
            {
                var single = await TryRequestAsync(socket, "SUBSCRIBE", [name], cancellationToken).ConfigureAwait(false)
                    ?? throw new StreamConnectionLostException("the connection closed while subscribing");
                if (single.IsError)
                {
                    dropped.Add(name);
                }
            }

            lock (_gate)
            {
                _subscriptions.RemoveAll(dropped.Contains);
            }

            _watchdog?.Untrack(dropped);
            StreamLog.Dropped(_logger, string.Join(',', dropped), reply.Message ?? "refused");
            await WriteAsync(new SubscriptionDropped(dropped, reply.Message ?? "refused")).ConfigureAwait(false);
        }
        finally
        {
            _control.Release();
        }
    }

    private async ValueTask OnDataAsync(JsonElement root, string text, long receivedAtMs)
    {
        var stream = MarketPayloads.StreamOf(root);
        IReadOnlyList<MarketStreamEvent> events;
        try
        {
            events = MarketPayloads.Parse(root);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or OverflowException)
        {
            StreamLog.Skipped(_logger, "market", e.Message, StreamLog.Truncate(text, _options.MaxLoggedChars));
            return;
        }

        if (stream.Length > 0 && _watchdog?.Seen(stream, receivedAtMs) is { } silentFor)
        {
            await WriteAsync(new StreamResumed([stream], silentFor)).ConfigureAwait(false);
        }

        foreach (var e in events)
        {
            await WriteAsync(e).ConfigureAwait(false);
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var timeout = _options.SilenceTimeout!.Value;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Clamp(timeout.TotalMilliseconds / 4, 10, 5_000)), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_watchdog!.Check(_session.NowMs) is { } silent)
                {
                    StreamLog.Silent(_logger, string.Join(',', silent.Streams), silent.SinceMs);
                    await WriteAsync(new StreamSilent(silent.Streams, silent.SinceMs)).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async ValueTask WriteAsync(MarketStreamEvent e)
    {
        try
        {
            await _events.Writer.WriteAsync(e, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException)
        {
            // Disposed: nobody reads any more.
        }
    }

    /// <summary>The session's view of this stream.</summary>
    private sealed class Host(AsterMarketStream stream) : IStreamSessionHost
    {
        public Task<Uri> GetEndpointAsync(CancellationToken cancellationToken) => Task.FromResult(stream._options.Endpoint("stream"));

        public Task PrepareAsync(StreamSocket socket, CancellationToken cancellationToken) => stream.PrepareAsync(socket, cancellationToken);

        public ValueTask OnDataAsync(JsonElement root, string text, long receivedAtMs) => stream.OnDataAsync(root, text, receivedAtMs);

        public ValueTask OnConnectedAsync(int connection, StreamConnectReason reason) =>
            stream.WriteAsync(new StreamConnected(connection, reason, stream._session.NowMs));

        public ValueTask OnDisconnectedAsync(int connection, string reason, TimeSpan retryIn) =>
            stream.WriteAsync(new StreamDisconnected(connection, reason, retryIn, stream._session.NowMs));
    }
}
