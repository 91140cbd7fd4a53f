namespace Sn19.Actors.Subnet.Simulation;

using System.Text.Json;
using Sn19.Actors.Wire.OpenAi;

/// <summary>The content of a scenario miner's answer, made by a real model (a scenario with an engine); the script keeps
/// deciding whether it answers at all (429, failures, latency) and how fast.</summary>
public interface IScenarioAnswers
{
    /// <summary>The stream chunks <paramref name="hotkey"/>'s model (honest or hostile) sends for <paramref name="request"/>.</summary>
    Task<IReadOnlyList<JsonElement>> AnswerAsync(string hotkey, TextRequest request, CancellationToken cancellationToken);
}
