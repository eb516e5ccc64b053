using Rari.Domain.Identifiers;

namespace Rari.Venue.Accounts;

/// <summary>The kind of a cash flow in the income history (Aster's <c>incomeType</c>).</summary>
/// <remarks>Journaled with income records: the numeric values are never renumbered.</remarks>
public enum IncomeType : byte
{
    /// <summary>A transfer into (positive) or out of (negative) the account (<c>TRANSFER</c>).</summary>
    Transfer = 1,

    /// <summary>PnL realized by a fill (<c>REALIZED_PNL</c>).</summary>
    RealizedPnl = 2,

    /// <summary>A funding payment, negative when paid (<c>FUNDING_FEE</c>).</summary>
    FundingFee = 3,

    /// <summary>Commission of a fill, negative when paid (<c>COMMISSION</c>).</summary>
    Commission = 4,

    /// <summary>
    /// The liquidation fee of a liquidation fill, negative (<c>INSURANCE_CLEAR</c>, the type Binance-style venues book
    /// the liquidation clearance fee under; Aster lists the type without describing it).
    /// </summary>
    InsuranceClear = 5,
}

/// <summary>One row of the income history (Aster's <c>GET /fapi/v1/income</c>).</summary>
/// <param name="Symbol">The symbol, or null for a transfer.</param>
/// <param name="Type">The kind of cash flow.</param>
/// <param name="Income">The amount, positive when the account received it, USDT.</param>
/// <param name="Asset">The asset, USDT.</param>
/// <param name="Info">Free text: the trade id for trade-related rows, otherwise the type.</param>
/// <param name="TimeMs">When it was booked, UTC epoch milliseconds.</param>
/// <param name="TransactionId">The venue's transaction id (<c>tranId</c>), unique within the venue.</param>
/// <param name="TradeId">The trade it belongs to (<c>tradeId</c>), or null.</param>
public sealed record IncomeRecord(
    Symbol? Symbol,
    IncomeType Type,
    decimal Income,
    string Asset,
    string Info,
    long TimeMs,
    long TransactionId,
    TradeId? TradeId);
