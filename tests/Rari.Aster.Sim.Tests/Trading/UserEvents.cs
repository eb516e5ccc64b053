using System.Text.Json;
using Rari.Aster.Sim.Tests.Support;

namespace Rari.Aster.Sim.Tests.Trading;

/// <summary>Reading the user stream in tests.</summary>
internal static class UserEvents
{
    /// <summary>The next event of type <paramref name="type"/> (matching <paramref name="where"/>), skipping others.</summary>
    public static async Task<JsonElement> NextAsync(this WebSocketProbe ws, string type, Func<JsonElement, bool>? where = null, double seconds = 5)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var text = await ws.TryReceiveAsync(deadline - DateTime.UtcNow);
            if (text is null)
            {
                break;
            }

            var message = JsonDocument.Parse(text).RootElement.Clone();
            if (message.GetProperty("e").GetString() == type && (where?.Invoke(message) ?? true))
            {
                return message;
            }
        }

        Assert.Fail($"No {type} event arrived within {seconds} s.");
        return default;
    }

    /// <summary>Every message that arrives until the stream stays quiet for <paramref name="quietMs"/>.</summary>
    public static async Task<List<JsonElement>> DrainAsync(this WebSocketProbe ws, int quietMs = 300)
    {
        var messages = new List<JsonElement>();
        while (await ws.TryReceiveAsync(TimeSpan.FromMilliseconds(quietMs)) is { } text)
        {
            messages.Add(JsonDocument.Parse(text).RootElement.Clone());
        }

        return messages;
    }

    /// <summary>The <c>o</c> object of an ORDER_TRADE_UPDATE.</summary>
    public static JsonElement Order(this JsonElement update) => update.GetProperty("o");

    /// <summary>A string field of an object.</summary>
    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
