using Akka.Actor;

namespace Rari.Actors.Ops;

/// <summary>
/// Walks the actor tree from a path with <see cref="Identify"/> sent to <c>path/*</c>: every live child answers with its
/// reference, on this node or (for a full address) on another. Akka keeps no public list of an actor's children, so
/// asking them is the way; children that answer after the timeout are left out.
/// </summary>
/// <param name="system">The actor system that asks.</param>
/// <param name="timeout">How long to collect the answers of one level.</param>
internal sealed class ActorTreeWalker(ActorSystem system, TimeSpan timeout)
{
    private const int MaxChildrenPerActor = 200;

    public async Task<ActorNode> WalkAsync(string path, int depth, CancellationToken cancellationToken)
    {
        if (depth <= 0)
        {
            return new ActorNode(path, null);
        }

        var children = await ChildrenAsync(path, cancellationToken).ConfigureAwait(false);
        var nodes = await Task.WhenAll(children.Select(child => WalkAsync(child, depth - 1, cancellationToken))).ConfigureAwait(false);
        return new ActorNode(path, nodes);
    }

    private async Task<IReadOnlyList<string>> ChildrenAsync(string path, CancellationToken cancellationToken)
    {
        // A temporary actor collects the identities: the selection's wildcard sends one answer per child.
        var answers = new List<string>();
        var collector = system.ActorOf(Props.Create(() => new IdentityCollector(answers)));
        try
        {
            system.ActorSelection(path + "/*").Tell(new Identify(path), collector);
            await Task.Delay(timeout, cancellationToken).ConfigureAwait(false);
            var done = await collector.Ask<IReadOnlyList<string>>(IdentityCollector.Finish.Instance, timeout, cancellationToken).ConfigureAwait(false);
            return [.. done.Order(StringComparer.Ordinal).Take(MaxChildrenPerActor)];
        }
        finally
        {
            system.Stop(collector);
        }
    }

    /// <summary>Collects <see cref="ActorIdentity"/> answers until asked for them.</summary>
    private sealed class IdentityCollector : ReceiveActor
    {
        public IdentityCollector(List<string> answers)
        {
            Receive<ActorIdentity>(identity =>
            {
                if (identity.Subject is { } subject)
                {
                    answers.Add(PathOf(subject));
                }
            });
            Receive<Finish>(_ => Sender.Tell((IReadOnlyList<string>)[.. answers]));
        }

        // A remote child's path carries its node's address; a local one does not, and reads as /user/....
        private static string PathOf(IActorRef subject) =>
            subject.Path.Address.HasGlobalScope ? subject.Path.ToString() : subject.Path.ToStringWithoutAddress();

        public sealed record Finish
        {
            public static Finish Instance { get; } = new();
        }
    }
}
