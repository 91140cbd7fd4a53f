namespace Sn19.Actors.Wire.OpenAi;

/// <summary>Chat requests carry messages; completion requests carry a prompt.</summary>
public enum TextRequestKind
{
    Chat,
    Completion,
}
