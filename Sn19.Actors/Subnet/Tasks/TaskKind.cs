namespace Sn19.Actors.Subnet.Tasks;

/// <summary>What a task asks of a miner. Persisted by name; append only.</summary>
public enum TaskKind
{
    Chat = 0,
    Completion = 1,
    TextToImage = 2,
    ImageToImage = 3,
    Avatar = 4,
    Embedding = 5,
}
