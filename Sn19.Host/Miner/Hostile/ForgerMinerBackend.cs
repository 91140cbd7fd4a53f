namespace Sn19.Host.Miner.Hostile;

using System.Runtime.CompilerServices;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// The forger (<see cref="HostileKind.Forger"/>): a cheaper model writes the answer, then one prefill of the task's
/// model over prompt and answer gives the log-probabilities it reports, as if the task's model had sampled those
/// tokens. The numbers it sends are the true model's; only the tokens are not the model's choice.
/// </summary>
internal sealed class ForgerMinerBackend(IMinerTextBackend cheaper, ISequenceScorer taskModel) : IMinerTextBackend
{
    public int? ContextLength => cheaper.ContextLength;

    public async IAsyncEnumerable<GeneratedToken> GenerateAsync(TextRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var written = new List<GeneratedToken>();
        await foreach (var token in cheaper.GenerateAsync(request, cancellationToken))
        {
            written.Add(token);
        }

        if (written.Count == 0)
        {
            yield break;
        }

        var prompt = taskModel.TokenizePrompt(request);
        var sequence = prompt.Concat(written.Select(t => t.Token.Id)).ToList();
        var scores = await taskModel.ScoreAsync(sequence, prompt.Count, request.Temperature, 1, cancellationToken);
        for (var i = 0; i < written.Count; i++)
        {
            // The alternatives stay the cheaper model's: a forger that bothers to fake the logprob of its token need not fake those.
            yield return written[i] with { Token = written[i].Token with { Logprob = scores[i].Logprob } };
        }
    }
}
