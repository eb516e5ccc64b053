using Rari.Domain.Orders;

namespace Rari.Actors.Serialization.Manifests;

/// <summary>The Domain's order events (<c>Orders/OrderEvents.cs</c>), journaled by the exchange gateway and sent to the symbols.</summary>
internal static class OrderEventManifests
{
    public static void Register(MessageManifests.Builder manifests) => manifests
        .Add<OrderInitialized>("order.initialized.v1")
        .Add<OrderDenied>("order.denied.v1")
        .Add<OrderSubmitted>("order.submitted.v1")
        .Add<OrderAccepted>("order.accepted.v1")
        .Add<OrderRejected>("order.rejected.v1")
        .Add<OrderPendingCancel>("order.pending-cancel.v1")
        .Add<OrderCancelRejected>("order.cancel-rejected.v1")
        .Add<OrderFilled>("order.filled.v1")
        .Add<OrderCanceled>("order.canceled.v1")
        .Add<OrderExpired>("order.expired.v1");
}
