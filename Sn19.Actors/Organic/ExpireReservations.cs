namespace Sn19.Actors.Organic;

/// <summary>The key actor's own timer tick: release reservations nobody will settle.</summary>
internal sealed class ExpireReservations
{
    public static readonly ExpireReservations Instance = new();

    private ExpireReservations()
    {
    }
}
