namespace Sn19.Actors.Persistence;

using System.Collections.Concurrent;
using System.Text.Json;

/// <summary>
/// Maps each persisted type (events and snapshots) to a stable manifest name, so a renamed or moved CLR type
/// still reads old journals. Serialisation is System.Text.Json with web defaults (camelCase).
/// </summary>
public sealed class EventTypeRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, Type> _byManifest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _byType = new();

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/>; idempotent for the same pair.</summary>
    public EventTypeRegistry Register<T>(string manifest) => Register(typeof(T), manifest);

    public EventTypeRegistry Register(Type type, string manifest)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        var storedType = _byManifest.GetOrAdd(manifest, type);
        if (storedType != type)
        {
            throw new ArgumentException(
                $"Manifest '{manifest}' is already registered for {storedType.FullName}.", nameof(manifest));
        }

        var storedManifest = _byType.GetOrAdd(type, manifest);
        if (storedManifest != manifest)
        {
            throw new ArgumentException(
                $"{type.FullName} is already registered under manifest '{storedManifest}'.", nameof(type));
        }

        return this;
    }

    public bool IsRegistered(Type type) => _byType.ContainsKey(type);

    /// <summary>The manifest <paramref name="type"/> is stored under; throws for an unregistered type.</summary>
    public string ManifestOf(Type type) => _byType.TryGetValue(type, out var manifest) ? manifest : throw Unregistered(type);

    /// <summary>The value's UTF-8 JSON, stored under <see cref="ManifestOf"/> its type; an unregistered type is refused
    /// here rather than written under a name no reader knows.</summary>
    public byte[] Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = value.GetType();
        return IsRegistered(type) ? JsonSerializer.SerializeToUtf8Bytes(value, type, Json) : throw Unregistered(type);
    }

    /// <summary>The value stored under <paramref name="manifest"/>. Akka adds the persistence id and sequence
    /// number to a recovery failure, so they are not repeated here.</summary>
    public object Deserialize(string manifest, byte[] payload)
    {
        if (!_byManifest.TryGetValue(manifest, out var type))
        {
            throw UnknownManifestException.For(manifest);
        }

        return JsonSerializer.Deserialize(payload, type, Json)
            ?? throw new InvalidOperationException($"Manifest '{manifest}' holds null.");
    }

    private static InvalidOperationException Unregistered(Type type) =>
        new($"{type.FullName} has no manifest; register it with EventTypeRegistry.Register<{type.Name}>(\"name\").");
}
