using Rari.Aster.Sim.Tests.Support;

namespace Rari.Aster.Sim.Tests.Auth;

/// <summary>
/// Drives the server with every request of the shared signing vectors and ccxt captures, byte for byte, with the
/// clock pinned to when each was signed and the accounts holding the vectors' keys: each must be accepted; tampered
/// copies must be refused with −1022.
/// </summary>
public sealed class SigningConformanceSpecs(SigningConformanceSpecs.Servers servers) : IClassFixture<SigningConformanceSpecs.Servers>
{
    public static TheoryData<string> AllRequests => SigningVectorRequests.AllIds;

    public static TheoryData<string> SignedRequests => SigningVectorRequests.SignedIds;

    [Theory]
    [MemberData(nameof(AllRequests))]
    public async Task Should_accept_every_request_of_the_vectors_and_captures(string id)
    {
        // arrange
        var request = SigningVectorRequests.Get(id);
        var (host, clock, trading) = servers.For(request.ChainId);
        clock.NowMs = request.TimeMs == 0 ? 1_750_000_000_000 : request.TimeMs;
        var before = trading.Calls.Count;

        // act
        var (status, body, _) = await host.SendAsync(new HttpMethod(request.Method), request.PathAndQuery, request.Body, request.ApiKey);

        // assert
        Assert.True(status == 200, $"{id} answered {status}: {body}");
        if (request.Account is not null && trading.Calls.Count > before)
        {
            Assert.Equal(request.Account, trading.Calls.Last().Account.Name);
        }
    }

    [Theory]
    [MemberData(nameof(SignedRequests))]
    public async Task Should_refuse_a_copy_with_a_changed_signature(string id)
    {
        // arrange
        var request = SigningVectorRequests.Get(id);
        var (host, clock, trading) = servers.For(request.ChainId);
        clock.NowMs = request.TimeMs;
        var before = trading.Calls.Count;
        var tampered = request with
        {
            PathAndQuery = FlipSignatureDigit(request.PathAndQuery),
            Body = request.Body is null ? null : FlipSignatureDigit(request.Body),
        };

        // act
        var (status, body, _) = await host.SendAsync(new HttpMethod(tampered.Method), tampered.PathAndQuery, tampered.Body, tampered.ApiKey);

        // assert
        Assert.Equal(400, status);
        Assert.Equal(-1022, body.GetProperty("code").GetInt32());
        Assert.Equal(before, trading.Calls.Count);
    }

    [Theory]
    [MemberData(nameof(SignedRequests))]
    public async Task Should_refuse_a_copy_with_changed_signed_text(string id)
    {
        // arrange
        var request = SigningVectorRequests.Get(id);
        var (host, clock, trading) = servers.For(request.ChainId);
        clock.NowMs = request.TimeMs;
        var before = trading.Calls.Count;
        var field = request.ApiKey is null ? "nonce=" : "timestamp=";
        var tampered = request with
        {
            PathAndQuery = BumpNumber(request.PathAndQuery, field),
            Body = request.Body is null ? null : BumpNumber(request.Body, field),
        };

        // act
        var (status, body, _) = await host.SendAsync(new HttpMethod(tampered.Method), tampered.PathAndQuery, tampered.Body, tampered.ApiKey);

        // assert
        Assert.Equal(400, status);
        Assert.Equal(-1022, body.GetProperty("code").GetInt32());
        Assert.Equal(before, trading.Calls.Count);
    }

    /// <summary>Changes the last hex digit of the signature value.</summary>
    private static string FlipSignatureDigit(string text)
    {
        var at = text.IndexOf("signature=", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var end = text.IndexOf('&', at) is var amp and >= 0 ? amp : text.Length;
        var index = end - 3;
        var flipped = text[index] == '0' ? '1' : '0';
        return string.Concat(text.AsSpan(0, index), flipped.ToString(), text.AsSpan(index + 1));
    }

    /// <summary>Adds 1 to the last digit of the number after <paramref name="field"/> (so the signed text differs but the time still fits).</summary>
    private static string BumpNumber(string text, string field)
    {
        var at = text.IndexOf(field, StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var end = at + field.Length;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var last = text[end - 1];
        var bumped = last == '9' ? '8' : (char)(last + 1);
        return string.Concat(text.AsSpan(0, end - 1), bumped.ToString(), text.AsSpan(end));
    }

    /// <summary>Two servers holding the vectors' accounts: chain id 1666 and, for the testnet vector, 714.</summary>
    public sealed class Servers : IAsyncLifetime
    {
        private (SimHost Host, TestClock Clock, RecordingTradingApi Trading) _mainnet;
        private (SimHost Host, TestClock Clock, RecordingTradingApi Trading) _testnet;

        internal (SimHost Host, TestClock Clock, RecordingTradingApi Trading) For(long chainId) => chainId == 714 ? _testnet : _mainnet;

        public async Task InitializeAsync()
        {
            _mainnet = await StartAsync(1666);
            _testnet = await StartAsync(714);
        }

        public async Task DisposeAsync()
        {
            await _mainnet.Host.DisposeAsync();
            await _testnet.Host.DisposeAsync();
        }

        private static async Task<(SimHost, TestClock, RecordingTradingApi)> StartAsync(long chainId)
        {
            var clock = new TestClock(1_750_000_000_000);
            var trading = new RecordingTradingApi();
            var host = await SimHost.StartAsync(
                o => o with { AccountsFile = TestAccounts.File, TimeProvider = clock, ChainId = chainId, RateLimits = new() { RequestWeightPerMinute = 1_000_000 } },
                _ => trading);
            return (host, clock, trading);
        }
    }
}
