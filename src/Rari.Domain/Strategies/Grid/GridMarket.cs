using Rari.Domain.Indicators;
using Rari.Domain.Market;

namespace Rari.Domain.Strategies.Grid;

/// <summary>
/// The grid's market state: the volatility indicator, the last close, how many closed bars in a row the price has
/// spent outside the range, and when the next attempt after a refusal is due. Updated from klines only, never
/// journaled; after a restart <see cref="GridStrategy.WarmUp"/> rebuilds it.
/// </summary>
/// <remarks>
/// The refusal timer lives here rather than in the journal so that a persisting refusal costs no event per attempt:
/// the grid journals a <see cref="GridRefused"/> only when the reason changes. After a restart the timer starts at 0,
/// so the first bar simply checks again.
/// </remarks>
internal sealed class GridMarket
{
    private const int SpacingDecimals = 6;

    private readonly AverageTrueRange? _atr;
    private readonly RealizedVolatility? _realized;
    private decimal _countedLower;
    private decimal _countedUpper;

    public GridMarket(GridSettings settings)
    {
        Settings = settings;
        if (settings.RangeSource == GridRangeSource.Volatility)
        {
            if (settings.VolatilitySource == GridVolatilitySource.Atr)
            {
                _atr = new AverageTrueRange(settings.VolatilityWindow);
            }
            else
            {
                _realized = new RealizedVolatility(settings.VolatilityWindow, TimeSpan.FromMilliseconds(settings.BarMs));
            }
        }
    }

    /// <summary>The settings the indicators were made for.</summary>
    public GridSettings Settings { get; }

    /// <summary>Closed bars seen.</summary>
    public long Bars { get; private set; }

    /// <summary>The last close; 0 before the first bar.</summary>
    public decimal LastClose { get; private set; }

    /// <summary>Consecutive closes outside the running grid's range (reset when the range changes).</summary>
    public int BarsOutside { get; private set; }

    /// <summary>No new attempt to start or recentre after a refusal before this market time, UTC epoch milliseconds.</summary>
    public long RetryAtMs { get; set; }

    /// <summary>Whether there is enough data to build a grid: one bar, or a ready indicator for a volatility range.</summary>
    public bool IsReady => Bars > 0 && (_atr?.IsReady ?? true) && (_realized?.IsReady ?? true);

    /// <summary>Takes one closed bar; counts it against the range of <paramref name="state"/> if the grid is running.</summary>
    public void Update(in Kline kline, GridState state)
    {
        Bars++;
        LastClose = kline.Close;
        _atr?.Update(kline);
        _realized?.Update(kline);

        if (state.Phase != GridPhase.Running || state.Levels.Count == 0)
        {
            BarsOutside = 0;
            return;
        }

        var lower = state.Lower;
        var upper = state.Upper;
        if (lower != _countedLower || upper != _countedUpper)
        {
            _countedLower = lower;
            _countedUpper = upper;
            BarsOutside = 0;
        }

        BarsOutside = kline.Close < lower || kline.Close > upper ? BarsOutside + 1 : 0;
    }

    /// <summary>
    /// The spacing to build with at <paramref name="price"/>: the configured one, or for a volatility range
    /// <c>2 × k × volatility / ((levels − 1) × price)</c> clamped to the bounds. The volatility is the ATR, or
    /// <c>price × σ_bar × √window</c> for realized volatility (the typical move over the window).
    /// </summary>
    /// <remarks>
    /// The result is quantized to six decimals, so that the last bits of a double (which may differ between machines
    /// for the logarithms behind realized volatility) never reach a price.
    /// </remarks>
    public decimal Spacing(decimal price)
    {
        if (Settings.RangeSource != GridRangeSource.Volatility)
        {
            return Settings.Spacing;
        }

        var k = (double)Settings.VolatilityMultiplier;
        var halfWidth = _atr is not null
            ? k * _atr.Value
            : k * (double)price * _realized!.Value * Math.Sqrt(Settings.VolatilityWindow);
        var spacing = 2d * halfWidth / ((Settings.LevelCount - 1) * (double)price);
        if (double.IsNaN(spacing) || spacing <= 0d)
        {
            return Settings.MinSpacing;
        }

        if (spacing >= 1d)
        {
            return Settings.MaxSpacing;
        }

        var quantized = decimal.Round((decimal)spacing, SpacingDecimals, MidpointRounding.ToEven);
        return Math.Clamp(quantized, Settings.MinSpacing, Settings.MaxSpacing);
    }
}
