namespace Rari.Aster.Sim.Http;

/// <summary>
/// Reads list-valued parameters (<c>batchOrders</c>, <c>orderIdList</c>, <c>origClientOrderIdList</c>) leniently:
/// strict JSON from ccxt and also the docs' Python-repr form with single quotes (fact sheet §2.3.3).
/// </summary>
public static class JsonList
{
    /// <summary>
    /// Parses a list parameter into a JSON document, turning Python-style single quotes into double quotes when the
    /// text is not valid JSON as sent.
    /// </summary>
    /// <exception cref="AsterErrorException">−1130 when the text is not a list in either form.</exception>
    public static System.Text.Json.JsonDocument Parse(string name, string text)
    {
        foreach (var candidate in (string[])[text, text.Replace('\'', '"')])
        {
            try
            {
                var document = System.Text.Json.JsonDocument.Parse(candidate);
                if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array)
                {
                    return document;
                }

                document.Dispose();
            }
            catch (System.Text.Json.JsonException)
            {
            }
        }

        throw new AsterErrorException(AsterErrors.InvalidParameter(name, "expected a JSON list."));
    }

    /// <summary>How many objects a list holds, or 0 when the text is not a list.</summary>
    public static int CountObjects(string text)
    {
        try
        {
            using var document = Parse("list", text);
            return document.RootElement.EnumerateArray().Count(e => e.ValueKind == System.Text.Json.JsonValueKind.Object);
        }
        catch (AsterErrorException)
        {
            return 0;
        }
    }
}
