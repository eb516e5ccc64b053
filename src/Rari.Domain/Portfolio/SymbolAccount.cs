using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;

namespace Rari.Domain.Portfolio;

/// <summary>The account's mutable state for one symbol; owned by <see cref="PortfolioAccount"/> and never handed out.</summary>
internal sealed class SymbolAccount
{
    private IReadOnlyList<LeverageBracket>? _brackets;

    public SymbolAccount(Symbol symbol, int leverage, MarginType marginType)
    {
        Symbol = symbol;
        Leverage = leverage;
        MarginType = marginType;
    }

    public Symbol Symbol { get; }

    public int Leverage { get; set; }

    public MarginType MarginType { get; set; }

    /// <summary>The last mark price; meaningful only when <see cref="HasMark"/>.</summary>
    public decimal Mark { get; set; }

    public bool HasMark { get; set; }

    public decimal OpenOrderNotional { get; set; }

    public long? LastFundingTimeMs { get; set; }

    /// <summary>The one-way position.</summary>
    public Position? Both { get; set; }

    /// <summary>The hedge-mode long position.</summary>
    public Position? Long { get; set; }

    /// <summary>The hedge-mode short position.</summary>
    public Position? Short { get; set; }

    /// <summary>How many position slots a symbol has (BOTH, LONG, SHORT), for index loops over <see cref="At"/>.</summary>
    public const int SlotCount = 3;

    /// <summary>The position in slot 0 (BOTH), 1 (LONG) or 2 (SHORT), or null if never created.</summary>
    public Position? At(int slot) => slot switch
    {
        0 => Both,
        1 => Long,
        _ => Short,
    };

    public Position? Get(PositionSide side) => side switch
    {
        PositionSide.Both => Both,
        PositionSide.Long => Long,
        _ => Short,
    };

    public void Set(Position position)
    {
        switch (position.Side)
        {
            case PositionSide.Both:
                Both = position;
                break;
            case PositionSide.Long:
                Long = position;
                break;
            default:
                Short = position;
                break;
        }
    }

    /// <summary>True when any of the symbol's positions holds a quantity.</summary>
    public bool HasOpenPosition =>
        (Both?.IsOpen ?? false) || (Long?.IsOpen ?? false) || (Short?.IsOpen ?? false);

    /// <summary>The symbol's bracket table, fetched and checked on first use.</summary>
    public IReadOnlyList<LeverageBracket> Brackets(Func<Symbol, IReadOnlyList<LeverageBracket>> bracketsOf) =>
        _brackets ??= LeverageBrackets.Validate(bracketsOf(Symbol), Symbol.Value);

    /// <summary>Σ unrealized PnL of the symbol's positions at the last mark.</summary>
    public decimal UnrealizedPnl()
    {
        var total = 0m;
        for (var slot = 0; slot < SlotCount; slot++)
        {
            total += At(slot)?.UnrealizedPnl(Mark) ?? 0m;
        }

        return total;
    }

    /// <summary>Σ initial margin of the symbol's positions at the last mark.</summary>
    public decimal PositionInitialMargin()
    {
        var total = 0m;
        for (var slot = 0; slot < SlotCount; slot++)
        {
            total += At(slot)?.InitialMargin(Mark) ?? 0m;
        }

        return total;
    }

    /// <summary>Σ maintenance margin of the symbol's positions at the last mark (the bracket table is asked for only when a position is open).</summary>
    public decimal MaintenanceMargin(Func<Symbol, IReadOnlyList<LeverageBracket>> bracketsOf)
    {
        var total = 0m;
        for (var slot = 0; slot < SlotCount; slot++)
        {
            var position = At(slot);
            if (position is { IsOpen: true })
            {
                total += position.MaintenanceMargin(Mark, Brackets(bracketsOf));
            }
        }

        return total;
    }

    /// <summary>Σ signed notional of the symbol's positions at the last mark.</summary>
    public decimal NetExposure()
    {
        var total = 0m;
        for (var slot = 0; slot < SlotCount; slot++)
        {
            total += At(slot)?.SignedNotional(Mark) ?? 0m;
        }

        return total;
    }

    /// <summary>Σ absolute notional of the symbol's positions at the last mark (hedge legs add up).</summary>
    public decimal GrossExposure()
    {
        var total = 0m;
        for (var slot = 0; slot < SlotCount; slot++)
        {
            total += At(slot)?.Notional(Mark) ?? 0m;
        }

        return total;
    }

    /// <summary>Σ isolated wallets of the symbol's positions.</summary>
    public decimal IsolatedMargin()
    {
        var total = 0m;
        for (var slot = 0; slot < SlotCount; slot++)
        {
            total += At(slot)?.IsolatedMargin ?? 0m;
        }

        return total;
    }

    /// <summary>Initial margin of the symbol's open orders, <c>notional / leverage</c>.</summary>
    public decimal OpenOrderInitialMargin() => OpenOrderNotional == 0m ? 0m : OpenOrderNotional / Leverage;
}
