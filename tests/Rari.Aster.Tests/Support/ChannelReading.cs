using System.Threading.Channels;

namespace Rari.Aster.Tests.Support;

/// <summary>Waits for stream events with a timeout; cancelling a channel read loses nothing.</summary>
internal static class ChannelReading
{
    /// <summary>The next event of type <typeparamref name="T"/> matching <paramref name="match"/>; others are skipped (and kept in <paramref name="skipped"/>).</summary>
    public static async Task<T> NextAsync<TBase, T>(
        this ChannelReader<TBase> reader, Func<T, bool>? match = null, double seconds = 10, List<TBase>? skipped = null)
        where T : TBase
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (true)
            {
                var item = await reader.ReadAsync(timeout.Token);
                if (item is T wanted && (match is null || match(wanted)))
                {
                    return wanted;
                }

                skipped?.Add(item);
            }
        }
        catch (OperationCanceledException)
        {
            var seen = skipped is null ? string.Empty : " Seen: " + string.Join("; ", skipped.TakeLast(10));
            Assert.Fail($"No {typeof(T).Name} arrived within {seconds} s.{seen}");
            throw;
        }
    }

    /// <summary>Everything that arrives until nothing has come for <paramref name="quiet"/>.</summary>
    public static async Task<List<TBase>> DrainAsync<TBase>(this ChannelReader<TBase> reader, TimeSpan quiet)
    {
        var items = new List<TBase>();
        while (true)
        {
            using var timeout = new CancellationTokenSource(quiet);
            try
            {
                items.Add(await reader.ReadAsync(timeout.Token));
            }
            catch (OperationCanceledException)
            {
                return items;
            }
        }
    }

    /// <summary>Reads until <paramref name="done"/> says the collected items suffice, or fails after <paramref name="seconds"/>.</summary>
    public static async Task<List<TBase>> CollectAsync<TBase>(this ChannelReader<TBase> reader, Func<List<TBase>, bool> done, double seconds = 10)
    {
        var items = new List<TBase>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (!done(items))
            {
                items.Add(await reader.ReadAsync(timeout.Token));
            }

            return items;
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Collected {items.Count} item(s) in {seconds} s without reaching the goal. Last: " + string.Join("; ", items.TakeLast(10)));
            throw;
        }
    }
}
