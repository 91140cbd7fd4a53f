namespace Sn19.Actors.Chain.Http;

/// <summary>
/// The chain API's paths, shared by the server (`sn19 chain serve`) and <see cref="HttpChainClient"/>:
/// GET block, metagraph, hyperparameters, weights, epochs?limit=N; POST register, serve-axon, stake/add,
/// stake/remove, weights (bodies: the *Request records here).
/// </summary>
internal static class ChainRoutes
{
    public const string Block = "/chain/block";
    public const string Metagraph = "/chain/metagraph";
    public const string Hyperparameters = "/chain/hyperparameters";
    public const string Weights = "/chain/weights";
    public const string Epochs = "/chain/epochs";
    public const string Register = "/chain/register";
    public const string ServeAxon = "/chain/serve-axon";
    public const string AddStake = "/chain/stake/add";
    public const string RemoveStake = "/chain/stake/remove";
}
