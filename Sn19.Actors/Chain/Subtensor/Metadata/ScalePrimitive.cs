namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>scale-info's primitive types, in their metadata order (the enum's values are the encoded indices).</summary>
public enum ScalePrimitive : byte
{
    Bool, Char, Str, U8, U16, U32, U64, U128, U256, I8, I16, I32, I64, I128, I256,
}
