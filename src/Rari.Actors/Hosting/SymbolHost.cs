using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Rari.Actors.MarketData;
using Rari.Actors.Symbols;
using Rari.Domain.Identifiers;

namespace Rari.Actors.Hosting;

/// <summary>
/// The sharding entity of a symbol on the node that hosts it: it subscribes this node's market-data stream to the symbol
/// while the symbol lives here, runs the symbol's <see cref="SymbolSupervisor"/> as its child and forwards every message
/// to it. When the shard moves (a hand-off, a node that left or died), the host stops here and starts on another node,
/// so each node's stream carries exactly the symbols it hosts.
/// </summary>
/// <remarks>
/// <para>A symbol that is no longer traded (a remembered entity from an earlier configuration) is passivated at once:
/// with remembered entities, passivation is what makes the shard forget it, so it does not come back on the next move.</para>
/// <para>While a hand-off moves the symbol, both nodes may carry it for a moment; the strategies drop a repeated closed
/// kline by its open time, and the new host's strategy warms up from kline history, so no bar is lost in the gap.</para>
/// </remarks>
public sealed class SymbolHost : ReceiveActor
{
    /// <summary>The name of the supervisor child.</summary>
    public const string SupervisorName = "supervisor";

    private readonly Symbol _symbol;
    private readonly Props _supervisorProps;
    private readonly Task<IActorRef> _marketData;
    private readonly bool _traded;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private IActorRef? _stream;
    private IActorRef? _supervisor;
    private bool _stopping;

    /// <summary>Creates the host; use <see cref="EntityProps"/>.</summary>
    /// <param name="symbol">The symbol (the entity id).</param>
    /// <param name="supervisorProps">The props of the symbol's supervisor.</param>
    /// <param name="marketData">This node's market-data stream, once registered.</param>
    /// <param name="traded">Whether the node's configuration trades the symbol.</param>
    public SymbolHost(Symbol symbol, Props supervisorProps, Task<IActorRef> marketData, bool traded)
    {
        _symbol = symbol;
        _supervisorProps = supervisorProps ?? throw new ArgumentNullException(nameof(supervisorProps));
        _marketData = marketData ?? throw new ArgumentNullException(nameof(marketData));
        _traded = traded;
        Hosting();
    }

    /// <summary>The shard region's entity factory: a host per symbol, around the supervisor <paramref name="supervisorProps"/> makes.</summary>
    /// <param name="supervisorProps">The supervisor of the symbol named by the entity id.</param>
    /// <param name="marketData">This node's market-data stream (from the registry; it may register after the region).</param>
    /// <param name="traded">The symbols the node's configuration trades; any other entity is forgotten.</param>
    public static Func<string, Props> EntityProps(Func<string, Props> supervisorProps, Task<IActorRef> marketData, IReadOnlyCollection<Symbol> traded)
    {
        ArgumentNullException.ThrowIfNull(supervisorProps);
        ArgumentNullException.ThrowIfNull(marketData);
        ArgumentNullException.ThrowIfNull(traded);
        var set = new HashSet<Symbol>(traded);
        return entityId =>
        {
            var symbol = new Symbol(entityId);
            var traded = set.Contains(symbol);
            var props = supervisorProps(entityId);
            return Props.Create(() => new SymbolHost(symbol, props, marketData, traded));
        };
    }

    private void Hosting()
    {
        Receive<StreamReady>(ready => Subscribe(ready.Stream));
        Receive<SymbolsSubscribed>(subscribed =>
        {
            foreach (var (symbol, refusal) in subscribed.Refused)
            {
                _log.Error("{Symbol}: this node's market data refused it ({Reason}); it trades on no data here", symbol, refusal);
            }
        });
        Receive<StopSymbol>(_ => Stop());
        Receive<Terminated>(terminated =>
        {
            if (!terminated.ActorRef.Equals(_supervisor))
            {
                return;
            }

            _supervisor = null;
            if (!_stopping)
            {
                // The supervisor only stops when told; stopping too lets the shard start the symbol again.
                _log.Error("{Symbol}: its supervisor stopped unexpectedly; the host stops so that the shard starts it again", _symbol);
            }

            Context.Stop(Self);
        });
        ReceiveAny(message => _supervisor?.Forward(message));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (!_traded)
        {
            _log.Info("{Symbol} is no longer traded by this configuration; its remembered entity is forgotten", _symbol);
            _stopping = true;
            Context.Parent.Tell(new Passivate(StopSymbol.Instance));
            return;
        }

        _supervisor = Context.Watch(Context.ActorOf(_supervisorProps, SupervisorName));
        if (_marketData.IsCompletedSuccessfully)
        {
            Subscribe(_marketData.Result);
        }
        else
        {
            _marketData.PipeTo(Self, success: stream => new StreamReady(stream));
        }
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        // The symbol now lives on another node (or nowhere): this node's stream stops carrying it. No answer is wanted.
        _stream?.Tell(new UnsubscribeSymbols([_symbol]), ActorRefs.Nobody);
        _log.Info("{Symbol} left this node", _symbol);
    }

    private void Subscribe(IActorRef stream)
    {
        if (_stream is not null || _stopping)
        {
            return;
        }

        _stream = stream;
        stream.Tell(new SubscribeSymbols([_symbol]), Self);
        _log.Info("{Symbol} is hosted on this node; its market data is subscribed here", _symbol);
    }

    private void Stop()
    {
        _stopping = true;
        if (_supervisor is null)
        {
            Context.Stop(Self);
        }
        else
        {
            _supervisor.Tell(StopSymbol.Instance);
        }
    }

    /// <summary>The node's market-data stream registered.</summary>
    private sealed record StreamReady(IActorRef Stream);
}
