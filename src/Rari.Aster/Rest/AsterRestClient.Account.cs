using System.Globalization;
using Rari.Aster.Models;
using Rari.Aster.Signing;
using Rari.Domain.Identifiers;

namespace Rari.Aster.Rest;

// Account, positions, settings and the user-stream key.
public sealed partial class AsterRestClient
{
    /// <summary>Whether hedge mode is on (<c>GET positionSide/dual</c>).</summary>
    public async Task<bool> GetHedgeModeAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync<AsterPositionMode>(AsterEndpoints.GetPositionMode, new ParameterStringBuilder(), null, cancellationToken).ConfigureAwait(false))
            .DualSidePosition;

    /// <summary>Turns hedge mode on or off for every symbol (<c>POST positionSide/dual</c>); −4059 when nothing changes.</summary>
    public Task<AsterAcknowledgement> SetHedgeModeAsync(bool hedgeMode, CancellationToken cancellationToken = default) =>
        CallAsync<AsterAcknowledgement>(
            AsterEndpoints.SetPositionMode, new ParameterStringBuilder().Add("dualSidePosition", hedgeMode), null, cancellationToken);

    /// <summary>Sets a symbol's margin type (<c>POST marginType</c>); −4046 when nothing changes.</summary>
    public Task<AsterAcknowledgement> SetMarginTypeAsync(Symbol symbol, AsterMarginType marginType, CancellationToken cancellationToken = default)
    {
        if (marginType is not (AsterMarginType.Isolated or AsterMarginType.Crossed))
        {
            throw new ArgumentOutOfRangeException(nameof(marginType), marginType, "Margin type must be Isolated or Crossed.");
        }

        var parameters = new ParameterStringBuilder().Add("symbol", symbol.Value).Add("marginType", WireNames.Of(marginType));
        return CallAsync<AsterAcknowledgement>(AsterEndpoints.MarginType, parameters, null, cancellationToken);
    }

    /// <summary>Sets a symbol's leverage, 1 to 125 (<c>POST leverage</c>).</summary>
    public Task<AsterLeverageChange> SetLeverageAsync(Symbol symbol, int leverage, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leverage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(leverage, 125);
        var parameters = new ParameterStringBuilder().Add("symbol", symbol.Value).Add("leverage", leverage);
        return CallAsync<AsterLeverageChange>(AsterEndpoints.Leverage, parameters, null, cancellationToken);
    }

    /// <summary>
    /// Leverage brackets of one symbol, or of all (<c>GET leverageBracket</c>). The venue answers a single object
    /// when a symbol is sent and an array otherwise; both come back as a list.
    /// </summary>
    public Task<IReadOnlyList<AsterSymbolBrackets>> GetLeverageBracketsAsync(Symbol? symbol = null, CancellationToken cancellationToken = default)
    {
        var parameters = new ParameterStringBuilder();
        AddOptional(parameters, "symbol", symbol?.Value);
        return CallListOrObjectAsync<AsterSymbolBrackets>(AsterEndpoints.LeverageBracket, parameters, null, cancellationToken);
    }

    /// <summary>Adds margin to or removes it from an isolated position (<c>POST positionMargin</c>); never repeated automatically.</summary>
    public Task<AsterPositionMarginChange> ChangePositionMarginAsync(
        Symbol symbol, decimal amount, AsterMarginChange change, Rari.Domain.Orders.PositionSide? positionSide = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (!Enum.IsDefined(change))
        {
            throw new ArgumentOutOfRangeException(nameof(change), change, "Change must be Add or Reduce.");
        }

        var parameters = new ParameterStringBuilder().Add("symbol", symbol.Value);
        if (positionSide is { } side)
        {
            parameters.Add("positionSide", WireNames.Of(side));
        }

        parameters.Add("amount", amount).Add("type", (long)change);
        return CallAsync<AsterPositionMarginChange>(AsterEndpoints.PositionMargin, parameters, null, cancellationToken);
    }

    /// <summary>Positions with mark price, PnL and liquidation price (<c>GET positionRisk</c>).</summary>
    public Task<IReadOnlyList<AsterPositionRisk>> GetPositionRiskAsync(Symbol? symbol = null, CancellationToken cancellationToken = default)
    {
        var parameters = new ParameterStringBuilder();
        AddOptional(parameters, "symbol", symbol?.Value);
        return CallAsync<IReadOnlyList<AsterPositionRisk>>(AsterEndpoints.PositionRisk, parameters, null, cancellationToken);
    }

    /// <summary>Asset balances (<c>GET balance</c>).</summary>
    public Task<IReadOnlyList<AsterBalance>> GetBalancesAsync(CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<AsterBalance>>(AsterEndpoints.Balance, new ParameterStringBuilder(), null, cancellationToken);

    /// <summary>The account: totals, assets and positions (V1 <c>/fapi/v4/account</c>, V3 <c>/fapi/v3/accountWithJoinMargin</c>).</summary>
    public Task<AsterAccount> GetAccountAsync(CancellationToken cancellationToken = default) =>
        CallAsync<AsterAccount>(AsterEndpoints.Account, new ParameterStringBuilder(), null, cancellationToken);

    /// <summary>Our fills of a symbol, oldest first (<c>GET userTrades</c>); <paramref name="fromId"/> cannot be combined with times.</summary>
    public Task<IReadOnlyList<AsterUserTrade>> GetUserTradesAsync(
        Symbol symbol, long? startTimeMs = null, long? endTimeMs = null, long? fromId = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit, 1000);
        if (fromId is not null && (startTimeMs is not null || endTimeMs is not null))
        {
            throw new ArgumentException("fromId cannot be combined with startTime or endTime.", nameof(fromId));
        }

        var parameters = new ParameterStringBuilder().Add("symbol", symbol.Value);
        AddOptional(parameters, "startTime", startTimeMs);
        AddOptional(parameters, "endTime", endTimeMs);
        AddOptional(parameters, "fromId", fromId);
        AddOptional(parameters, "limit", limit);
        return CallAsync<IReadOnlyList<AsterUserTrade>>(AsterEndpoints.UserTrades, parameters, null, cancellationToken);
    }

    /// <summary>Income history: realized PnL, commissions, funding, transfers (<c>GET income</c>).</summary>
    public Task<IReadOnlyList<AsterIncome>> GetIncomeAsync(
        Symbol? symbol = null, AsterIncomeType? incomeType = null, long? startTimeMs = null, long? endTimeMs = null, int? limit = null,
        CancellationToken cancellationToken = default)
    {
        CheckLimit(limit, 1000);
        var parameters = new ParameterStringBuilder();
        AddOptional(parameters, "symbol", symbol?.Value);
        AddOptional(parameters, "incomeType", incomeType is { } type ? WireNames.Of(type) : null);
        AddOptional(parameters, "startTime", startTimeMs);
        AddOptional(parameters, "endTime", endTimeMs);
        AddOptional(parameters, "limit", limit);
        return CallAsync<IReadOnlyList<AsterIncome>>(AsterEndpoints.Income, parameters, null, cancellationToken);
    }

    /// <summary>Maker and taker fee rates of a symbol (<c>GET commissionRate</c>).</summary>
    public Task<AsterCommissionRate> GetCommissionRateAsync(Symbol symbol, CancellationToken cancellationToken = default) =>
        CallAsync<AsterCommissionRate>(AsterEndpoints.CommissionRate, new ParameterStringBuilder().Add("symbol", symbol.Value), null, cancellationToken);

    /// <summary>Creates the user-data stream key, or extends and returns the live one (<c>POST listenKey</c>).</summary>
    public async Task<string> CreateListenKeyAsync(CancellationToken cancellationToken = default)
    {
        var key = await CallAsync<AsterListenKey>(AsterEndpoints.CreateListenKey, new ParameterStringBuilder(), null, cancellationToken).ConfigureAwait(false);
        return key.ListenKey.Length > 0
            ? key.ListenKey
            : throw new Errors.AsterApiException(string.Create(CultureInfo.InvariantCulture, $"POST {AsterEndpoints.CreateListenKey.PathFor(ApiVersion)} answered without a listenKey."));
    }

    /// <summary>Extends the user-data stream key by 60 minutes (<c>PUT listenKey</c>); call it every 30 minutes.</summary>
    public Task KeepAliveListenKeyAsync(CancellationToken cancellationToken = default) =>
        CallAsync<System.Text.Json.JsonElement>(AsterEndpoints.KeepAliveListenKey, new ParameterStringBuilder(), null, cancellationToken);

    /// <summary>Closes the user-data stream key (<c>DELETE listenKey</c>).</summary>
    public Task CloseListenKeyAsync(CancellationToken cancellationToken = default) =>
        CallAsync<System.Text.Json.JsonElement>(AsterEndpoints.CloseListenKey, new ParameterStringBuilder(), null, cancellationToken);
}
