using System.Text.Json;
using Rari.TestKit;

namespace Rari.Aster.Sim.Tests.Support;

/// <summary>One request from the shared signing vectors or ccxt wire captures, exactly as it was sent.</summary>
/// <param name="Id">Vector id, or <c>capture call/request</c>.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="PathAndQuery">Path and raw query, byte for byte.</param>
/// <param name="Body">Raw body, or null.</param>
/// <param name="ApiKey">The X-MBX-APIKEY header, or null.</param>
/// <param name="TimeMs">When it was signed: V1 timestamp, V3 nonce / 1000, or 0 for public requests.</param>
/// <param name="ChainId">The EIP-712 chain id it was signed under.</param>
/// <param name="Account">The test account it belongs to, or null for public requests.</param>
internal sealed record VectorRequest(string Id, string Method, string PathAndQuery, string? Body, string? ApiKey, long TimeMs, long ChainId, string? Account)
{
    public bool IsSigned => (Body?.Contains("signature=", StringComparison.Ordinal) ?? false) || PathAndQuery.Contains("signature=", StringComparison.Ordinal);

    public override string ToString() => Id;
}

/// <summary>Every request in aster-signing-vectors.json: the V1 and V3 vectors and every captured ccxt request.</summary>
internal static class SigningVectorRequests
{
    private static readonly Lazy<IReadOnlyList<VectorRequest>> Requests = new(Load);

    public static IReadOnlyList<VectorRequest> All => Requests.Value;

    public static TheoryData<string> AllIds => Ids(_ => true);

    public static TheoryData<string> SignedIds => Ids(r => r.IsSigned);

    public static VectorRequest Get(string id) => All.Single(r => r.Id == id);

    private static TheoryData<string> Ids(Func<VectorRequest, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var request in All.Where(filter))
        {
            data.Add(request.Id);
        }

        return data;
    }

    private static List<VectorRequest> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.SharedRoot, "aster-signing-vectors.json")));
        var root = document.RootElement;
        var requests = new List<VectorRequest>();
        foreach (var v in root.GetProperty("v1_hmac_sha256").EnumerateArray())
        {
            var query = Text(v, "final_url") is { } url && url.Contains('?') ? url[url.IndexOf('?')..] : string.Empty;
            var timestamp = long.Parse(v.GetProperty("signed_string_totalParams").GetString()!.Split("timestamp=")[1].Split('&')[0]);
            var apiKey = v.GetProperty("api_key").GetString();
            requests.Add(new VectorRequest(
                v.GetProperty("id").GetString()!, v.GetProperty("method").GetString()!, v.GetProperty("path").GetString() + query,
                Text(v, "final_body"), apiKey, timestamp, 1666, apiKey == TestAccounts.DocApiKey ? "doc" : "test"));
        }

        foreach (var group in (string[])["v3_eip712_ccxt", "v3_eip712_doc_style"])
        {
            foreach (var v in root.GetProperty(group).EnumerateArray())
            {
                var request = v.GetProperty("request");
                var sent = Text(request, "body") ?? request.GetProperty("url").GetString()!;
                var user = sent.Split("user=")[1].Split('&')[0].ToLowerInvariant();
                requests.Add(new VectorRequest(
                    v.GetProperty("id").GetString()!, request.GetProperty("method").GetString()!, PathAndQuery(request.GetProperty("url").GetString()!),
                    Text(request, "body"), null, long.Parse(v.GetProperty("nonce").GetString()!) / 1000, v.GetProperty("chain_id").GetInt64(),
                    user == TestAccounts.CcxtUser ? "ccxt" : "agent"));
            }
        }

        var calls = root.GetProperty("ccxt_wire_captures");
        for (var c = 0; c < calls.GetArrayLength(); c++)
        {
            var list = calls[c].GetProperty("requests");
            for (var r = 0; r < list.GetArrayLength(); r++)
            {
                var request = list[r];
                var pathAndQuery = PathAndQuery(request.GetProperty("url").GetString()!);
                var body = Text(request, "body");
                var text = (body ?? string.Empty) + "&" + pathAndQuery;
                var nonce = text.Contains("nonce=", StringComparison.Ordinal) ? long.Parse(text.Split("nonce=")[1].Split('&')[0]) / 1000 : 0;
                requests.Add(new VectorRequest(
                    $"capture {c}/{r} {calls[c].GetProperty("ccxt_call").GetString()}", request.GetProperty("method").GetString()!, pathAndQuery,
                    body, null, nonce, 1666, nonce == 0 ? null : "ccxt"));
            }
        }

        return requests;
    }

    private static string PathAndQuery(string url) => url[url.IndexOf('/', "https://".Length)..];

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
