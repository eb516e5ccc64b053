using Rari.Actors.Execution;
using Rari.Dashboard.ReadModel;
using Rari.Domain.Identifiers;
using Rari.Domain.Risk;

namespace Rari.Dashboard.Tests.ReadModel;

public sealed class ReadModelStateSpecs
{
    private static readonly Symbol Eth = new("ETHUSDT");

    [Fact]
    public void Should_keep_the_newer_account_view_when_an_older_revision_arrives_late()
    {
        // arrange: the topic brought revision 20; a status answer asked earlier brings revision 10 afterwards
        var state = new ReadModelState("grid", [Eth], RiskSettings.Default, 100, 0);
        state.Apply(new AccountChanged(2_000, 10_000m, 10_500m, 9_000m, [], Revision: 20), receivedAtMs: 1);

        // act
        state.Apply(new AccountChanged(1_000, 10_000m, 9_000m, 9_000m, [], Revision: 10), receivedAtMs: 2);

        // assert
        Assert.Equal(10_500m, state.Account!.Equity); // <--
        Assert.Single(state.Snapshot(3, []).Performance.Equity);
    }
}
