using System.Text.Json;
using System.Text.Json.Nodes;
using Rari.Dashboard.Settings;

namespace Rari.Dashboard.Alerts;

/// <summary>The JSON body each webhook format expects for an alert.</summary>
public static class WebhookPayloads
{
    // Discord refuses content over 2000 characters, Telegram text over 4096.
    private const int DiscordLimit = 2000;
    private const int TelegramLimit = 4096;

    /// <summary>The body for <paramref name="webhook"/>.</summary>
    public static string For(WebhookSettings webhook, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(alert);
        var line = $"{alert.Title}\n{alert.Text}";
        JsonObject body = webhook.Format switch
        {
            WebhookFormat.Telegram => new JsonObject
            {
                ["chat_id"] = webhook.ChatId,
                ["text"] = Cut(line, TelegramLimit),
                ["disable_web_page_preview"] = true,
            },
            WebhookFormat.Discord => new JsonObject { ["content"] = Cut($"**{alert.Title}**\n{alert.Text}", DiscordLimit) },
            _ => new JsonObject
            {
                ["kind"] = alert.Kind.ToString(),
                ["title"] = alert.Title,
                ["text"] = alert.Text,
                ["symbol"] = alert.Symbol,
                ["timestampMs"] = alert.TimestampMs,
            },
        };
        return body.ToJsonString(JsonSerializerOptions.Default);
    }

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";
}
