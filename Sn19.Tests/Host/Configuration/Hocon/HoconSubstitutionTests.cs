namespace Sn19.Tests.Host.Configuration.Hocon;

using Sn19.Host.Configuration.Hocon;
using static HoconTestTree;

public sealed class HoconSubstitutionTests
{
    [Fact]
    public void Resolve_Substitution_TakesValueDefinedLaterToo()
    {
        var root = Parse("""
            a = ${b.c}
            b.c = 7
            d = ${b}
            """);

        Assert.Equal("7", Text(root, "a"));
        Assert.Equal(HoconScalarKind.Number, Assert.IsType<HoconScalar>(Get(root, "a")).Kind);
        Assert.Equal("7", Text(root, "d.c"));
    }

    [Fact]
    public void Resolve_SubstitutionInsideOwnObject_ReachesSiblingWithoutCycle()
    {
        var root = Parse("a { x = 1, y = ${a.x} }");

        Assert.Equal("1", Text(root, "a.y"));
    }

    [Fact]
    public void Resolve_StringConcatenationWithSubstitution_JoinsText()
    {
        var root = Parse("""
            dir = /var/sn19
            logs = ${dir}/logs
            greeting = hello ${name}"!"
            name = "Ann Lee"
            """);

        Assert.Equal("/var/sn19/logs", Text(root, "logs"));
        Assert.Equal("hello Ann Lee!", Text(root, "greeting"));
    }

    [Fact]
    public void Resolve_ObjectSubstitutionConcatenatedWithObject_MergesOverBase()
    {
        var root = Parse("""
            base { threads = 4, queue = 100 }
            fast = ${base} { threads = 16 }
            """);

        Assert.Equal("16", Text(root, "fast.threads"));
        Assert.Equal("100", Text(root, "fast.queue"));
        Assert.Equal("4", Text(root, "base.threads"));
    }

    [Fact]
    public void Resolve_OptionalEnvironmentVariable_UsedWhenSet()
    {
        var root = Parse("home = ${?SN19_TEST_HOME}", new Dictionary<string, string> { ["SN19_TEST_HOME"] = "/home/x" });

        Assert.Equal("/home/x", Text(root, "home"));
        Assert.StartsWith("env SN19_TEST_HOME", Get(root, "home")!.Origin.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RequiredSubstitutionMissingInConfig_FallsBackToEnvironment()
    {
        var root = Parse("user = ${USER_NAME}", new Dictionary<string, string> { ["USER_NAME"] = "ann" });

        Assert.Equal("ann", Text(root, "user"));
    }

    [Fact]
    public void Resolve_ConfigValue_WinsOverEnvironmentVariable()
    {
        var root = Parse("USER_NAME = config\nuser = ${USER_NAME}", new Dictionary<string, string> { ["USER_NAME"] = "env" });

        Assert.Equal("config", Text(root, "user"));
    }

    [Fact]
    public void Resolve_UndefinedOptional_KeepsEarlierValueOrLeavesFieldUnset()
    {
        var root = Parse("""
            port = 8080
            port = ${?SN19_PORT}
            missing = ${?SN19_NOPE}
            list = [1, ${?SN19_NOPE}, 2]
            """);

        Assert.Equal("8080", Text(root, "port"));
        Assert.Null(Get(root, "missing"));
        Assert.Equal(["1", "2"], Strings(root, "list"));
    }

    [Fact]
    public void Resolve_SelfReferenceArray_AppendsToEarlierValue()
    {
        var root = Parse("""
            path = [a]
            path = ${path} [b]
            path = ${path} [c]
            """);

        Assert.Equal(["a", "b", "c"], Strings(root, "path"));
    }

    [Fact]
    public void Resolve_SelfReferenceString_ExtendsEarlierValue()
    {
        var root = Parse("""
            path = "/bin"
            path = ${path}":/usr/bin"
            nested { p = x }
            nested { p = ${nested.p}y }
            """);

        Assert.Equal("/bin:/usr/bin", Text(root, "path"));
        Assert.Equal("xy", Text(root, "nested.p"));
    }

    [Fact]
    public void Resolve_SelfReferenceAcrossDocuments_SeesEarlierFile()
    {
        var root = new HoconDocument()
            .AddText("seeds = [a]\nname = base", "base.conf")
            .AddText("seeds += b\nname = ${name}-role", "role.conf")
            .Resolve(NoEnvironment);

        Assert.Equal(["a", "b"], Strings(root, "seeds"));
        Assert.Equal("base-role", Text(root, "name"));
        Assert.Equal(new HoconOrigin("role.conf", 1), Assert.IsType<HoconArray>(Get(root, "seeds")).Items[1].Origin);
    }

    [Fact]
    public void Resolve_PlusEquals_CreatesArrayWhenMissingAndAppendsOtherwise()
    {
        var root = Parse("""
            fresh += 1
            list = [x]
            list += y
            list += { z = 1 }
            """);

        Assert.Equal(["1"], Strings(root, "fresh"));
        var list = Assert.IsType<HoconArray>(Get(root, "list"));
        Assert.Equal(3, list.Items.Count);
        Assert.IsType<HoconObject>(list.Items[2]);
    }

    [Fact]
    public void Resolve_SubstitutionOfArray_CopiesNotShares()
    {
        var root = Parse("a = [1]\nb = ${a}\nb += 2");

        Assert.Equal(["1"], Strings(root, "a"));
        Assert.Equal(["1", "2"], Strings(root, "b"));
    }

    [Fact]
    public void Resolve_QuotedPathInSubstitution_FindsDottedKey()
    {
        var root = Parse("""
            levels { "Sn19.Actors" = debug }
            actors = ${levels."Sn19.Actors"}
            """);

        Assert.Equal("debug", Text(root, "actors"));
    }

    [Fact]
    public void Resolve_EmptyEnvironmentVariable_CountsAsNotPresent()
    {
        var root = Parse("port = 80\nport = ${?SN19_PORT}", new Dictionary<string, string> { ["SN19_PORT"] = "" });

        Assert.Equal("80", Text(root, "port"));
    }
}
