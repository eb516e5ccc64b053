using System.Globalization;
using System.Text.Json;
using Rari.Aster.Signing;

namespace Rari.Aster.Sim.Accounts;

/// <summary>
/// Reads the <c>--accounts</c> file:
/// <c>{"accounts":[{"name":"demo","balance":"10000","v1":{"apiKey":"…","apiSecret":"…"},"v3":{"user":"0x…","signers":["0x…"]}}]}</c>.
/// </summary>
/// <remarks>
/// Each account needs a unique name, a non-negative balance (a JSON string or number) and at least one of
/// <c>v1</c> and <c>v3</c>. API keys and V3 users must be unique across accounts; addresses are compared without
/// regard to letter case. Every problem is reported with the account's position and name and the field's path.
/// </remarks>
public static class AccountsFile
{
    /// <summary>Reads and checks an accounts file.</summary>
    /// <exception cref="InvalidDataException">The file is not valid; the message names the account and the field.</exception>
    public static IReadOnlyList<SimAccount> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Accounts file '{path}' cannot be read: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses accounts JSON; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">The JSON is not a valid accounts document.</exception>
    public static IReadOnlyList<SimAccount> Parse(string json, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Accounts file '{sourceName}' is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("accounts", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"Accounts file '{sourceName}' must be an object with an \"accounts\" array.");
            }

            if (list.GetArrayLength() == 0)
            {
                throw new InvalidDataException($"Accounts file '{sourceName}' lists no accounts.");
            }

            var accounts = new List<SimAccount>();
            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                index++;
                accounts.Add(ReadAccount(element, new Where(sourceName, index)));
            }

            CheckUnique(accounts, sourceName);
            return accounts;
        }
    }

    private static SimAccount ReadAccount(JsonElement element, Where where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw where.Fail(null, "must be an object.");
        }

        var name = element.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
            ? nameElement.GetString()
            : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw where.Fail("name", "is missing or empty.");
        }

        where = where with { Name = name };
        var balance = ReadBalance(element, where);
        var v1 = element.TryGetProperty("v1", out var v1Element) && v1Element.ValueKind != JsonValueKind.Null ? ReadV1(v1Element, where) : null;
        EthAddress? user = null;
        IReadOnlySet<EthAddress> signers = new HashSet<EthAddress>();
        if (element.TryGetProperty("v3", out var v3Element) && v3Element.ValueKind != JsonValueKind.Null)
        {
            (user, signers) = ReadV3(v3Element, where);
        }

        if (v1 is null && user is null)
        {
            throw where.Fail(null, "has neither \"v1\" nor \"v3\" credentials; give at least one.");
        }

        return new SimAccount(name, balance, v1, user, signers);
    }

    private static decimal ReadBalance(JsonElement element, Where where)
    {
        if (!element.TryGetProperty("balance", out var value))
        {
            throw where.Fail("balance", "is missing.");
        }

        var balance = 0m;
        var ok = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out balance),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out balance),
            _ => false,
        };
        return ok && balance >= 0m ? balance : throw where.Fail("balance", "must be a non-negative decimal such as \"10000\".");
    }

    private static V1Credentials ReadV1(JsonElement element, Where where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw where.Fail("v1", "must be an object with apiKey and apiSecret.");
        }

        var apiKey = Text(element, "apiKey") ?? throw where.Fail("v1.apiKey", "is missing.");
        var apiSecret = Text(element, "apiSecret") ?? throw where.Fail("v1.apiSecret", "is missing.");
        try
        {
            return new V1Credentials(apiKey, apiSecret);
        }
        catch (ArgumentException e)
        {
            // The credential type's messages describe the problem without echoing the secret.
            var field = e.ParamName == "apiSecret" ? "v1.apiSecret" : "v1.apiKey";
            throw where.Fail(field, e.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
        }
    }

    private static (EthAddress User, IReadOnlySet<EthAddress> Signers) ReadV3(JsonElement element, Where where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw where.Fail("v3", "must be an object with user and optional signers.");
        }

        var user = Address(Text(element, "user"), "v3.user", where);
        var signers = new HashSet<EthAddress>();
        if (element.TryGetProperty("signers", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw where.Fail("v3.signers", "must be an array of addresses.");
            }

            var i = 0;
            foreach (var signer in list.EnumerateArray())
            {
                var text = signer.ValueKind == JsonValueKind.String ? signer.GetString() : null;
                signers.Add(Address(text, string.Create(CultureInfo.InvariantCulture, $"v3.signers[{i}]"), where));
                i++;
            }
        }

        return (user, signers);
    }

    private static EthAddress Address(string? text, string field, Where where)
    {
        if (text is null)
        {
            throw where.Fail(field, "is missing.");
        }

        if (!EthAddress.TryParse(text, out var address, out var problem))
        {
            throw where.Fail(field, $"is not an address: {problem}");
        }

        return EthAddress.HasValidChecksum(text)
            ? address
            : throw where.Fail(field, "mixes upper and lower case but does not match its EIP-55 checksum; check it for a typo.");
    }

    private static void CheckUnique(List<SimAccount> accounts, string sourceName)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var users = new HashSet<EthAddress>();
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            var where = new Where(sourceName, i + 1, account.Name);
            if (!names.Add(account.Name))
            {
                throw where.Fail("name", "is used by an earlier account; names must be unique.");
            }

            if (account.V1 is { } v1 && !keys.Add(v1.ApiKey))
            {
                throw where.Fail("v1.apiKey", "is used by an earlier account; API keys must be unique.");
            }

            if (account.V3User is { } user && !users.Add(user))
            {
                throw where.Fail("v3.user", "is used by an earlier account; V3 users must be unique.");
            }
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record Where(string Source, int Index, string? Name = null)
    {
        public InvalidDataException Fail(string? field, string problem)
        {
            var account = Name is null
                ? string.Create(CultureInfo.InvariantCulture, $"account #{Index}")
                : string.Create(CultureInfo.InvariantCulture, $"account #{Index} ('{Name}')");
            var subject = field is null ? account : $"{account}, field \"{field}\",";
            return new InvalidDataException($"Accounts file '{Source}': {subject} {problem}");
        }
    }
}
