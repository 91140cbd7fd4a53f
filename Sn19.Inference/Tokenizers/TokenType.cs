namespace Sn19.Inference.Tokenizers;

/// <summary>tokenizer.ggml.token_type values (llama.cpp's llama_token_type).</summary>
internal enum TokenType
{
    Undefined = 0,
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6,
}
