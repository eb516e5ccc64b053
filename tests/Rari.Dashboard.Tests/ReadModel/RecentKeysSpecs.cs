using Rari.Dashboard.ReadModel;

namespace Rari.Dashboard.Tests.ReadModel;

public sealed class RecentKeysSpecs
{
    [Fact]
    public void Should_refuse_a_key_it_remembers()
    {
        // arrange
        var keys = new RecentKeys<int>(3);
        keys.Add(1);
        keys.Add(2);

        // act
        var again = keys.Add(2);

        // assert
        Assert.False(again); // <--
        Assert.Equal(2, keys.Count);
    }

    [Fact]
    public void Should_forget_the_oldest_key_beyond_its_capacity_and_stay_that_size()
    {
        // arrange
        var keys = new RecentKeys<int>(3);
        for (var i = 1; i <= 1_000; i++)
        {
            keys.Add(i);
        }

        // act: 998 is among the last three (998–1,000); 996 was forgotten
        var recent = keys.Add(998);
        var forgotten = keys.Add(996);

        // assert
        Assert.False(recent);
        Assert.True(forgotten); // <--
        Assert.Equal(3, keys.Count);
    }
}
