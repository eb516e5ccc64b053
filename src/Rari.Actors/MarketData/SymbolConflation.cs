using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.Stage;

namespace Rari.Actors.MarketData;

/// <summary>
/// A flow that conflates per key with <see cref="ConflatingBuffer{T, TKey}"/>: items without a key pass in order and are
/// never dropped; of the items with a key only the latest waits when the consumer lags or the key's interval has not
/// passed. It keeps pulling from upstream while fewer than <c>capacity</c> kept items wait, so a slow consumer
/// conflates instead of back-pressuring, until the kept items alone fill the buffer.
/// </summary>
public static class SymbolConflation
{
    /// <summary>The conflating flow.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TKey">The conflation key.</typeparam>
    /// <param name="keyOf">The key of an item that may be conflated, or null for one that must be kept.</param>
    /// <param name="minInterval">The least time between two items of one key; zero conflates only when the consumer lags.</param>
    /// <param name="capacity">How many kept items may wait before upstream is back-pressured, at least 1.</param>
    /// <param name="time">The clock for the interval; <see cref="TimeProvider.System"/> when null.</param>
    public static Flow<T, T, NotUsed> Create<T, TKey>(Func<T, TKey?> keyOf, TimeSpan minInterval, int capacity = 1024, TimeProvider? time = null)
        where TKey : struct, IEquatable<TKey>
    {
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(minInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return Flow.FromGraph(new Stage<T, TKey>(keyOf, (long)minInterval.TotalMilliseconds, capacity, time ?? TimeProvider.System));
    }

    private sealed class Stage<T, TKey> : GraphStage<FlowShape<T, T>>
        where TKey : struct, IEquatable<TKey>
    {
        private readonly Inlet<T> _in = new("conflation.in");
        private readonly Outlet<T> _out = new("conflation.out");
        private readonly Func<T, TKey?> _keyOf;
        private readonly long _minIntervalMs;
        private readonly int _capacity;
        private readonly TimeProvider _time;

        public Stage(Func<T, TKey?> keyOf, long minIntervalMs, int capacity, TimeProvider time)
        {
            _keyOf = keyOf;
            _minIntervalMs = minIntervalMs;
            _capacity = capacity;
            _time = time;
        }

        public override FlowShape<T, T> Shape => new(_in, _out);

        protected override Attributes InitialAttributes { get; } = Attributes.CreateName("symbol-conflation");

        protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

        private sealed class Logic : TimerGraphStageLogic
        {
            private const string DueTimer = "due";
            private readonly Stage<T, TKey> _stage;
            private readonly ConflatingBuffer<T, TKey> _buffer;
            private bool _finishing;

            public Logic(Stage<T, TKey> stage)
                : base(stage.Shape)
            {
                _stage = stage;
                _buffer = new ConflatingBuffer<T, TKey>(stage._keyOf, stage._minIntervalMs);
                SetHandler(stage._in, onPush: OnPush, onUpstreamFinish: OnUpstreamFinish);
                SetHandler(stage._out, onPull: OnPull);
            }

            public override void PreStart() => Pull(_stage._in);

            protected override void OnTimer(object timerKey)
            {
                if (IsAvailable(_stage._out))
                {
                    Emit();
                }
            }

            private long NowMs => _stage._time.GetUtcNow().ToUnixTimeMilliseconds();

            private void OnPush()
            {
                _buffer.Add(Grab(_stage._in), NowMs);
                if (IsAvailable(_stage._out))
                {
                    Emit();
                }

                PullIfRoom();
            }

            private void OnPull()
            {
                Emit();
                PullIfRoom();
            }

            private void OnUpstreamFinish()
            {
                _finishing = true;
                if (_buffer.Count == 0)
                {
                    CompleteStage();
                }
                else if (IsAvailable(_stage._out))
                {
                    Emit();
                }
            }

            private void Emit()
            {
                if (_buffer.TryTake(NowMs, out var item, ignorePacing: _finishing))
                {
                    Push(_stage._out, item);
                    if (_finishing && _buffer.Count == 0)
                    {
                        CompleteStage();
                    }

                    return;
                }

                if (_buffer.NextDueMs() is { } due)
                {
                    ScheduleOnce(DueTimer, TimeSpan.FromMilliseconds(Math.Max(1, due - NowMs)));
                }
            }

            private void PullIfRoom()
            {
                if (!_finishing && _buffer.KeptCount < _stage._capacity && !HasBeenPulled(_stage._in) && !IsClosed(_stage._in))
                {
                    Pull(_stage._in);
                }
            }
        }
    }
}
