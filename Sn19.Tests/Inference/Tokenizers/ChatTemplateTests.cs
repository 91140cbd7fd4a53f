namespace Sn19.Tests.Inference.Tokenizers;

using Sn19.Inference.Gguf;
using Sn19.Inference.Tokenizers;
using Sn19.Tests.Inference.Gguf;

public sealed class ChatTemplateTests : IDisposable
{
    private static readonly ChatMessage[] Conversation =
    [
        new("system", "You are terse."),
        new("user", " Hi! "),
        new("assistant", "Hello."),
        new("user", "Name a llama."),
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("sn19-chat-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Llama2_Render_MatchesHuggingFaceTemplateOutput()
    {
        // As the Jinja template: the system block joins the first user message and only the joined text is trimmed.
        var template = ChatTemplates.ByName("llama2", "<s>", "</s>");

        var text = template.Render(Conversation, addGenerationPrompt: true);

        Assert.Equal(
            "<s>[INST] <<SYS>>\nYou are terse.\n<</SYS>>\n\n Hi! [/INST] Hello. </s><s>[INST] Name a llama. [/INST]",
            text);
    }

    [Fact]
    public void Llama2_RolesOutOfOrder_Throws()
    {
        var template = ChatTemplates.ByName("llama2", "<s>", "</s>");
        var e = Assert.Throws<ArgumentException>(() =>
            template.Render([new("user", "a"), new("user", "b")], addGenerationPrompt: true));
        Assert.Contains("message 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Llama3_Render_MatchesHuggingFaceTemplateOutput()
    {
        var template = ChatTemplates.ByName("llama3", "<|begin_of_text|>", "<|eot_id|>");

        Assert.Equal(
            "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou are terse.<|eot_id|>" +
            "<|start_header_id|>user<|end_header_id|>\n\nHi!<|eot_id|>" +
            "<|start_header_id|>assistant<|end_header_id|>\n\nHello.<|eot_id|>" +
            "<|start_header_id|>user<|end_header_id|>\n\nName a llama.<|eot_id|>" +
            "<|start_header_id|>assistant<|end_header_id|>\n\n",
            template.Render(Conversation, addGenerationPrompt: true));
        Assert.EndsWith("Name a llama.<|eot_id|>", template.Render(Conversation, addGenerationPrompt: false), StringComparison.Ordinal);
    }

    [Fact]
    public void ChatMlAndPlain_Render_GiveTheirFormats()
    {
        Assert.Equal(
            "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n",
            ChatTemplates.ByName("chatml", string.Empty, string.Empty).Render([new("user", "Hi")], addGenerationPrompt: true));
        Assert.Equal(
            "System: Be brief.\nUser: Hi\nAssistant:",
            ChatTemplates.ByName("plain", string.Empty, string.Empty)
                .Render([new("system", "Be brief."), new("user", "Hi")], addGenerationPrompt: true));
        Assert.Throws<ArgumentException>(() => ChatTemplates.ByName("vicuna", string.Empty, string.Empty));
    }

    [Fact]
    public void ForModel_Vocabularies_PickLlama2ForSentencePieceAndPlainForGpt2()
    {
        using var spm = GgufFile.Open(TestPaths.Tokenizer("ggml-vocab-llama-spm.gguf"));
        var llama2 = ChatTemplates.ForModel(spm);
        Assert.Equal("llama2", llama2.Name);

        // Rendered with parseSpecial, the BOS text becomes the BOS id and [INST] gets the space prefix after it.
        var tokenizer = TokenizerFactory.FromGguf(spm);
        var ids = tokenizer.Encode(llama2.Render([new("user", "Hi")], addGenerationPrompt: true), parseSpecial: true);
        Assert.Equal(1, ids[0]);
        Assert.Equal("[INST] Hi [/INST]", tokenizer.Decode(ids));
        Assert.Equal(tokenizer.Encode("[INST] Hi [/INST]", addSpecial: true), ids);

        using var gpt2 = GgufFile.Open(TestPaths.Tokenizer("ggml-vocab-gpt-2.gguf"));
        var plain = ChatTemplates.ForModel(gpt2);
        Assert.Equal("plain", plain.Name);
        Assert.Equal("User: Hi\nAssistant:", plain.Render([new("user", "Hi")], addGenerationPrompt: true));
    }

    [Fact]
    public void ForModel_ChatTemplateMetadata_RecognisesLlama3WithItsBosText()
    {
        var writer = new GgufWriter();
        writer.AddMetadata("tokenizer.ggml.model", GgufValue.FromString("gpt2"));
        writer.AddMetadata("tokenizer.ggml.tokens", GgufValue.FromStringArray(["a", "<|begin_of_text|>", "<|eot_id|>"]));
        writer.AddMetadata("tokenizer.ggml.bos_token_id", GgufValue.FromUInt32(1));
        writer.AddMetadata("tokenizer.ggml.eos_token_id", GgufValue.FromUInt32(2));
        writer.AddMetadata(
            "tokenizer.chat_template",
            GgufValue.FromString("{% for m in messages %}<|start_header_id|>{{ m['role'] }}<|end_header_id|>{% endfor %}"));
        var path = Path.Combine(_dir, "llama3-like.gguf");
        writer.WriteTo(path);
        using var file = GgufFile.Open(path);

        var template = ChatTemplates.ForModel(file);

        Assert.Equal("llama3", template.Name);
        Assert.StartsWith("<|begin_of_text|><|start_header_id|>user", template.Render([new("user", "x")], true), StringComparison.Ordinal);
    }
}
