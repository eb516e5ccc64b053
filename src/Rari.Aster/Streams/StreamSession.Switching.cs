namespace Rari.Aster.Streams;

// Running one connection: waiting for its loss, a reconnect request, or its age, and the make-before-break switch.
internal sealed partial class StreamSession
{
    /// <summary>
    /// Runs the active connection (and those that replace it by plan) until it is lost; returns the lost connection,
    /// why, and whether to reconnect without waiting.
    /// </summary>
    private async Task<(StreamSocket Lost, string Reason, bool Immediate)> RunAsync(StreamSocket socket, CancellationToken cancellationToken)
    {
        var switchAttempt = 0;
        var nextSwitchAt = SwitchDueAt(socket);
        while (true)
        {
            Task<string> reconnect;
            lock (_gate)
            {
                reconnect = _reconnectRequest.Task;
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var age = nextSwitchAt is { } due ? Task.Delay(Until(due), _time, wake.Token) : Task.Delay(Timeout.Infinite, wake.Token);
            var first = await Task.WhenAny(socket.Closed, reconnect, age).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                return (socket, "stopped", false);
            }

            if (first == socket.Closed)
            {
                Deactivate(socket);
                var why = await socket.Closed.ConfigureAwait(false);
                await socket.DisposeAsync().ConfigureAwait(false);
                return (socket, why, false);
            }

            if (first == reconnect)
            {
                var requested = await reconnect.ConfigureAwait(false);
                lock (_gate)
                {
                    _reconnectRequest = NewSignal<string>();
                }

                Deactivate(socket);
                await socket.CloseAsync(requested).ConfigureAwait(false);
                await socket.DisposeAsync().ConfigureAwait(false);
                return (socket, requested, true);
            }

            var replacement = await SwitchAsync(socket, cancellationToken).ConfigureAwait(false);
            if (replacement is null)
            {
                var retry = _settings.Backoff.Next(switchAttempt++);
                nextSwitchAt = _time.GetTimestamp() + (long)(retry.TotalSeconds * _time.TimestampFrequency);
                continue;
            }

            socket = replacement;
            switchAttempt = 0;
            nextSwitchAt = SwitchDueAt(socket);
        }
    }

