using System.Diagnostics;
using Akka.Actor;
using Rari.Actors.MarketData;

namespace Rari.Node.Benchmarks.Live;

/// <summary>
/// Feeds market events to the market-data stream actor the way its Akka.Streams graph does with a source that always has
/// events ready: a <see cref="MarketDataBatch"/> of <see cref="MarketDataStream.MaxBatch"/> events, the next when the
/// actor acknowledges the previous one (the graph gathers what arrives meanwhile, up to that bound). Answers
/// <see cref="Feed"/> with <see cref="Fed"/> once the last batch is acknowledged.
/// </summary>
internal sealed class StreamFeeder : ReceiveActor
{
    private Func<long, object>? _eventAt;
    private long _next;
    private long _end;
    private IActorRef? _requester;
    private long _startedAt;

    /// <summary>Creates the feeder for <paramref name="stream"/>.</summary>
    public StreamFeeder(IActorRef stream)
    {
        Receive<Feed>(feed =>
        {
            _eventAt = feed.EventAt;
            _next = feed.From;
            _end = feed.From + feed.Count;
            _requester = Sender;
            _startedAt = Stopwatch.GetTimestamp();
            stream.Tell(NextBatch());
        });

        // Anything else is the stream actor's acknowledgement (its ack type is private to it).
        ReceiveAny(_ =>
        {
            if (_next < _end)
            {
                stream.Tell(NextBatch());
            }
            else if (_requester is not null)
            {
                _requester.Tell(new Fed(Stopwatch.GetElapsedTime(_startedAt)));
                _requester = null;
            }
        });
    }

    private MarketDataBatch NextBatch()
    {
        var events = new object[Math.Min(MarketDataStream.MaxBatch, _end - _next)];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = _eventAt!(_next++);
        }

        return new MarketDataBatch(events);
    }

    /// <summary>The props.</summary>
    public static Props Props(IActorRef stream) => Akka.Actor.Props.Create(() => new StreamFeeder(stream));

    /// <summary>Feed events number <paramref name="From"/> to <paramref name="From"/> + <paramref name="Count"/> − 1.</summary>
    public sealed record Feed(long From, long Count, Func<long, object> EventAt);

    /// <summary>The last event was acknowledged after <paramref name="Elapsed"/>.</summary>
    public sealed record Fed(TimeSpan Elapsed);
}
