using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Rari.Aster.Check;
using Rari.Aster.Rest;
using Symbol = Rari.Domain.Identifiers.Symbol;

namespace Rari.Node.Commands;

/// <summary>
/// <c>rari check</c>: tells a new user in plain words whether rari can trade with the credentials in the environment
/// (<c>ASTER_API_KEY</c>/<c>ASTER_API_SECRET</c>, or <c>ASTER_PRIVATE_KEY</c> with <c>ASTER_USER</c>): each check
/// prints ✓ or ✗ with one line of advice. The checks live in <see cref="AccountCheck"/>; this command only prints.
/// </summary>
/// <remarks>Exit codes: 0 when every check passed; 1 when one failed or an option is malformed (the parser's code).</remarks>
public static class CheckCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="getEnvironmentVariable">Where credentials are read; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
    /// <param name="time">The local clock; <see cref="TimeProvider.System"/> when null.</param>
    public static Command Create(Func<string, string?>? getEnvironmentVariable = null, TimeProvider? time = null)
    {
        var venue = new Option<Uri?>("--venue")
        {
            Description = "REST address to check instead of Aster mainnet, e.g. a simulator's http://127.0.0.1:5080",
            HelpName = "URL",
            CustomParser = r => ParseUrl(r, "http", "https"),
        };
        var webSocket = new Option<Uri?>("--ws")
        {
            Description = "WebSocket address; by default the --venue address with ws:// or wss://",
            HelpName = "URL",
            CustomParser = r => ParseUrl(r, "ws", "wss"),
        };
        var testnet = new Option<bool>("--testnet") { Description = "Check against Aster's testnet (chain id 714)" };
        var symbols = new Option<Symbol[]>("--symbols")
        {
            Description = "Symbols rari will trade, e.g. BTCUSDT,ETHUSDT; default: every symbol of the asset table",
            HelpName = "SYMBOL",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
            CustomParser = ParseSymbols,
        };
        var minimumBalance = new Option<decimal>("--min-balance")
        {
            Description = "Least USDT balance that passes (the smallest order on every symbol is always required)",
            HelpName = "USDT",
            CustomParser = ParseBalance,
        };
        var command = new Command("check", "Check Aster connectivity, credentials and account settings, with advice for each problem")
        {
            venue, webSocket, testnet, symbols, minimumBalance,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var template = Template(parse.GetValue(testnet), parse.GetValue(venue), parse.GetValue(webSocket));
            var traded = parse.GetValue(symbols) ?? [];
            var options = new AccountCheckOptions { Symbols = traded.Length > 0 ? traded : null, MinimumBalance = parse.GetValue(minimumBalance) };
            var report = await AccountCheck.RunFromEnvironmentAsync(
                getEnvironmentVariable ?? Environment.GetEnvironmentVariable, template, options, time, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(Format(report)).ConfigureAwait(false);
            return report.ExitCode;
        });
        return command;
    }

    /// <summary>The report as the user reads it: one line per check, its advice beneath, and a verdict.</summary>
    public static string Format(AccountCheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var width = report.Results.Max(r => r.Name.Length);
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"rari check: {report.Venue.GetLeftPart(UriPartial.Authority)} as {report.Identity}").AppendLine().AppendLine();
        foreach (var result in report.Results)
        {
            var mark = result.Status switch
            {
                CheckStatus.Passed => "✓",
                CheckStatus.Failed => "✗",
                _ => "-",
            };
            text.Append(CultureInfo.InvariantCulture, $"  {mark} {result.Name.PadRight(width)}  {result.Finding}").AppendLine();
            if (result.Advice is { } advice)
            {
                text.Append(' ', width + 6).Append("→ ").AppendLine(advice);
            }
        }

        var failed = report.Results.Count(r => r.Status == CheckStatus.Failed);
        text.AppendLine().AppendLine(report.AllPassed
            ? "All checks passed: rari can trade with these settings."
            : string.Create(CultureInfo.InvariantCulture, $"{failed} check(s) failed: change what the arrows say, then run 'rari check' again."));
        return text.ToString();
    }

    private static AsterClientOptions Template(bool testnet, Uri? venue, Uri? webSocket)
    {
        var template = testnet ? AsterClientOptions.Testnet : AsterClientOptions.Mainnet;
        if (venue is not null)
        {
            template = template with
            {
                RestBaseUrl = venue,
                WebSocketBaseUrl = webSocket ?? new UriBuilder(venue) { Scheme = venue.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri,
            };
        }
        else if (webSocket is not null)
        {
            template = template with { WebSocketBaseUrl = webSocket };
        }

        return template;
    }

    private static decimal ParseBalance(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var balance))
        {
            return balance;
        }

        result.AddError($"'{text}' is not an amount of USDT such as 100 or 250.5.");
        return 0m;
    }

    private static Symbol[] ParseSymbols(ArgumentResult result)
    {
        var parsed = new List<Symbol>();
        foreach (var text in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Symbol.TryParse(text, out var symbol))
            {
                result.AddError($"'{text}' is not a symbol; use letters and digits, e.g. BTCUSDT.");
                return [];
            }

            parsed.Add(symbol);
        }

        return [.. parsed.Distinct()];
    }

    private static Uri? ParseUrl(ArgumentResult result, params string[] schemes)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && schemes.Contains(url.Scheme, StringComparer.OrdinalIgnoreCase) && url.Query.Length == 0)
        {
            return url;
        }

        result.AddError($"'{text}' is not a {string.Join(" or ", schemes)} address such as {schemes[0]}://127.0.0.1:5080.");
        return null;
    }
}
