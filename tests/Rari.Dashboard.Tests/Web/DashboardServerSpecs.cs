using System.Net;
using System.Net.Http.Json;
using Akka.Actor;
using Akka.TestKit;
using Rari.Actors.Risk;
using Rari.Dashboard.Access;
using Rari.Dashboard.ReadModel;
using Rari.Dashboard.Settings;
using Rari.Dashboard.Web;
using Rari.Domain.Identifiers;
using Rari.Domain.Risk;

namespace Rari.Dashboard.Tests.Web;

/// <summary>The HTTP surface over real Kestrel on loopback, with a probe as the risk gate.</summary>
public sealed class DashboardServerSpecs : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private const string Token = "spec-token-0123456789abcdef";
    private readonly DashboardAccess _access = DashboardAccess.WithToken(Token);
    private readonly TestProbe _riskGate;
    private DashboardServer _server = null!;

    public DashboardServerSpecs() => _riskGate = CreateTestProbe();

    public async Task InitializeAsync()
    {
        _riskGate.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            sender.Tell(new ControlResult(true, "gate saw " + message switch
            {
                HaltTrading h => $"halt {h.Symbol?.Value ?? "all"} ({h.Reason})",
                ResumeTrading r => $"resume {r.Symbol?.Value ?? "all"}",
                FlattenPositions f => $"flatten {f.Symbol?.Value ?? "all"}",
                _ => message.GetType().Name,
            }));
            return AutoPilot.KeepRunning;
        }));
        var wiring = new DashboardServerWiring(
            DashboardSettings.Default with { Port = 0 },
            _access,
            new DashboardFeed(10),
            _riskGate.Ref,
            [new Symbol("BTCUSDT"), new Symbol("ETHUSDT")],
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            TimeProvider.System);
        _server = await DashboardServer.StartAsync(wiring, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Should_refuse_the_page_and_the_data_without_the_token()
    {
        // arrange
        using var http = Client(out _);

        // act
        var page = await http.GetAsync(_server.Address);
        var wrong = await http.GetAsync(new Uri(_server.Address, "?token=not-the-token"));
        var snapshot = await http.GetAsync(new Uri(_server.Address, "api/snapshot"));
        var events = await http.GetAsync(new Uri(_server.Address, "api/events"));

        // assert
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("needs its access token", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, snapshot.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, events.StatusCode);
    }

    [Fact]
    public async Task Should_move_the_token_into_a_strict_http_only_cookie_and_serve_the_page_with_its_csrf_token()
    {
        // arrange
        using var http = Client(out var cookies);

        // act
        var opened = await http.GetAsync(new Uri(_server.Address, "?token=" + Token));
        var page = await http.GetStringAsync(_server.Address);
        var script = await http.GetAsync(new Uri(_server.Address, "assets/lightweight-charts.js"));

        // assert
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var setCookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Token, cookies.GetCookies(_server.Address)[AccessGuard.CookieName]?.Value);
        Assert.Contains($"content=\"{_access.CsrfToken}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, page, StringComparison.Ordinal); // <-- the page never carries the token itself
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("createChart", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_control_without_the_csrf_header_or_from_another_origin()
    {
        // arrange
        using var http = await SignedInAsync();

        // act
        var noHeader = await PostAsync(http, "halt", csrf: null, origin: Origin);
        var foreign = await PostAsync(http, "halt", csrf: _access.CsrfToken, origin: "http://evil.example");
        var noOrigin = await PostAsync(http, "halt", csrf: _access.CsrfToken, origin: null);

        // assert
        Assert.Equal(HttpStatusCode.Forbidden, noHeader.StatusCode);
        Assert.Contains("X-Rari-Csrf header is missing or wrong", (await noHeader.Content.ReadFromJsonAsync<ControlResult>())!.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains("Origin 'http://evil.example' is not the dashboard's own", (await foreign.Content.ReadFromJsonAsync<ControlResult>())!.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, noOrigin.StatusCode);
        _riskGate.ExpectNoMsg(TimeSpan.FromMilliseconds(300)); // <-- nothing reached the risk gate
    }

    [Fact]
    public async Task Should_send_a_control_from_the_page_to_the_risk_gate_and_return_its_answer()
    {
        // arrange
        using var http = await SignedInAsync();

        // act
        var halt = await PostAsync(http, "halt", _access.CsrfToken, Origin, new ControlRequest("ETHUSDT", "spread too wide"));
        var flatten = await PostAsync(http, "flatten", _access.CsrfToken, Origin, new ControlRequest(null, null));

        // assert
        Assert.Equal(HttpStatusCode.OK, halt.StatusCode);
        Assert.Equal(new ControlResult(true, "gate saw halt ETHUSDT (dashboard: spread too wide)"), await halt.Content.ReadFromJsonAsync<ControlResult>());
        Assert.Equal(new ControlResult(true, "gate saw flatten all"), await flatten.Content.ReadFromJsonAsync<ControlResult>());
    }

    [Fact]
    public async Task Should_refuse_an_unknown_symbol_or_action_without_asking_the_gate()
    {
        // arrange
        using var http = await SignedInAsync();

        // act
        var symbol = await PostAsync(http, "halt", _access.CsrfToken, Origin, new ControlRequest("DOGEUSDT", null));
        var action = await PostAsync(http, "liquidate", _access.CsrfToken, Origin, new ControlRequest(null, null));

        // assert
        Assert.Equal(HttpStatusCode.BadRequest, symbol.StatusCode);
        Assert.StartsWith("'DOGEUSDT' is not traded here", (await symbol.Content.ReadFromJsonAsync<ControlResult>())!.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, action.StatusCode);
        _riskGate.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Should_accept_a_bearer_token_from_a_script_without_cookie_or_csrf()
    {
        // arrange
        using var http = Client(out _);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);

        // act
        var resume = await PostAsync(http, "resume", csrf: null, origin: null, new ControlRequest("BTCUSDT", null));

        // assert
        Assert.Equal(new ControlResult(true, "gate saw resume BTCUSDT"), await resume.Content.ReadFromJsonAsync<ControlResult>());
    }

    private string Origin => _server.Address.GetLeftPart(UriPartial.Authority);

    private static HttpClient Client(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var http = Client(out _);
        var opened = await http.GetAsync(new Uri(_server.Address, "?token=" + Token));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return http;
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient http, string action, string? csrf, string? origin, ControlRequest? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Address, "api/controls/" + action))
        {
            Content = JsonContent.Create(body ?? new ControlRequest(null, null)),
        };
        if (csrf is not null)
        {
            request.Headers.Add(AccessGuard.CsrfHeader, csrf);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await http.SendAsync(request);
    }
}
