namespace Sn19.Actors.Chain.Subtensor.Rpc;

/// <summary>A Subtensor node refused a JSON-RPC call, or could not be reached; the message says which call and why.</summary>
public sealed class SubtensorRpcException(string message, Exception? inner = null) : Exception(message, inner);
