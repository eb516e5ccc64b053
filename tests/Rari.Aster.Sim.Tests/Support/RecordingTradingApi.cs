using System.Collections.Concurrent;
using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.Trading;

namespace Rari.Aster.Sim.Tests.Support;

/// <summary>A trading engine stand-in that records every call and answers with what it received.</summary>
internal sealed class RecordingTradingApi : ISimTradingApi
{
    public ConcurrentQueue<TradingCall> Calls { get; } = new();

    public ValueTask<SimReply> HandleAsync(TradingCall call, CancellationToken cancellationToken)
    {
        Calls.Enqueue(call);
        return ValueTask.FromResult(SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("endpoint", call.Endpoint.ToString());
            w.WriteString("account", call.Account.Name);
            foreach (var name in call.Parameters.Names)
            {
                w.WriteString("p_" + name, call.Parameters[name]);
            }

            w.WriteEndObject();
        }));
    }
}
