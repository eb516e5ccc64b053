namespace Rari.Aster.Streams;

/// <summary>
/// Spaces the messages a client sends on one WebSocket: at most <c>limit</c> in any rolling second. Aster disconnects
/// a connection that sends more than 10 a second (fact sheet §4.1).
/// </summary>
/// <remarks>Not thread-safe: the socket calls it under its send gate, one message at a time.</remarks>
internal sealed class MessageRateLimiter(int limit, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Queue<long> _sent = new();

    /// <summary>Waits until one more message fits in the rolling second, then counts it as sent.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetTimestamp();
            while (_sent.Count > 0 && time.GetElapsedTime(_sent.Peek(), now) >= Window)
            {
                _sent.Dequeue();
            }

            if (_sent.Count < limit)
            {
                _sent.Enqueue(now);
                return;
            }

            var wait = Window - time.GetElapsedTime(_sent.Peek(), now);
            await Task.Delay(wait + TimeSpan.FromMilliseconds(1), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
