using System.Text.Json;

namespace Rari.Aster.Sim.Streams;

/// <summary>
/// An event of the user data stream (fact sheet §4.5). The trading engine builds them and publishes them through
/// <see cref="IUserEventSink"/>; the simulator writes them with Aster's field names and delivers them to every
/// connection listening on the account's active listenKey.
/// </summary>
/// <remarks>
/// Enumerations are carried as Aster's wire text (<c>"BUY"</c>, <c>"LIMIT"</c>, <c>"PARTIALLY_FILLED"</c>) and
/// decimals as the exact strings to send, formatted by the engine with the instrument's precision.
/// </remarks>
/// <param name="EventTimeMs">Event time <c>E</c>, UTC epoch ms (use market time).</param>
public abstract record UserStreamEvent(long EventTimeMs)
{
    /// <summary>The <c>e</c> field.</summary>
    public abstract string EventType { get; }

    /// <summary>Writes the whole event object.</summary>
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("e", EventType);
        w.WriteNumber("E", EventTimeMs);
        WriteFields(w);
        w.WriteEndObject();
    }

    /// <summary>Writes the fields after <c>e</c> and <c>E</c>.</summary>
    protected abstract void WriteFields(Utf8JsonWriter w);
}

/// <summary><c>listenKeyExpired</c>: sent by the simulator when the key behind a connection expires.</summary>
/// <param name="EventTimeMs">Wall-clock time of the expiry, UTC epoch ms.</param>
/// <param name="ListenKey">The expired key.</param>
public sealed record ListenKeyExpired(long EventTimeMs, string ListenKey) : UserStreamEvent(EventTimeMs)
{
    /// <inheritdoc />
    public override string EventType => "listenKeyExpired";

    /// <inheritdoc />
    protected override void WriteFields(Utf8JsonWriter w) => w.WriteString("listenKey", ListenKey);
}

/// <summary>
/// Where the trading engine publishes an account's user-stream events. The simulator delivers each event to every
/// WebSocket listening on the account's active listenKey; with no such connection the event is dropped, as on the
/// exchange. Thread-safe.
/// </summary>
public interface IUserEventSink
{
    /// <summary>Publishes <paramref name="userEvent"/> to the listeners of account <paramref name="accountName"/>.</summary>
    void Publish(string accountName, UserStreamEvent userEvent);
}
