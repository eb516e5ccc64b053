using System.Text.Json;
using System.Text.Json.Serialization;
using Rari.Domain.Identifiers;

namespace Rari.Backtest.Reports;

/// <summary>
/// Writes <c>report.json</c>: the whole <see cref="BacktestReport"/> for scripts and later comparison. Money stays
/// exact (decimals are written as JSON numbers with all their digits), symbols are plain strings, enums are names.
/// </summary>
public static class ReportJsonWriter
{
    /// <summary>The serializer settings, shared with readers of the file (tests, sweeps).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new SymbolJsonConverter(), new JsonStringEnumConverter() },
    };

    /// <summary>Writes the report to <paramref name="path"/>.</summary>
    public static void Write(BacktestReport report, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, report, Options);
    }

    /// <summary>The report as JSON text.</summary>
    public static string Serialize(BacktestReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Reads a report written by <see cref="Write"/>.</summary>
    public static BacktestReport Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<BacktestReport>(stream, Options)
            ?? throw new InvalidDataException($"{path} holds no backtest report.");
    }

    private sealed class SymbolJsonConverter : JsonConverter<Symbol>
    {
        public override Symbol Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? throw new JsonException("A symbol must be a string such as \"BTCUSDT\"."));

        public override void Write(Utf8JsonWriter writer, Symbol value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
