using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.Rest;

namespace Rari.Aster.Check;

// The checks behind the original tool's "No Positions Opening": balance, and each symbol's leverage and margin type.
public static partial class AccountCheck
{
    private static async Task<CheckResult> CheckBalanceAsync(
        AsterRestClient client, AsterClientOptions options, AccountCheckOptions check, MarketFacts market, CancellationToken cancellationToken)
    {
        IReadOnlyList<AsterBalance> balances;
        try
        {
            balances = await client.GetBalancesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AsterApiException e)
        {
            var (finding, advice) = CheckAdvice.For(e, options);
            return CheckResult.Fail(Names.Balance, finding, advice);
        }

        var asset = check.MarginAsset;
        var available = balances.FirstOrDefault(b => string.Equals(b.Asset, asset, StringComparison.OrdinalIgnoreCase))?.AvailableBalance ?? 0m;
        var needs = check.TradedSymbols
            .Select(s => market.SmallestOrderMargin(s.Value, check.Assets.For(s).Leverage))
            .OfType<decimal>()
            .ToList();
        var smallest = decimal.Round(needs.Sum(), 2, MidpointRounding.ToPositiveInfinity);
        var required = Math.Max(smallest, check.MinimumBalance);
        var basis = smallest >= check.MinimumBalance
            ? Text($"the smallest order on each of {needs.Count} asset(s) needs {smallest:0.00} {asset} of margin")
            : Text($"the configured minimum is {check.MinimumBalance:0.00} {asset}");
        if (available > 0m && available >= required)
        {
            return CheckResult.Pass(Names.Balance, Text($"{available:0.00} {asset} available; {basis}"));
        }

        return CheckResult.Fail(
            Names.Balance,
            Text($"{available:0.00} {asset} available, {required:0.00} needed: {basis}"),
            Text($"Deposit {asset}, or transfer it from your spot wallet to the futures wallet (Aster > Assets > Transfer), so at least {required:0.00} {asset} is available."));
    }

    private static IEnumerable<CheckResult> CheckSymbols(AccountCheckOptions check, MarketFacts market)
    {
        foreach (var symbol in check.TradedSymbols)
        {
            var name = symbol.Value;
            var wanted = check.Assets.For(symbol).Leverage;
            var title = $"{name} leverage";
            if (!market.Symbols.TryGetValue(name, out var info) || !info.Status.Is(AsterSymbolStatus.Trading))
            {
                yield return CheckResult.Fail(title, $"{name} is not traded on this venue", $"Remove {name} from the traded assets, or check its spelling.");
                continue;
            }

            var allowed = market.MaxLeverage.GetValueOrDefault(name);
            if (allowed > 0 && wanted > allowed)
            {
                yield return CheckResult.Fail(
                    title,
                    Text($"the asset table asks {wanted}x, but the venue's brackets allow at most {allowed}x on {name}"),
                    Text($"Lower rari.assets.{name}.leverage to {allowed} or less."));
                continue;
            }

            if (!market.Positions.TryGetValue(name, out var risk))
            {
                yield return CheckResult.Fail(title, $"the venue reports no leverage for {name}", "Open the symbol's trading page on Aster once, then run the check again.");
                continue;
            }

            var expectedMargin = check.MarginType == AsterMarginType.Crossed ? "cross" : "isolated";
            var problems = new List<string>();
            var changes = new List<string>();
            if (risk.Leverage != wanted)
            {
                problems.Add(Text($"leverage is {risk.Leverage}x but the asset table uses {wanted}x"));
                changes.Add(Text($"set leverage to {wanted}x"));
            }

            if (!risk.MarginType.Is(check.MarginType))
            {
                problems.Add($"margin is {risk.MarginType.Raw} but rari expects {expectedMargin}");
                changes.Add($"set margin mode to {(expectedMargin == "cross" ? "Cross" : "Isolated")} (possible only with no open position or order)");
            }

            yield return problems.Count == 0
                ? CheckResult.Pass(title, Text($"{wanted}x {expectedMargin}, as the asset table says (the venue allows up to {allowed}x)"))
                : CheckResult.Fail(title, string.Join("; ", problems), $"On Aster's {name} trading page {string.Join(" and ", changes)}.");
        }
    }
}
