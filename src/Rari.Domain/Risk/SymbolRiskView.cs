using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Domain.Strategies;

namespace Rari.Domain.Risk;

/// <summary>
/// What the risk rules read about one symbol: its venue rules, mark price, settings, positions, resting entry orders,
/// book and recent volatility. Part of a <see cref="RiskContext"/>; the host builds one per symbol it trades or holds.
/// </summary>
/// <remarks>
/// Every symbol with an open position or resting entry orders must have a view, or the account-wide caps and the cross
/// liquidation estimate would miss it. Each property validates its value when set.
/// </remarks>
public sealed record SymbolRiskView
{
    private static readonly PositionSide[] PositionSides = [PositionSide.Both, PositionSide.Long, PositionSide.Short];

    /// <summary>Creates a view with no position, no resting orders and no market readings.</summary>
    /// <param name="instrument">The symbol's venue rules.</param>
    /// <param name="markPrice">The current mark price, positive.</param>
    public SymbolRiskView(Instrument instrument, decimal markPrice)
    {
        Instrument = instrument;
        MarkPrice = markPrice;
    }

    /// <summary>The symbol's venue rules (filters, leverage brackets).</summary>
    public Instrument Instrument { get; init => field = value ?? throw new ArgumentNullException(nameof(Instrument)); }

    /// <summary>The symbol.</summary>
    public Symbol Symbol => Instrument.Symbol;

    /// <summary>The current mark price, which values positions and MARKET orders.</summary>
    public decimal MarkPrice
    {
        get;
        init => field = value > 0m ? value : throw new ArgumentOutOfRangeException(nameof(MarkPrice), value, "The mark price must be positive.");
    }

    /// <summary>The symbol's own trading state (the global one is on the context).</summary>
    public TradingState TradingState
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(TradingState), value, "Unknown trading state.");
    } = TradingState.Active;

    /// <summary>The leverage set on the symbol, 1-125; the margin-at-risk of its positions is <c>notional / leverage</c>.</summary>
    public int Leverage
    {
        get;
        init => field = value is >= 1 and <= Position.MaxLeverage
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Leverage), value, $"Leverage must be 1-{Position.MaxLeverage}.");
    } = PortfolioAccount.StandardLeverage;

    /// <summary>Cross or isolated.</summary>
    public MarginType MarginType
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(MarginType), value, "Unknown margin type.");
    } = MarginType.Cross;

    /// <summary>
    /// The symbol's positions as the account values them (<see cref="PortfolioAccount.GetPositionMargin"/>): one BOTH row
    /// in one-way mode, LONG and SHORT rows in hedge mode; flat rows may be left out.
    /// </summary>
    /// <exception cref="ArgumentException">A position side appears twice.</exception>
    public IReadOnlyList<PositionMargin> Positions
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Positions));
            for (var i = 0; i < value.Count; i++)
            {
                for (var j = i + 1; j < value.Count; j++)
                {
                    if (value[i].Side == value[j].Side)
                    {
                        throw new ArgumentException($"The {value[i].Side} position of {value[i].Symbol} is given twice.", nameof(Positions));
                    }
                }
            }

            field = value;
        }
    } = [];

    /// <summary>
    /// Notional (price × remaining quantity) of the resting BUY orders that can add long exposure: entries, not
    /// reduce-only exits. In the worst case all of them fill, so they count against the caps.
    /// </summary>
    public decimal OpenBuyNotional { get; init => field = NotNegative(value, nameof(OpenBuyNotional)); }

    /// <summary>Notional of the resting SELL orders that can add short exposure (entries, not reduce-only exits).</summary>
    public decimal OpenSellNotional { get; init => field = NotNegative(value, nameof(OpenSellNotional)); }

    /// <summary>The local L2 book when the host keeps one; the depth and slippage rules are skipped without it. Read only.</summary>
    public OrderBook? Book { get; init; }

    /// <summary>Recent realized volatility, annualised (e.g. <c>RealizedVolatility.Annualized</c>); null while unknown.</summary>
    public decimal? Volatility { get; init => field = value is null or >= 0m ? value : throw new ArgumentOutOfRangeException(nameof(Volatility), value, "Volatility must not be negative."); }

    /// <summary>Average true range of the host's bars, in price units; null while unknown.</summary>
    public decimal? AverageTrueRange { get; init => field = value is null or >= 0m ? value : throw new ArgumentOutOfRangeException(nameof(AverageTrueRange), value, "ATR must not be negative."); }

    /// <summary>
    /// The standing protective stop for new entries in this symbol (a strategy's current stop-loss), used when an order
    /// carries none; null when there is none.
    /// </summary>
    public decimal? StopLossPrice { get; init => field = value is null or > 0m ? value : throw new ArgumentOutOfRangeException(nameof(StopLossPrice), value, "A stop-loss price must be positive."); }

    /// <summary>The position on <paramref name="side"/>, or null when flat or not given.</summary>
    public PositionMargin? PositionOn(PositionSide side)
    {
        var positions = Positions;
        for (var i = 0; i < positions.Count; i++)
        {
            if (positions[i].Side == side)
            {
                return positions[i];
            }
        }

        return null;
    }

    /// <summary>Signed quantity of the position on <paramref name="side"/>; 0 when flat.</summary>
    public decimal QuantityOn(PositionSide side) => PositionOn(side)?.Quantity ?? 0m;

    /// <summary>
    /// A view of <paramref name="instrument"/>'s symbol as <paramref name="account"/> holds it: mark price, leverage,
    /// margin type and positions. The host adds the resting orders, book and readings with a <c>with</c> expression.
    /// </summary>
    /// <exception cref="ArgumentException">The account has no mark price for the symbol yet.</exception>
    public static SymbolRiskView FromAccount(PortfolioAccount account, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(instrument);
        var symbol = instrument.Symbol;
        if (!account.TryGetMarkPrice(symbol, out var mark))
        {
            throw new ArgumentException($"The account has no mark price for {symbol} yet; the risk rules cannot value it.", nameof(account));
        }

        var positions = new List<PositionMargin>(3);
        foreach (var side in PositionSides)
        {
            if (account.GetPositionMargin(symbol, side) is { IsOpen: true } position)
            {
                positions.Add(position);
            }
        }

        return new SymbolRiskView(instrument, mark)
        {
            Leverage = account.LeverageOf(symbol),
            MarginType = account.MarginTypeOf(symbol),
            Positions = positions,
        };
    }

    /// <summary>An indicator's reading as a decimal for this view, or null while it is NaN (warming up) or not finite.</summary>
    public static decimal? Reading(double indicatorValue) =>
        double.IsFinite(indicatorValue) && Math.Abs(indicatorValue) < 1e15 ? (decimal)indicatorValue : null;

    private static decimal NotNegative(decimal value, string name) =>
        value >= 0m ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.");
}
