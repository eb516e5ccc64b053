using System.Text.Json;

namespace Rari.IntegrationTests.Support;

/// <summary>The trader's <c>status.json</c> (written by <c>rari run</c> every second into its state folder).</summary>
internal sealed record TraderStatus(
    long WrittenAtMs,
    bool Reconciled,
    IReadOnlyList<string> Symbols,
    IReadOnlyList<string> OpenOrders,
    IReadOnlyList<TraderPosition> Positions,
    long Submitted,
    long Rejected,
    long UnknownOutcomes)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The file's content, or null while it does not exist or is being replaced.</summary>
    public static TraderStatus? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<TraderStatus>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>One position in <c>status.json</c>.</summary>
internal sealed record TraderPosition(string Symbol, decimal Quantity, decimal EntryPrice);
