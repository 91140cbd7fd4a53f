namespace Sn19.Tests.Actors.Subnet.Tasks;

using Akka.TestKit.Xunit2;
using Sn19.Actors.Subnet.Tasks;

/// <summary>An organic node routes through the task actor on the coordinator's node: the request and its answer must
/// survive Akka's remote serializer (regression: a collection expression's list never arrived, and every request
/// through the second gateway of a cluster hung until its ask timed out).</summary>
public sealed class OrganicRouteSerializationTests : TestKit
{
    [Fact]
    public void RouteOrganic_AndItsAnswer_RoundTrip()
    {
        var tried = new HashSet<string>(StringComparer.Ordinal) { "5Grw", "5FHn" };
        var route = new RouteOrganic(tried.ToArray());
        var answer = new OrganicRoute("5FLS", 7, 123, DateTimeOffset.UnixEpoch, TestActor);

        var routeBack = RoundTrip(route);
        var answerBack = RoundTrip(answer);

        Assert.Equal(route.Tried, routeBack.Tried);
        Assert.Equal(answer with { Task = null }, answerBack with { Task = null });
        Assert.Equal(TestActor.Path, answerBack.Task!.Path);
    }

    private T RoundTrip<T>(T value)
        where T : notnull
    {
        var serializer = Sys.Serialization.FindSerializerFor(value);
        return (T)serializer.FromBinary(serializer.ToBinary(value), typeof(T));
    }
}
