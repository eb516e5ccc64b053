using System.Text.Json;
using Rari.TestKit;

namespace Rari.Aster.Tests.Signing;

/// <summary>
/// The shared signing vectors (aster-signing-vectors.json), read once per test run, with theory data naming
/// every vector of every group.
/// </summary>
internal static class SigningVectors
{
    private static readonly Lazy<JsonDocument> Document = new(Load);

    public static JsonElement Root => Document.Value.RootElement;

    public static JsonElement Meta => Root.GetProperty("meta");

    public static JsonElement Constants => Meta.GetProperty("eip712_constants");

    public static TheoryData<string> V1Ids => Ids("v1_hmac_sha256");

    public static TheoryData<string> V3CcxtIds => Ids("v3_eip712_ccxt");

    public static TheoryData<string> V3DocIds => Ids("v3_eip712_doc_style");

    /// <summary>Every V3 vector, ccxt-made and docs-style.</summary>
    public static TheoryData<string> V3Ids
    {
        get
        {
            var ids = new TheoryData<string>();
            foreach (var group in (string[])["v3_eip712_ccxt", "v3_eip712_doc_style"])
            {
                foreach (var vector in Root.GetProperty(group).EnumerateArray())
                {
                    ids.Add(vector.GetProperty("id").GetString()!);
                }
            }

            return ids;
        }
    }

    /// <summary>Every captured ccxt request that carries a signature, as "callIndex/requestIndex".</summary>
    public static TheoryData<string> SignedWireCaptureIds
    {
        get
        {
            var ids = new TheoryData<string>();
            var calls = Root.GetProperty("ccxt_wire_captures");
            for (var call = 0; call < calls.GetArrayLength(); call++)
            {
                var requests = calls[call].GetProperty("requests");
                for (var request = 0; request < requests.GetArrayLength(); request++)
                {
                    if (SignedText(requests[request]) is not null)
                    {
                        ids.Add($"{call}/{request}");
                    }
                }
            }

            return ids;
        }
    }

    public static JsonElement V1(string id) => Find("v1_hmac_sha256", id);

    public static JsonElement V3(string id)
    {
        foreach (var group in (string[])["v3_eip712_ccxt", "v3_eip712_doc_style"])
        {
            foreach (var vector in Root.GetProperty(group).EnumerateArray())
            {
                if (vector.GetProperty("id").GetString() == id)
                {
                    return vector;
                }
            }
        }

        throw new KeyNotFoundException($"No V3 vector {id}.");
    }

    public static JsonElement WireCapture(string callSlashRequest)
    {
        var parts = callSlashRequest.Split('/');
        return Root.GetProperty("ccxt_wire_captures")[int.Parse(parts[0])].GetProperty("requests")[int.Parse(parts[1])];
    }

    /// <summary>The query string of a URL (text after '?'), or null.</summary>
    public static string? QueryOf(string url) => url.Contains('?') ? url[(url.IndexOf('?') + 1)..] : null;

    /// <summary>The part of a captured request that carries the signature: the body, else the URL's query string.</summary>
    public static string? SignedText(JsonElement request)
    {
        var body = Text(request, "body");
        if (body is not null && body.Contains("signature="))
        {
            return body;
        }

        var query = QueryOf(request.GetProperty("url").GetString()!);
        return query is not null && query.Contains("signature=") ? query : null;
    }

    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string Required(JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidOperationException($"{property} is null.");

    /// <summary>Every distinct (private key, expected address) pair in the file.</summary>
    public static IEnumerable<(string Key, string Address)> KeysWithAddresses()
    {
        var seen = new HashSet<string>();
        foreach (var group in (string[])["v3_eip712_ccxt", "v3_eip712_doc_style"])
        {
            foreach (var vector in Root.GetProperty(group).EnumerateArray())
            {
                var key = Required(vector, "private_key");
                var address = Text(vector, "signer_address_checksummed") ?? Text(vector, "signer_address");
                if (address is not null && seen.Add(key))
                {
                    yield return (key, address);
                }
            }
        }
    }

    private static TheoryData<string> Ids(string group)
    {
        var ids = new TheoryData<string>();
        foreach (var vector in Root.GetProperty(group).EnumerateArray())
        {
            ids.Add(vector.GetProperty("id").GetString()!);
        }

        return ids;
    }

    private static JsonElement Find(string group, string id)
    {
        foreach (var vector in Root.GetProperty(group).EnumerateArray())
        {
            if (vector.GetProperty("id").GetString() == id)
            {
                return vector;
            }
        }

        throw new KeyNotFoundException($"No vector {id} in {group}.");
    }

    private static JsonDocument Load() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.SharedRoot, "aster-signing-vectors.json")));
}

/// <summary>Hex helpers for assertions.</summary>
internal static class Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    public static byte[] Parse(string text) => Convert.FromHexString(text.StartsWith("0x") ? text[2..] : text);
}
