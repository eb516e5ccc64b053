using Rari.Domain.Identifiers;

namespace Rari.Domain.Instruments;

/// <summary>
/// One tradable perpetual contract and every venue rule that shapes its orders: the symbol filters from exchangeInfo,
/// the order-count limits, the leverage-bracket table, the liquidation fee and the market-order price bound.
/// The simulator, the backtester, the risk gate and the strategies all read the same instance.
/// </summary>
/// <remarks>
/// <para>Each property validates its value when set, through the constructor or a <c>with</c> expression, and throws
/// an <see cref="ArgumentException"/> naming the field. The leverage brackets are sorted by notional floor and must be
/// contiguous from 0.</para>
/// <para>Rounding: <see cref="RoundPrice"/>, <see cref="RoundPriceForSide"/>, <see cref="RoundQuantityDown"/>,
/// <see cref="MinQuantityForNotional"/>. Brackets: <see cref="LeverageBracketAt"/>, <see cref="MaxLeverageAt"/>,
/// <see cref="MaxNotionalAt"/>. Order checks: <see cref="InstrumentRules"/>.</para>
/// </remarks>
public sealed partial record Instrument
{
    /// <summary>Creates an instrument, validating every field.</summary>
    /// <param name="symbol">The exchange symbol, e.g. BTCUSDT.</param>
    /// <param name="baseAsset">The traded asset, e.g. BTC.</param>
    /// <param name="quoteAsset">The pricing and margin asset, e.g. USDT.</param>
    /// <param name="pricePrecision">Display decimals of prices (exchangeInfo <c>pricePrecision</c>); not the tick size.</param>
    /// <param name="quantityPrecision">Display decimals of quantities (<c>quantityPrecision</c>); not the step size.</param>
    /// <param name="priceFilter">PRICE_FILTER.</param>
    /// <param name="lotSize">LOT_SIZE, for limit and conditional orders.</param>
    /// <param name="marketLotSize">MARKET_LOT_SIZE, for MARKET orders.</param>
    /// <param name="minNotional">MIN_NOTIONAL.</param>
    /// <param name="percentPrice">PERCENT_PRICE.</param>
    /// <param name="maxNumOrders">MAX_NUM_ORDERS <c>limit</c>: open orders per symbol, conditional ones included.</param>
    /// <param name="maxNumAlgoOrders">MAX_NUM_ALGO_ORDERS <c>limit</c>: open conditional orders per symbol.</param>
    /// <param name="leverageBrackets">The leverage / maintenance-margin table, in any order.</param>
    /// <param name="liquidationFeeRate">Fee charged on liquidation, as a fraction of notional (exchangeInfo <c>liquidationFee</c>).</param>
    /// <param name="marketTakeBound">Largest deviation from mark a MARKET order may trade at, as a fraction (<c>marketTakeBound</c>).</param>
    /// <exception cref="ArgumentException">A field is invalid; the message names it.</exception>
    public Instrument(
        Symbol symbol,
        string baseAsset,
        string quoteAsset,
        int pricePrecision,
        int quantityPrecision,
        PriceFilter priceFilter,
        LotSizeFilter lotSize,
        LotSizeFilter marketLotSize,
        MinNotionalFilter minNotional,
        PercentPriceFilter percentPrice,
        int maxNumOrders,
        int maxNumAlgoOrders,
        IReadOnlyList<LeverageBracket> leverageBrackets,
        decimal liquidationFeeRate,
        decimal marketTakeBound)
    {
        Symbol = symbol;
        BaseAsset = baseAsset;
        QuoteAsset = quoteAsset;
        PricePrecision = pricePrecision;
        QuantityPrecision = quantityPrecision;
        PriceFilter = priceFilter;
        LotSize = lotSize;
        MarketLotSize = marketLotSize;
        MinNotional = minNotional;
        PercentPrice = percentPrice;
        MaxNumOrders = maxNumOrders;
        MaxNumAlgoOrders = maxNumAlgoOrders;
        LeverageBrackets = leverageBrackets;
        LiquidationFeeRate = liquidationFeeRate;
        MarketTakeBound = marketTakeBound;
    }

