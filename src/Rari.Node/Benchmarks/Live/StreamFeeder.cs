using System.Diagnostics;
using Akka.Actor;

namespace Rari.Node.Benchmarks.Live;

/// <summary>
/// Feeds market events to the market-data stream actor the way its Akka.Streams sink does: one event at a time, the
/// next when the actor acknowledges the previous one. Answers <see cref="Feed"/> with <see cref="Fed"/> once the last
/// event is acknowledged.
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
            stream.Tell(_eventAt(_next++));
        });

        // Anything else is the stream actor's acknowledgement (its ack type is private to it).
        ReceiveAny(_ =>
        {
            if (_next < _end)
            {
                stream.Tell(_eventAt!(_next++));
            }
            else if (_requester is not null)
            {
                _requester.Tell(new Fed(Stopwatch.GetElapsedTime(_startedAt)));
                _requester = null;
            }
        });
    }

    /// <summary>The props.</summary>
    public static Props Props(IActorRef stream) => Akka.Actor.Props.Create(() => new StreamFeeder(stream));

    /// <summary>Feed events number <paramref name="From"/> to <paramref name="From"/> + <paramref name="Count"/> − 1.</summary>
    public sealed record Feed(long From, long Count, Func<long, object> EventAt);

    /// <summary>The last event was acknowledged after <paramref name="Elapsed"/>.</summary>
    public sealed record Fed(TimeSpan Elapsed);
}
