namespace Sn19.Inference.Gguf;

/// <summary>A GGUF file (or a value asked of it) is not what the reader or the caller can use.
/// The message names the file position, key, tensor or type at fault.</summary>
public sealed class GgufFormatException : Exception
{
    public GgufFormatException()
    {
    }

    public GgufFormatException(string message)
        : base(message)
    {
    }

    public GgufFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