    /// <summary>
    /// Opens a new connection beside <paramref name="old"/> and moves delivery to it (see the class remarks); returns
    /// it, or null when the switch was given up and <paramref name="old"/> stays.
    /// </summary>
    private async Task<StreamSocket?> SwitchAsync(StreamSocket old, CancellationToken cancellationToken)
    {
        StreamSocket fresh;
        try
        {
            fresh = await OpenAsync(planned: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsConnectFailure(e))
        {
            StreamLog.SwitchAbandoned(_logger, _settings.Name, e.Message, old.Number, (long)_settings.Backoff.InitialDelay.TotalMilliseconds);
            return null;
        }

        Switch? planned;
        lock (_gate)
        {
            planned = _switch;
        }

        if (planned is null)
        {
            // The old connection closed while the new one was prepared: the new one is simply the next connection.
            return fresh;
        }

        var poll = TimeSpan.FromMilliseconds(Math.Clamp(_settings.SwitchOverGrace.TotalMilliseconds / 4, 10, 250));
        while (true)
        {
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(planned.Done.Task, old.Closed, fresh.Closed, Task.Delay(poll, _time, wake.Token)).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
            if (planned.Done.Task.IsCompleted || old.Closed.IsCompleted || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var now = NowMs;
            if (fresh.Closed.IsCompleted || (planned.NewFirstAtMs is null && now - planned.StartedAtMs >= _settings.SwitchOverTimeout.TotalMilliseconds))
            {
                lock (_gate)
                {
                    _switch = null;
                }

                var why = fresh.Closed.IsCompleted ? "the new connection closed" : "the new connection delivered nothing";
                StreamLog.SwitchAbandoned(_logger, _settings.Name, why, old.Number, (long)_settings.Backoff.InitialDelay.TotalMilliseconds);
                await fresh.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            if (planned.NewFirstAtMs is { } firstAt && now - firstAt >= _settings.SwitchOverGrace.TotalMilliseconds)
            {
                break;
            }
        }

        // The old connection lost before it caught up may have held events the new one never saw: report a reconnect.
        var oldLost = old.Closed.IsCompleted && !planned.Done.Task.IsCompleted;
        Complete(planned);
        var ageMinutes = _time.GetElapsedTime(old.OpenedAt).TotalMinutes;
        await old.CloseAsync($"replaced by connection {fresh.Number}").ConfigureAwait(false);
        await old.DisposeAsync().ConfigureAwait(false);
        SignalActive(fresh);
        if (oldLost)
        {
            var why = await old.Closed.ConfigureAwait(false);
            StreamLog.Lost(_logger, _settings.Name, old.Number, why, 0);
            await _host.OnDisconnectedAsync(old.Number, why, TimeSpan.Zero).ConfigureAwait(false);
            await _host.OnConnectedAsync(fresh.Number, StreamConnectReason.Reconnect).ConfigureAwait(false);
            return fresh;
        }

        StreamLog.Switched(_logger, _settings.Name, old.Number, fresh.Number, ageMinutes);
        await _host.OnConnectedAsync(fresh.Number, StreamConnectReason.Planned).ConfigureAwait(false);
        return fresh;
    }

    /// <summary>
    /// Whether a data message from <paramref name="socket"/> is passed on: always from the active connection; during a
    /// switch, from whichever connection brings it first (see the class remarks).
    /// </summary>
    private bool Admit(StreamSocket socket, string text)
    {
        lock (_gate)
        {
            if (_switch is not { } planned)
            {
                return socket == _active;
            }

            if (socket == planned.Old)
            {
                if (Take(planned.FromNew, text))
                {
                    // The old connection has reached what the new one delivered: it holds nothing more.
                    Complete(planned);
                    return false;
                }

                Add(planned.FromOld, text);
                return true;
            }

            if (socket == planned.New)
            {
                planned.NewFirstAtMs ??= NowMs;
                if (Take(planned.FromOld, text))
                {
                    return false;
                }

                Add(planned.FromNew, text);
                return true;
            }

            return false;
        }
    }

    private void Complete(Switch planned)
    {
        lock (_gate)
        {
            if (_switch == planned)
            {
                _active = planned.New;
                _switch = null;
            }
        }

        planned.Done.TrySetResult();
    }

    private void Deactivate(StreamSocket socket)
    {
        lock (_gate)
        {
            if (_active == socket)
            {
                _active = null;
            }
        }
    }

    private static bool Take(Dictionary<string, int> delivered, string text)
    {
        if (!delivered.TryGetValue(text, out var count))
        {
            return false;
        }

        if (count == 1)
        {
            delivered.Remove(text);
        }
        else
        {
            delivered[text] = count - 1;
        }

        return true;
    }

    private static void Add(Dictionary<string, int> delivered, string text) =>
        delivered[text] = delivered.GetValueOrDefault(text) + 1;

    private long? SwitchDueAt(StreamSocket socket) =>
        _settings.MaxConnectionAge is { } age ? socket.OpenedAt + (long)(age.TotalSeconds * _time.TimestampFrequency) : null;

    private TimeSpan Until(long timestamp)
    {
        var now = _time.GetTimestamp();
        return timestamp <= now ? TimeSpan.Zero : _time.GetElapsedTime(now, timestamp);
    }

    /// <summary>A planned switch in progress: the two connections and what each delivered that the other has not yet.</summary>
    private sealed class Switch(StreamSocket old, StreamSocket @new, long startedAtMs)
    {
        public StreamSocket Old { get; } = old;

        public StreamSocket New { get; } = @new;

        public long StartedAtMs { get; } = startedAtMs;

        public long? NewFirstAtMs { get; set; }

        public Dictionary<string, int> FromOld { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> FromNew { get; } = new(StringComparer.Ordinal);

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