    /// <summary>The exchange symbol, e.g. BTCUSDT.</summary>
    public Symbol Symbol
    {
        get;
        init => field = value.Value is not null
            ? value
            : throw new ArgumentException("Symbol must be set (the default Symbol has no text).", nameof(Symbol));
    }

    /// <summary>The traded asset, e.g. BTC.</summary>
    public string BaseAsset { get; init => field = RequireText(value, nameof(BaseAsset)); }

    /// <summary>The pricing and margin asset, e.g. USDT.</summary>
    public string QuoteAsset { get; init => field = RequireText(value, nameof(QuoteAsset)); }

    /// <summary>Display decimals of prices; Aster warns not to use it as the tick size.</summary>
    public int PricePrecision { get; init => field = RequirePrecision(value, nameof(PricePrecision)); }

    /// <summary>Display decimals of quantities; Aster warns not to use it as the step size.</summary>
    public int QuantityPrecision { get; init => field = RequirePrecision(value, nameof(QuantityPrecision)); }

    /// <summary>PRICE_FILTER: range and tick grid of prices and stop prices.</summary>
    public PriceFilter PriceFilter { get; init => field = value ?? throw new ArgumentNullException(nameof(PriceFilter)); }

    /// <summary>LOT_SIZE: range and step grid of limit and conditional order quantities.</summary>
    public LotSizeFilter LotSize { get; init => field = value ?? throw new ArgumentNullException(nameof(LotSize)); }

    /// <summary>MARKET_LOT_SIZE: range and step grid of MARKET order quantities.</summary>
    public LotSizeFilter MarketLotSize { get; init => field = value ?? throw new ArgumentNullException(nameof(MarketLotSize)); }

    /// <summary>MIN_NOTIONAL: smallest order value.</summary>
    public MinNotionalFilter MinNotional { get; init => field = value ?? throw new ArgumentNullException(nameof(MinNotional)); }

    /// <summary>PERCENT_PRICE: limit-price band around the mark price.</summary>
    public PercentPriceFilter PercentPrice { get; init => field = value ?? throw new ArgumentNullException(nameof(PercentPrice)); }

    /// <summary>MAX_NUM_ORDERS: most open orders per symbol, conditional orders included.</summary>
    public int MaxNumOrders { get; init => field = RequirePositive(value, nameof(MaxNumOrders)); }

    /// <summary>MAX_NUM_ALGO_ORDERS: most open conditional orders per symbol.</summary>
    public int MaxNumAlgoOrders { get; init => field = RequirePositive(value, nameof(MaxNumAlgoOrders)); }

    /// <summary>The leverage / maintenance-margin table, sorted by notional floor, contiguous from 0.</summary>
    /// <remarks>The <c>cum</c> values are taken as the venue sends them; they are not recomputed.</remarks>
    public IReadOnlyList<LeverageBracket> LeverageBrackets
    {
        get;
        init => field = LeverageBracketList.Create(value, nameof(LeverageBrackets));
    }

    /// <summary>Fee charged on liquidation, as a fraction of notional (e.g. 0.015), in [0, 1).</summary>
    public decimal LiquidationFeeRate
    {
        get;
        init => field = value is >= 0m and < 1m
            ? value
            : throw new ArgumentOutOfRangeException(nameof(LiquidationFeeRate), value, "LiquidationFeeRate must be in [0, 1).");
    }

    /// <summary>Largest deviation from the mark price a MARKET order may trade at, as a fraction (e.g. 0.05), in (0, 1).</summary>
    public decimal MarketTakeBound
    {
        get;
        init => field = value is > 0m and < 1m
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MarketTakeBound), value, "MarketTakeBound must be in (0, 1).");
    }

    private static string RequireText(string value, string name) =>
        !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException($"{name} must not be empty.", name);

    private static int RequirePrecision(int value, string name) =>
        value is >= 0 and <= 28 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be 0-28 decimals.");

    private static int RequirePositive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
}
