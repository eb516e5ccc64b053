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
/// <remarks>
/// <see cref="CreateBatched{T, TKey}"/> hands the consumer everything that may go at once (up to a bound), in the order
/// the buffer gives it, so a consumer that pays per delivery (an actor acknowledging each one) pays once per batch; what
/// waits while a batch is being handled is conflated exactly as between single items.
/// </remarks>
public static class SymbolConflation
{
    /// <summary>The conflating flow, one item at a time.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TKey">The conflation key.</typeparam>
    /// <param name="keyOf">The key of an item that may be conflated, or null for one that must be kept.</param>
    /// <param name="minInterval">The least time between two items of one key; zero conflates only when the consumer lags.</param>
    /// <param name="capacity">How many kept items may wait before upstream is back-pressured, at least 1.</param>
    /// <param name="time">The clock for the interval; <see cref="TimeProvider.System"/> when null.</param>
    public static Flow<T, T, NotUsed> Create<T, TKey>(Func<T, TKey?> keyOf, TimeSpan minInterval, int capacity = 1024, TimeProvider? time = null)
        where TKey : struct, IEquatable<TKey> =>
        CreateBatched(keyOf, minInterval, capacity, maxBatch: 1, time).Select(batch => batch[0]);

    /// <summary>
    /// The conflating flow in batches: on each pull, every item that may go now, oldest first, at most
    /// <paramref name="maxBatch"/> (never an empty batch).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TKey">The conflation key.</typeparam>
    /// <param name="keyOf">The key of an item that may be conflated, or null for one that must be kept.</param>
    /// <param name="minInterval">The least time between two items of one key; zero conflates only when the consumer lags.</param>
    /// <param name="capacity">How many kept items may wait before upstream is back-pressured, at least 1.</param>
    /// <param name="maxBatch">The most items in one batch, at least 1.</param>
    /// <param name="time">The clock for the interval; <see cref="TimeProvider.System"/> when null.</param>
    public static Flow<T, IReadOnlyList<T>, NotUsed> CreateBatched<T, TKey>(
        Func<T, TKey?> keyOf, TimeSpan minInterval, int capacity, int maxBatch, TimeProvider? time = null)
        where TKey : struct, IEquatable<TKey>
    {
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(minInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        return Flow.FromGraph(new Stage<T, TKey>(keyOf, (long)minInterval.TotalMilliseconds, capacity, maxBatch, time ?? TimeProvider.System));
    }

    private sealed class Stage<T, TKey> : GraphStage<FlowShape<T, IReadOnlyList<T>>>
        where TKey : struct, IEquatable<TKey>
    {
        private readonly Inlet<T> _in = new("conflation.in");
        private readonly Outlet<IReadOnlyList<T>> _out = new("conflation.out");
        private readonly Func<T, TKey?> _keyOf;
        private readonly long _minIntervalMs;
        private readonly int _capacity;
        private readonly int _maxBatch;
        private readonly TimeProvider _time;

        public Stage(Func<T, TKey?> keyOf, long minIntervalMs, int capacity, int maxBatch, TimeProvider time)
        {
            _keyOf = keyOf;
            _minIntervalMs = minIntervalMs;
            _capacity = capacity;
            _maxBatch = maxBatch;
            _time = time;
        }

        public override FlowShape<T, IReadOnlyList<T>> Shape => new(_in, _out);

        protected override Attributes InitialAttributes { get; } = Attributes.CreateName("symbol-conflation");

        protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

        private sealed class Logic : TimerGraphStageLogic
        {
            private const string DueTimer = "due";
            private readonly Stage<T, TKey> _stage;
            private readonly ConflatingBuffer<T, TKey> _buffer;
            private readonly List<T> _batch = [];
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
                var nowMs = NowMs;
                while (_batch.Count < _stage._maxBatch && _buffer.TryTake(nowMs, out var item, ignorePacing: _finishing))
                {
                    _batch.Add(item);
                }

                if (_batch.Count > 0)
                {
                    // A fresh array per batch: the consumer may keep it (an actor message must not change later).
                    var batch = _batch.ToArray();
                    _batch.Clear();
                    Push(_stage._out, batch);
                    if (_finishing && _buffer.Count == 0)
                    {
                        CompleteStage();
                    }

                    return;
                }

                if (_buffer.NextDueMs() is { } due)
                {
                    ScheduleOnce(DueTimer, TimeSpan.FromMilliseconds(Math.Max(1, due - nowMs)));
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
