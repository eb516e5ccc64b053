using Rari.Domain.Strategies.Hybrid;

namespace Rari.Domain.Tests.Strategies.Hybrid;

public sealed class OwnedPositionSpecs
{
    [Theory]
    [InlineData(0.1, 100, 0, 0, 0.1, 100)] // the account view has not seen the child's fill yet
    [InlineData(0.3, 100, 0.1, 99, 0.3, 100)] // it has seen only part of the child's fills
    [InlineData(-0.3, 100, -0.1, 99, -0.3, 100)] // the same, short
    [InlineData(0.1, 100, 0.3, 99, 0.3, 99)] // the account holds more: the hybrid owns the whole symbol
    [InlineData(0.1, 100, -0.2, 99, -0.2, 99)] // opposite sides: the account is the truth
    [InlineData(0, 0, 0.2, 99, 0.2, 99)] // the child holds nothing: whatever the account holds
    [InlineData(0, 0, 0, 0, 0, 0)]
    public void Should_settle_the_fresher_of_the_childs_books_and_the_account_view(
        double owned, double ownedPrice, double account, double accountPrice, double expected, double expectedPrice)
    {
        // act
        var settled = OwnedPosition.ToSettle(new OwnedPosition((decimal)owned, (decimal)ownedPrice), (decimal)account, (decimal)accountPrice);

        // assert
        Assert.Equal(new OwnedPosition((decimal)expected, (decimal)expectedPrice), settled);
    }
}
