namespace Rari.Aster.Sim.Replay;

/// <summary>How the market clock advances.</summary>
public enum ReplayMode
{
    /// <summary>Only when told: <c>POST /_sim/clock/step?bars=N</c> or <c>/_sim/clock/advance?to=TIME</c> (tests).</summary>
    Manual = 0,

    /// <summary>At <see cref="ReplayClock.Speed"/> times real time from where it stands.</summary>
    Paced = 1,

    /// <summary>Bar after bar without waiting, as fast as the subscribers keep up.</summary>
    AsFastAsPossible = 2,
}

/// <summary>
/// Drives a <see cref="MarketReplay"/> in the background according to its <see cref="Mode"/>; the mode and speed can be
/// changed at any time (<c>POST /_sim/clock</c>). In <see cref="ReplayMode.Paced"/> the market time is
/// <c>anchorMarket + (wallNow − anchorWall) × Speed</c>, re-anchored whenever the mode or speed changes.
/// </summary>
public sealed class ReplayClock : IAsyncDisposable
{
    private static readonly TimeSpan PacedTick = TimeSpan.FromMilliseconds(20);

    private readonly MarketReplay _replay;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _anchorWallMs;
    private long _anchorMarketMs;

    /// <summary>Creates a stopped clock; <see cref="Start"/> begins driving.</summary>
    /// <param name="replay">The replay to drive.</param>
    /// <param name="time">Wall clock for pacing.</param>
    /// <param name="mode">Initial mode.</param>
    /// <param name="speed">Initial speed for <see cref="ReplayMode.Paced"/> (market seconds per wall second, &gt; 0).</param>
    public ReplayClock(MarketReplay replay, TimeProvider time, ReplayMode mode, double speed)
    {
        _replay = replay;
        _time = time;
        Set(mode, speed);
    }

    /// <summary>The current mode.</summary>
    public ReplayMode Mode { get; private set; }

    /// <summary>Market seconds per wall-clock second in <see cref="ReplayMode.Paced"/>.</summary>
    public double Speed { get; private set; }

    /// <summary>Changes mode and speed; takes effect at once.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The speed is not a positive finite number, or the mode is unknown.</exception>
    public void Set(ReplayMode mode, double speed)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown replay mode.");
        }

        if (!double.IsFinite(speed) || speed <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The replay speed must be a positive number.");
        }

        lock (_gate)
        {
            Mode = mode;
            Speed = speed;
            _anchorWallMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
            _anchorMarketMs = _replay.MarketTimeMs;
            _wake.TrySetResult();
        }
    }

    /// <summary>
    /// Restarts pacing from the current market time, after the clock was moved by hand (<c>/_sim/clock/step</c>), so
    /// <see cref="ReplayMode.Paced"/> continues from there instead of waiting for wall time to catch up.
    /// </summary>
    public void Reanchor() => Set(Mode, Speed);

    /// <summary>Starts the background loop.</summary>
    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Stops the background loop.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            ReplayMode mode;
            Task wake;
            long target = 0;
            lock (_gate)
            {
                mode = Mode;
                if (_wake.Task.IsCompleted)
                {
                    _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                wake = _wake.Task;
                if (mode == ReplayMode.Paced)
                {
                    var elapsed = _time.GetUtcNow().ToUnixTimeMilliseconds() - _anchorWallMs;
                    target = _anchorMarketMs + (long)(elapsed * Speed);
                }
            }

            if (_replay.IsFinished || mode == ReplayMode.Manual)
            {
                // Nothing to do until the mode changes (or forever, once the data is exhausted).
                await wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (mode == ReplayMode.AsFastAsPossible)
            {
                _replay.Step(1);
                await Task.Yield();
                continue;
            }

            _replay.AdvanceTo(target);
            await Task.WhenAny(wake, Task.Delay(PacedTick, _time, cancellationToken)).ConfigureAwait(false);
        }
    }
}
