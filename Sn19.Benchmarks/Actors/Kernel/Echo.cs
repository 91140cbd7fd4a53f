namespace Sn19.Benchmarks.Actors.Kernel;

using Sn19.Actors.Kernel;

internal sealed record Echo(int Value, ReplyTo<int> ReplyTo);
