using Rari.Aster.Rest;

namespace Rari.Aster.Streams;

/// <summary>Settings of an <see cref="AsterUserStream"/>.</summary>
public sealed record UserStreamOptions : StreamConnectionOptions
{
    /// <summary>
    /// How often the listenKey is kept alive. A key lives 60 minutes after its creation or last keepalive; every 30
    /// minutes leaves room for one failed keepalive (fact sheet §3.5).
    /// </summary>
    public TimeSpan KeepAliveListenKeyInterval { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long each event is held to put events that arrive out of order back in <c>E</c> order (see
    /// <see cref="AsterUserStream"/>); zero passes events on as they arrive.
    /// </summary>
    public TimeSpan ReorderWindow { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Options for <paramref name="client"/>'s WebSocket host.</summary>
    public static UserStreamOptions For(AsterClientOptions client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new UserStreamOptions { WebSocketBaseUrl = client.WebSocketBaseUrl };
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Problems()
    {
        var problems = new List<string>(base.Problems());
        Positive(problems, nameof(KeepAliveListenKeyInterval), KeepAliveListenKeyInterval);
        if (KeepAliveListenKeyInterval >= TimeSpan.FromMinutes(60))
        {
            problems.Add(Text($"KeepAliveListenKeyInterval is {KeepAliveListenKeyInterval}; a listenKey lapses after 60 minutes, so keep it alive more often."));
        }

        if (ReorderWindow < TimeSpan.Zero)
        {
            problems.Add(Text($"ReorderWindow is {ReorderWindow}; it must not be negative (zero turns reordering off)."));
        }

        return problems;
    }
}
