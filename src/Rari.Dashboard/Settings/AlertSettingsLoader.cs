using Akka.Configuration;
using Rari.Actors.Settings;

namespace Rari.Dashboard.Settings;

/// <summary>Reads <c>rari.alerts</c> into <see cref="AlertSettings"/>, with one named block per webhook.</summary>
public static class AlertSettingsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.alerts";

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.alerts</c> itself (null: all defaults).</summary>
    /// <exception cref="SettingsException">Every problem with the block's keys.</exception>
    public static AlertSettings Create(Config? section)
    {
        var reader = new ConfigReader(section, Path);
        var settings = Read(reader);
        reader.ThrowIfAny();
        return settings;
    }

    /// <summary>Reads the block through <paramref name="reader"/>, adding its problems there.</summary>
    public static AlertSettings Read(ConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var d = AlertSettings.Default;
        var settings = new AlertSettings
        {
            OnHalts = reader.Bool("on-halts", d.OnHalts),
            OnBreakers = reader.Bool("on-breakers", d.OnBreakers),
            FillNotionalAbove = reader.NullableDecimal("fill-notional-above", d.FillNotionalAbove),
            DailySummary = reader.Bool("daily-summary", d.DailySummary),
            QueueCapacity = reader.Int("queue-capacity", d.QueueCapacity),
            MaxAttempts = reader.Int("max-attempts", d.MaxAttempts),
            RetryInitialDelay = reader.Duration("retry-initial-delay", d.RetryInitialDelay),
            RetryMaxDelay = reader.Duration("retry-max-delay", d.RetryMaxDelay),
            RequestTimeout = reader.Duration("request-timeout", d.RequestTimeout),
            Webhooks = ReadWebhooks(reader.Child("webhooks")),
        };
        reader.RejectUnknownKeys();
        reader.AddValidation(settings.Validate());
        return settings;
    }

    private static List<WebhookSettings> ReadWebhooks(ConfigReader webhooks)
    {
        var list = new List<WebhookSettings>();
        foreach (var name in webhooks.PresentKeys())
        {
            var block = webhooks.Child(name);
            var format = block.Enum("format", WebhookFormat.Generic);
            var variable = block.Text("url-variable", string.Empty);
            if (variable.Length == 0)
            {
                block.Add("url-variable", null, "is required: the name of the environment variable that holds the webhook's URL (never the URL itself, which holds a secret)");
            }

            string? chatId = null;
            if (format == WebhookFormat.Telegram)
            {
                chatId = block.Text("chat-id", string.Empty);
                if (chatId.Length == 0)
                {
                    block.Add("chat-id", null, "is required for a telegram webhook: the chat the bot writes to");
                }
            }

            block.RejectUnknownKeys();
            list.Add(new WebhookSettings(name, format, variable, chatId));
        }

        return list;
    }
}
