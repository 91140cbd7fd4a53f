namespace Sn19.Tests.Inference;

using Sn19.Inference.Generation;

/// <summary>Reads a whole generation into a list, for the backend tests that compare streams.</summary>
internal static class GenerationSteps
{
    public static async Task<List<TokenStep>> Collect(IInferenceBackend backend, GenerationRequest request, CancellationToken cancellationToken = default)
    {
        var steps = new List<TokenStep>();
        await foreach (var step in backend.GenerateAsync(request, cancellationToken))
        {
            steps.Add(step);
        }

        return steps;
    }
}
