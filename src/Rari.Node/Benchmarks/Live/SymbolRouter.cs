using Akka.Actor;
using Rari.Domain.Identifiers;

namespace Rari.Node.Benchmarks.Live;

/// <summary>
/// Routes by symbol as the shard region does on one node: one child per symbol, made by <c>propsOf</c>, and every
/// <see cref="IWithSymbol"/> message forwarded to its symbol's child. (The benchmark leaves out the cluster, which on
/// one node adds a hop through the region and nothing the figures are about.)
/// </summary>
internal sealed class SymbolRouter : ReceiveActor
{
    private readonly Dictionary<Symbol, IActorRef> _children = [];

    /// <summary>Creates the router.</summary>
    public SymbolRouter(Func<Symbol, Props> propsOf)
    {
        Receive<IWithSymbol>(message =>
        {
            if (!_children.TryGetValue(message.Symbol, out var child))
            {
                child = Context.ActorOf(propsOf(message.Symbol), message.Symbol.Value);
                _children.Add(message.Symbol, child);
            }

            child.Forward(message);
        });
    }

    /// <summary>The props.</summary>
    public static Props Props(Func<Symbol, Props> propsOf) => Akka.Actor.Props.Create(() => new SymbolRouter(propsOf));
}
