using System.Text.Json;
using Rari.Aster.Signing;

namespace Rari.Aster.Sim.Tests.Support;

/// <summary>V1-signed requests as the <c>test</c> account of <see cref="TestAccounts"/>, timestamped with real time.</summary>
internal static class SignedRequests
{
    private static readonly HmacSigner Signer = new(new V1Credentials(TestAccounts.TestApiKey, TestAccounts.TestSecret));

    /// <summary>Sends <paramref name="parameters"/> (without timestamp) signed; GET puts them in the query, other methods in the body.</summary>
    public static Task<(int Status, JsonElement Body, HttpResponseMessage Response)> SignedAsync(
        this SimHost host, HttpMethod method, string path, string parameters = "", long? timestampMs = null)
    {
        var timestamp = timestampMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var text = parameters.Length == 0 ? $"timestamp={timestamp}" : $"{parameters}&timestamp={timestamp}";
        var signed = SignatureParameter.Append(text, Signer.ComputeSignature(text));
        return method == HttpMethod.Get
            ? host.GetAsync(path + "?" + signed, TestAccounts.TestApiKey)
            : host.SendAsync(method, path, signed, TestAccounts.TestApiKey);
    }
}
