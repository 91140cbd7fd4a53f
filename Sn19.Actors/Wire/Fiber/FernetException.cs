namespace Sn19.Actors.Wire.Fiber;

/// <summary>A Fernet token that is not valid for the key and time: malformed, tampered with, or outside its time to live.
/// The reason is for logs; a peer is only told the token was refused.</summary>
public sealed class FernetException(string reason) : Exception(reason);
