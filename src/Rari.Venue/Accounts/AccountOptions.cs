using Rari.Domain.Portfolio;

namespace Rari.Venue.Accounts;

/// <summary>How one account starts: its commission rates (the venue's defaults when null) and its position mode.</summary>
public sealed record AccountOptions
{
    /// <summary>Maker commission rate, or null for <see cref="VenueOptions.MakerCommissionRate"/>.</summary>
    public decimal? MakerCommissionRate { get; init; }

    /// <summary>Taker commission rate, or null for <see cref="VenueOptions.TakerCommissionRate"/>.</summary>
    public decimal? TakerCommissionRate { get; init; }

    /// <summary>One-way (the exchange default) or hedge.</summary>
    public PositionMode PositionMode { get; init; } = PositionMode.OneWay;
}
