namespace Sn19.Tests.Actors.Wire.Fiber;

using System.Text;
using System.Text.Json;
using Sn19.Actors.Wire.Fiber;
using Sn19.Tests.TestSupport;

/// <summary>The Fernet specification's own vectors (shared/data/subtensor/fernet-spec, fernet/spec @ 20dead47), and the
/// key file a fiber miner wrote (issue 22, Must show 4).</summary>
public sealed class FernetSpecTests
{
    public static TheoryData<string> Generate => Names("generate.json");

    public static TheoryData<string> Verify => Names("verify.json");

    public static TheoryData<string> Invalid => Names("invalid.json");

    [Theory]
    [MemberData(nameof(Generate))]
    public void Encrypt_GenerateVector_GivesTheSpecToken(string name)
    {
        var vector = Vector("generate.json", name);
        var iv = vector.GetProperty("iv").EnumerateArray().Select(b => (byte)b.GetInt32()).ToArray();

        var token = Fernet.FromKey(vector.GetProperty("secret").GetString()!)
            .Encrypt(Encoding.UTF8.GetBytes(vector.GetProperty("src").GetString()!), Now(vector), iv);

        Assert.Equal(vector.GetProperty("token").GetString(), token);
    }

    [Theory]
    [MemberData(nameof(Verify))]
    public void Decrypt_VerifyVector_GivesTheSource(string name)
    {
        var vector = Vector("verify.json", name);

        var plaintext = Fernet.FromKey(vector.GetProperty("secret").GetString()!)
            .Decrypt(vector.GetProperty("token").GetString()!, Now(vector), TimeSpan.FromSeconds(vector.GetProperty("ttl_sec").GetInt32()));

        Assert.Equal(vector.GetProperty("src").GetString(), Encoding.UTF8.GetString(plaintext));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Decrypt_InvalidVector_IsRefused(string name)
    {
        var vector = Vector("invalid.json", name);
        var fernet = Fernet.FromKey(vector.GetProperty("secret").GetString()!);

        Assert.Throws<FernetException>(() =>
            fernet.Decrypt(vector.GetProperty("token").GetString()!, Now(vector), TimeSpan.FromSeconds(vector.GetProperty("ttl_sec").GetInt32())));
    }

    [Fact]
    public void Encrypt_ThenDecrypt_RoundTripsWithARandomIv()
    {
        var fernet = new Fernet(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        var first = fernet.Encrypt("payload"u8, now);
        var second = fernet.Encrypt("payload"u8, now);

        Assert.NotEqual(first, second);
        Assert.Equal("payload"u8.ToArray(), fernet.Decrypt(first, now + TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1)));
        Assert.Throws<FernetException>(() => new Fernet(new byte[32]).Decrypt(first, now));
    }

    [Fact]
    public void FiberKeyFile_WrittenByFiber_DecryptsWithTheDefaultStorageKey()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.SharedData, "subtensor", "fiber", "1_symmetric_keys.encrypted"));

        var keys = FiberKeyFile.Read(text, FiberKeyFile.DefaultStorageKey);

        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Equal(48, k.ValidatorHotkey.Length);
            Assert.Matches("^[0-9a-f]{64}$", k.KeyUuid);
            Assert.Equal(32, k.Key.Length);
        });
        var first = keys[0];
        Assert.Equal("5G9GefqqWDhmntCtqoLHnfLSBDGCnFfBHhzZf1aCvQQcpjY8", first.ValidatorHotkey);
        Assert.Equal("5ca8ef1ba489a3aec7089be0df55c9df4ce34f8c1df16bc0344af48ad8f8c47d", first.KeyUuid);
        Assert.Equal(new DateTime(2024, 9, 22, 3, 4, 40, 22, 577), first.ExpiresAt);
    }

    [Fact]
    public void FiberKeyFile_WithAnotherStorageKey_IsRefused()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.SharedData, "subtensor", "fiber", "1_symmetric_keys.encrypted"));

        Assert.Throws<FernetException>(() => FiberKeyFile.Read(text, Convert.ToBase64String(new byte[32])));
    }

    private static DateTimeOffset Now(JsonElement vector) => DateTimeOffset.Parse(vector.GetProperty("now").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static TheoryData<string> Names(string file)
    {
        var data = new TheoryData<string>();
        foreach (var (vector, i) in Vectors(file).Select((v, i) => (v, i)))
        {
            data.Add(vector.TryGetProperty("desc", out var desc) ? desc.GetString()! : $"vector {i}");
        }

        return data;
    }

    private static JsonElement Vector(string file, string name) =>
        Vectors(file).Select((v, i) => (v, i)).Single(x => (x.v.TryGetProperty("desc", out var d) ? d.GetString() : $"vector {x.i}") == name).v;

    private static List<JsonElement> Vectors(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.SharedData, "subtensor", "fernet-spec", file)));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
