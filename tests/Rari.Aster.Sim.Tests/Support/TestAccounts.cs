namespace Rari.Aster.Sim.Tests.Support;

/// <summary>
/// Accounts holding the signing vectors' public throwaway keys: the docs' V1 key, the vectors' V1 test key, ccxt's
/// self-signing V3 wallet (0x0123…cdef key) and the Hardhat agent pair (user #1, signer #0).
/// </summary>
internal static class TestAccounts
{
    public const string DocApiKey = "dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83";
    public const string DocSecret = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
    public const string TestApiKey = "test-apikey-not-real";
    public const string TestSecret = "test-secret-0123456789abcdef0123456789abcdef0123456789abcdef0123";
    public const string CcxtKey = "0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    public const string CcxtUser = "0xfcad0b19bb29d4674531d6f115237e16afce377c";
    public const string AgentKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    public const string AgentSigner = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    public const string AgentUser = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    public const string Json = $$$"""
        {"accounts":[
          {"name":"doc","balance":"10000","v1":{"apiKey":"{{{DocApiKey}}}","apiSecret":"{{{DocSecret}}}"}},
          {"name":"test","balance":"5000","v1":{"apiKey":"{{{TestApiKey}}}","apiSecret":"{{{TestSecret}}}"}},
          {"name":"ccxt","balance":"10000","v3":{"user":"{{{CcxtUser}}}"}},
          {"name":"agent","balance":"10000","v3":{"user":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8","signers":["{{{AgentSigner}}}"]}}
        ]}
        """;

    private static readonly Lazy<string> FilePath = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"rari-sim-accounts-{Environment.ProcessId}.json");
        System.IO.File.WriteAllText(path, Json);
        return path;
    });

    /// <summary>A file with <see cref="Json"/>, written once per test run.</summary>
    public static string File => FilePath.Value;
}
