using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;

namespace Rari.Node.Benchmarks.Live;

/// <summary>
/// Stands for the distributed pub-sub mediator in one process without a cluster: <see cref="Subscribe"/> adds the
/// subscriber to the topic, <see cref="Publish"/> tells the message to the topic's subscribers.
/// </summary>
internal sealed class LocalPubSub : ReceiveActor
{
    private readonly Dictionary<string, List<IActorRef>> _topics = [];

    /// <summary>Creates the mediator.</summary>
    public LocalPubSub()
    {
        Receive<Subscribe>(subscribe =>
        {
            if (!_topics.TryGetValue(subscribe.Topic, out var subscribers))
            {
                _topics[subscribe.Topic] = subscribers = [];
            }

            subscribers.Add(subscribe.Ref);
            Sender.Tell(new SubscribeAck(subscribe));
        });
        Receive<Publish>(publish =>
        {
            if (_topics.TryGetValue(publish.Topic, out var subscribers))
            {
                foreach (var subscriber in subscribers)
                {
                    subscriber.Tell(publish.Message);
                }
            }
        });
        ReceiveAny(_ => { });
    }

    /// <summary>The props.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new LocalPubSub());
}

/// <summary>Forwards everything to a target set later (<see cref="Target"/>): breaks the risk gate ↔ gateway cycle at start.</summary>
internal sealed class Relay : ReceiveActor
{
    private IActorRef _target = ActorRefs.Nobody;

    /// <summary>Creates the relay.</summary>
    public Relay()
    {
        Receive<Target>(target => _target = target.Ref);
        ReceiveAny(message => _target.Forward(message));
    }

    /// <summary>The props.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new Relay());

    /// <summary>Forward to <paramref name="Ref"/> from now on.</summary>
    public sealed record Target(IActorRef Ref);
}
