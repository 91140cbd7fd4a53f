namespace Sn19.Actors.Persistence;

using Akka.Actor;
using Akka.Serialization;

/// <summary>
/// Akka's serializer for everything Sn19 persists: System.Text.Json under the stable manifest names of
/// <see cref="PersistedTypes"/>, never CLR type names, so a renamed or moved type still reads old journals.
/// Bound in <see cref="Hosting.NodeConfig"/> to the persisted types' base types.
/// </summary>
internal sealed class JournalSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>Akka reserves 0–100 for its own serializers.</summary>
    public const int Id = 1919;

    public override int Identifier => Id;

    public override byte[] ToBinary(object obj) => PersistedTypes.Registry.Serialize(obj);

    public override string Manifest(object o) => PersistedTypes.Registry.ManifestOf(o.GetType());

    public override object FromBinary(byte[] bytes, string manifest) =>
        PersistedTypes.Registry.Deserialize(manifest, bytes);
}
