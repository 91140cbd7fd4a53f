namespace Sn19.Actors.Chain.Subtensor.CommitReveal;

using System.Text.Json;

/// <summary>
/// The commits still to reveal, kept in a JSON file (mode 0600, written whole to a temporary file, then renamed) so a validator that
/// restarts between its commit and the reveal window still reveals: a commit never revealed is weights lost for the epoch.
/// Without a file (null path) they live in memory only.
/// </summary>
public sealed class PendingRevealStore(string? path)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly Lock _gate = new();
    private List<PendingReveal>? _pending;

    public IReadOnlyList<PendingReveal> All()
    {
        lock (_gate)
        {
            return [.. Load()];
        }
    }

    public void Add(PendingReveal reveal)
    {
        lock (_gate)
        {
            Load().Add(reveal);
            Save();
        }
    }

    public void Remove(PendingReveal reveal)
    {
        lock (_gate)
        {
            Load().Remove(reveal);
            Save();
        }
    }

    private List<PendingReveal> Load()
    {
        if (_pending is null)
        {
            try
            {
                _pending = path is not null && File.Exists(path)
                    ? JsonSerializer.Deserialize<List<PendingReveal>>(File.ReadAllText(path), Json) ?? []
                    : [];
            }
            catch (JsonException error)
            {
                throw new InvalidDataException(
                    $"{path} does not hold pending reveals ({error.Message}): move it away to start without the commits it held", error);
            }
        }

        return _pending;
    }

    private void Save()
    {
        if (path is null)
        {
            return;
        }

        // The salts let anyone reveal, and so read, the committed weights early: the file is the owner's only.
        Persistence.PrivateFile.Replace(path, JsonSerializer.Serialize(_pending, Json));
    }
}
