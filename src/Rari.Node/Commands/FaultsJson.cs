using System.Text.Json;
using Rari.Aster.Sim.Faults;

namespace Rari.Node.Commands;

/// <summary>
/// Reads <c>rari sim --faults</c>: the JSON object <c>POST /_sim/faults</c> takes (camelCase fault settings, the
/// others left at their defaults), given inline or as the path of a file holding it.
/// </summary>
public static class FaultsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Parses inline JSON (text starting with <c>{</c>) or the JSON in the file at <paramref name="textOrPath"/>.</summary>
    /// <exception cref="JsonException">The text is not a JSON object of known fault settings.</exception>
    /// <exception cref="ArgumentException">A setting is out of range; the message lists every problem.</exception>
    /// <exception cref="FileNotFoundException">The text is neither JSON nor an existing file.</exception>
    public static FaultSettings Parse(string textOrPath)
    {
        ArgumentNullException.ThrowIfNull(textOrPath);
        var json = textOrPath.TrimStart().StartsWith('{') ? textOrPath
            : File.Exists(textOrPath) ? File.ReadAllText(textOrPath)
            : throw new FileNotFoundException($"--faults {textOrPath}: neither a JSON object nor a file.", textOrPath);
        FaultSettings settings;
        try
        {
            settings = JsonSerializer.Deserialize<FaultSettings>(json, Options) ?? throw new JsonException("null is not a fault settings object.");
        }
        catch (JsonException e)
        {
            throw new JsonException($"--faults is not a JSON object of fault settings: {e.Message}", e);
        }

        var problems = settings.Problems();
        return problems.Count == 0 ? settings : throw new ArgumentException($"--faults: {string.Join(" ", problems)}");
    }
}
