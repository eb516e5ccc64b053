using System.Text.Json;

namespace Rari.Aster.Streams;

/// <summary>What a <see cref="StreamSession"/> asks of the stream built on it (market or user data).</summary>
internal interface IStreamSessionHost
{
    /// <summary>The URL of the next connection (the user stream creates or extends its listenKey here).</summary>
    Task<Uri> GetEndpointAsync(CancellationToken cancellationToken);

    /// <summary>Readies a fresh connection before it carries data (subscribes every stream); throw to reject it.</summary>
    Task PrepareAsync(StreamSocket socket, CancellationToken cancellationToken);

    /// <summary>A data message, deduplicated across connections; called one at a time, in delivery order.</summary>
    /// <param name="root">The parsed message; valid only during the call.</param>
    /// <param name="text">The raw text, for logs.</param>
    /// <param name="receivedAtMs">Local arrival time, UTC epoch ms.</param>
    ValueTask OnDataAsync(JsonElement root, string text, long receivedAtMs);

    /// <summary>A connection is ready and carries data from now on.</summary>
    ValueTask OnConnectedAsync(int connection, StreamConnectReason reason);

    /// <summary>The connection carrying data was lost; the next attempt follows after <paramref name="retryIn"/>.</summary>
    ValueTask OnDisconnectedAsync(int connection, string reason, TimeSpan retryIn);
}
