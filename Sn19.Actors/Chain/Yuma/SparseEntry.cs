namespace Sn19.Actors.Chain.Yuma;

/// <summary>One non-empty cell of a sparse row: column (uid) and an I32F32 value.</summary>
internal readonly record struct SparseEntry(int Col, long Value);
