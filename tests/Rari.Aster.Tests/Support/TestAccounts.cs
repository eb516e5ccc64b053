using Rari.Aster.Rest;
using Rari.Aster.Signing;
using Rari.Domain.Identifiers;

namespace Rari.Aster.Tests.Support;

/// <summary>The public throwaway identities of the signing vectors, and client builders for the loopback server.</summary>
internal static class TestAccounts
{
    public const string PatternKey = "0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    public const string PatternAddress = "0xfcad0b19bb29d4674531d6f115237e16afce377c";
    public const string AgentKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    public const string AgentUser = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    public const string V1ApiKey = "test-apikey-not-real";
    public const string V1Secret = "test-secret-0123456789abcdef0123456789abcdef0123456789abcdef0123";

    public static readonly Symbol BtcUsdt = new("BTCUSDT");

    public static V3Credentials SelfSigned => new(EthAddress.Parse(PatternAddress), EthPrivateKey.Parse(PatternKey));

    public static V3Credentials Agent => new(EthAddress.Parse(AgentUser), EthPrivateKey.Parse(AgentKey));

    public static V1Credentials V1 => new(V1ApiKey, V1Secret);

    /// <summary>Options pointing at the loopback server, with short waits so failure paths run fast.</summary>
    public static AsterClientOptions For(LoopbackServer server, V1Credentials? v1 = null, V3Credentials? v3 = null) =>
        AsterClientOptions.Mainnet with
        {
            RestBaseUrl = server.BaseUrl,
            V1Credentials = v1,
            V3Credentials = v3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            ClockSyncSamples = 1,
            UnknownStatusPollInterval = TimeSpan.FromMilliseconds(20),
        };
}
