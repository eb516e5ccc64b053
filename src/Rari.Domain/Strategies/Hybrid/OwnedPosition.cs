namespace Rari.Domain.Strategies.Hybrid;

/// <summary>
/// The position a strategy holds by its own books — the sum of its fills and of what it inherited — as opposed to the
/// account's position, which the host reports with some delay.
/// </summary>
/// <param name="Quantity">Signed net quantity, base units: positive long, negative short, 0 flat.</param>
/// <param name="EntryPrice">Average entry price; 0 when flat.</param>
public readonly record struct OwnedPosition(decimal Quantity, decimal EntryPrice)
{
    /// <summary>Nothing held.</summary>
    public static OwnedPosition Flat => default;

    /// <summary>
    /// What the hybrid settles when a child gives its position up: the account's position, unless the account view has not
    /// yet caught up with the child's fills — flat, or smaller on the same side — in which case the child's books are the
    /// fresher fact. Opposite sides mean the account holds something else: the account wins, since in hybrid mode the
    /// hybrid owns the symbol's whole position.
    /// </summary>
    /// <param name="owned">The outgoing child's own position.</param>
    /// <param name="accountQuantity">The account's signed net position on the symbol.</param>
    /// <param name="accountEntryPrice">Its average entry price; 0 when flat.</param>
    public static OwnedPosition ToSettle(OwnedPosition owned, decimal accountQuantity, decimal accountEntryPrice)
    {
        var sameSide = Math.Sign(owned.Quantity) == Math.Sign(accountQuantity);
        var childIsFresher = owned.Quantity != 0m
            && (accountQuantity == 0m || (sameSide && Math.Abs(owned.Quantity) > Math.Abs(accountQuantity)));
        return childIsFresher ? owned : new OwnedPosition(accountQuantity, accountQuantity == 0m ? 0m : accountEntryPrice);
    }
}
