namespace Sn19.Benchmarks.Actors.Subnet.Hostile;

using Sn19.Tests.LlamaCpp;

/// <summary>Starts llama.cpp on a model file (null in the report when node-llama-cpp is not installed).</summary>
internal delegate Task<LlamaCppShim> LlamaCppShimFactory(string modelFile);
