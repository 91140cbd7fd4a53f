namespace Sn19.Host.Organic;

using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// An API user's request, checked: the task it goes to, the body the miner gets (its max_tokens is set once
/// the key's credit is known), and what the user asked of the answer's shape.
/// </summary>
/// <param name="ModelName">The model as the user named it, echoed in every response.</param>
/// <param name="PromptTokensBound">The most tokens the prompt can be: what is reserved for it, and the most a
/// miner's reported prompt_tokens may charge.</param>
internal sealed record UserRequest(
    TaskDefinition Task,
    TextRequest Miner,
    string ModelName,
    bool Stream,
    bool IncludeUsage,
    bool Logprobs,
    int TopLogprobs,
    int PromptTokensBound)
{
    public TextRequestKind Kind => Miner.Kind;
}
