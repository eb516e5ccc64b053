using Rari.Aster.Signing;
using Rari.Aster.Sim.Accounts;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Tests.Support;

namespace Rari.Aster.Sim.Tests.Accounts;

public sealed class AccountsFileSpecs
{
    [Fact]
    public void Should_read_v1_and_v3_accounts_with_their_signers()
    {
        // act
        var accounts = AccountsFile.Parse(TestAccounts.Json, "accounts.json");

        // assert
        Assert.Equal(["doc", "test", "ccxt", "agent"], accounts.Select(a => a.Name));
        var doc = accounts[0];
        Assert.Equal(10_000m, doc.Balance);
        Assert.Equal(TestAccounts.DocApiKey, doc.V1!.ApiKey);
        Assert.Null(doc.V3User);
        var agent = accounts[3];
        Assert.Equal(EthAddress.Parse(TestAccounts.AgentUser), agent.V3User);
        Assert.True(agent.MaySign(EthAddress.Parse(TestAccounts.AgentUser)));
        Assert.True(agent.MaySign(EthAddress.Parse("0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266")));
        Assert.False(agent.MaySign(EthAddress.Parse(TestAccounts.CcxtUser)));
    }

    [Fact]
    public void Should_accept_a_balance_given_as_a_json_number()
    {
        // act
        var accounts = AccountsFile.Parse("""{"accounts":[{"name":"n","balance":2500.5,"v1":{"apiKey":"k","apiSecret":"s"}}]}""", "a.json");

        // assert
        Assert.Equal(2500.5m, Assert.Single(accounts).Balance);
    }

    [Theory]
    [InlineData("""{"accounts":[{"balance":"1","v1":{"apiKey":"k","apiSecret":"s"}}]}""", "Accounts file 'a.json': account #1, field \"name\", is missing or empty.")]
    [InlineData("""{"accounts":[{"name":"x","balance":"-1","v1":{"apiKey":"k","apiSecret":"s"}}]}""", "Accounts file 'a.json': account #1 ('x'), field \"balance\", must be a non-negative decimal such as \"10000\".")]
    [InlineData("""{"accounts":[{"name":"x","balance":"1"}]}""", "Accounts file 'a.json': account #1 ('x') has neither \"v1\" nor \"v3\" credentials; give at least one.")]
    [InlineData("""{"accounts":[{"name":"x","balance":"1","v1":{"apiKey":"k"}}]}""", "Accounts file 'a.json': account #1 ('x'), field \"v1.apiSecret\", is missing.")]
    [InlineData("""{"accounts":[{"name":"x","balance":"1","v3":{"user":"0x12"}}]}""", "Accounts file 'a.json': account #1 ('x'), field \"v3.user\", is not an address: An address has 40 hex digits after 0x; this one has 2.")]
    [InlineData("""{"accounts":[{"name":"x","balance":"1","v3":{"user":"0xfcad0b19bb29d4674531d6f115237e16afce377c","signers":["0xF39fd6e51aad88f6f4ce6ab8827279cfffb92266"]}}]}""", "Accounts file 'a.json': account #1 ('x'), field \"v3.signers[0]\", mixes upper and lower case but does not match its EIP-55 checksum; check it for a typo.")]
    [InlineData("""{"accounts":[{"name":"x","balance":"1","v1":{"apiKey":"k","apiSecret":"s"}},{"name":"x","balance":"1","v1":{"apiKey":"k2","apiSecret":"s"}}]}""", "Accounts file 'a.json': account #2 ('x'), field \"name\", is used by an earlier account; names must be unique.")]
    [InlineData("""{"accounts":[{"name":"x","balance":"1","v1":{"apiKey":"k","apiSecret":"s"}},{"name":"y","balance":"1","v1":{"apiKey":"k","apiSecret":"t"}}]}""", "Accounts file 'a.json': account #2 ('y'), field \"v1.apiKey\", is used by an earlier account; API keys must be unique.")]
    [InlineData("""{"accounts":[]}""", "Accounts file 'a.json' lists no accounts.")]
    [InlineData("""{"users":[]}""", "Accounts file 'a.json' must be an object with an \"accounts\" array.")]
    public void Should_name_the_account_and_field_of_every_problem(string json, string expected)
    {
        // act
        var error = Assert.Throws<InvalidDataException>(() => AccountsFile.Parse(json, "a.json"));

        // assert
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Should_never_echo_a_secret_in_an_error()
    {
        // act
        var error = Assert.Throws<InvalidDataException>(() =>
            AccountsFile.Parse("""{"accounts":[{"name":"x","balance":"1","v1":{"apiKey":"k","apiSecret":"top secret"}}]}""", "a.json"));

        // assert
        Assert.StartsWith("Accounts file 'a.json': account #1 ('x'), field \"v1.apiSecret\",", error.Message);
        Assert.DoesNotContain("top secret", error.Message);
    }

    [Fact]
    public void Should_report_an_unreadable_file_by_path()
    {
        // act
        var error = Assert.Throws<InvalidDataException>(() => AccountsFile.Load("/no/such/accounts.json"));

        // assert
        Assert.StartsWith("Accounts file '/no/such/accounts.json' cannot be read:", error.Message);
    }

    [Fact]
    public void Should_create_a_demo_account_with_fresh_working_credentials()
    {
        // act
        var first = DemoCredentials.Create(balance: 2_000m);
        var second = DemoCredentials.Create();

        // assert
        Assert.Equal("demo", first.Account.Name);
        Assert.Equal(2_000m, first.Account.Balance);
        Assert.Equal(64, first.V1.ApiKey.Length);
        Assert.NotEqual(first.V1.ApiKey, second.V1.ApiKey);
        Assert.NotEqual(first.PrivateKeyHex, second.PrivateKeyHex);
        Assert.Equal(first.User, EthPrivateKey.Parse(first.PrivateKeyHex).Address);
        Assert.True(first.Account.MaySign(first.User));
        Assert.DoesNotContain(first.PrivateKeyHex[2..], first.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(first.V1.ApiSecret, first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_serve_the_demo_account_when_no_accounts_file_is_given()
    {
        // arrange
        await using var host = await SimHost.StartAsync();

        // act
        var demo = host.Server.DemoCredentials;

        // assert
        Assert.NotNull(demo);
        Assert.Same(demo.Account, Assert.Single(host.Server.Accounts.All));
        Assert.Same(demo.Account, host.Server.Accounts.ByApiKey(demo.V1.ApiKey));
        Assert.Same(demo.Account, host.Server.Accounts.ByUser(demo.User));
    }

    [Fact]
    public async Task Should_load_the_accounts_file_and_create_no_demo()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File });

        // act
        var user = host.Server.Accounts.ByUser(EthAddress.Parse("0x70997970C51812DC3A010C7D01B50E0D17DC79C8"));

        // assert
        Assert.Null(host.Server.DemoCredentials);
        Assert.Equal("agent", user!.Name);
    }

    [Fact]
    public void Should_fail_to_build_with_a_bad_accounts_file()
    {
        // arrange
        var path = Path.Combine(Path.GetTempPath(), $"rari-bad-accounts-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"accounts":[{"name":"x","balance":"oops","v1":{"apiKey":"k","apiSecret":"s"}}]}""");

        try
        {
            // act
            var error = Assert.Throws<InvalidDataException>(() => new SimServer(new SimOptions { AccountsFile = path }));

            // assert
            Assert.Contains("account #1 ('x'), field \"balance\"", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
