namespace Sn19.Actors.Persistence;

/// <summary>A stored event or snapshot names a manifest no type is registered under.</summary>
public sealed class UnknownManifestException : Exception
{
    public UnknownManifestException()
    {
    }

    public UnknownManifestException(string message)
        : base(message)
    {
    }

    public UnknownManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static UnknownManifestException For(string manifest) =>
        new($"Manifest '{manifest}' is not registered. " +
            $"Register the type it was written from with EventTypeRegistry.Register<T>(\"{manifest}\").");
}
