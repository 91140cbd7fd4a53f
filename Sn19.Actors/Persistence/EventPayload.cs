namespace Sn19.Actors.Persistence;

/// <summary>One serialised event to append: its stable manifest name and its UTF-8 JSON bytes.</summary>
public sealed record EventPayload(string Manifest, byte[] Payload);
