using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rari.Actors.Ops;

namespace Rari.Node.Ops;

/// <summary>The ops console's side of the ops endpoint: one HTTP call per command, the answer as JSON text and as a typed value.</summary>
public sealed class OpsClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client of the node at <paramref name="baseAddress"/> presenting <paramref name="token"/>.</summary>
    public OpsClient(Uri baseAddress, string token, TimeSpan? timeout = null)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Calls a route; the body as text and the HTTP status. A refused or failed command is still an answer.</summary>
    /// <exception cref="HttpRequestException">The node cannot be reached.</exception>
    public async Task<(HttpStatusCode Status, string Json)> CallAsync(HttpMethod method, string route, IReadOnlyDictionary<string, string?> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pairs = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value!)}").ToList();
        var uri = pairs.Count == 0 ? route : route + "?" + string.Join('&', pairs);
        using var request = new HttpRequestMessage(method, uri);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Reads an answer as <typeparamref name="T"/>.</summary>
    public static T? Read<T>(string json) => JsonSerializer.Deserialize<T>(json, OpsEndpoint.Json);

    /// <summary>GETs a route and reads the answer as <typeparamref name="T"/>; throws when the node refused.</summary>
    /// <exception cref="HttpRequestException">The node cannot be reached or answered with an error.</exception>
    public async Task<T> GetAsync<T>(string route, CancellationToken cancellationToken)
    {
        var answer = await _http.GetFromJsonAsync<T>(route, OpsEndpoint.Json, cancellationToken).ConfigureAwait(false);
        return answer ?? throw new HttpRequestException($"{route} answered nothing");
    }

    /// <summary>POSTs a control and reads its outcome.</summary>
    public async Task<OpsOutcome> PostAsync(string route, IReadOnlyDictionary<string, string?> query, CancellationToken cancellationToken)
    {
        var (_, json) = await CallAsync(HttpMethod.Post, route, query, cancellationToken).ConfigureAwait(false);
        return Read<OpsOutcome>(json) ?? new OpsOutcome(false, json);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
