namespace Sn19.Host.Miner.Actors;

using Akka.Actor;

/// <summary>
/// The parent of the <see cref="ValidatorQuotaActor"/>s: forwards each quota message to the child of its
/// validator, starting it on first use. The validators that reach it passed the signed envelope (registered,
/// with stake), so there are as many children as validators, no more.
/// </summary>
internal sealed class ValidatorQuotasActor : ReceiveActor
{
    public ValidatorQuotasActor(TimeProvider time, TimeSpan period)
    {
        Receive<ReserveQuota>(reserve => Child(reserve.Validator, time, period).Forward(reserve));
        Receive<SettleQuota>(settle => Child(settle.Reservation.Validator, time, period).Forward(settle));
    }

    public static Props Props(TimeProvider time, TimeSpan period) => Akka.Actor.Props.Create(() => new ValidatorQuotasActor(time, period));

    private static IActorRef Child(string validator, TimeProvider time, TimeSpan period)
    {
        // SS58 addresses are base58: already valid actor names.
        var child = Context.Child(validator);
        return child.IsNobody() ? Context.ActorOf(ValidatorQuotaActor.Props(time, period), validator) : child;
    }
}
