namespace Sn19.Tests.Host.Configuration.Hocon;

using Sn19.Host.Configuration;
using Sn19.Host.Configuration.Hocon;
using static HoconTestTree;

/// <summary>Every error names the file and line, and the key when there is one.</summary>
public sealed class HoconErrorTests
{
    [Theory]
    [InlineData("a = 1\nb = \"unterminated\n", 2, "unterminated quoted string")]
    [InlineData("a = 1\n\nb = \"\"\"never closed", 3, "unterminated triple-quoted string")]
    [InlineData("a {\n  b = 1\n", 3, "missing '}' to close the object opened at line 1")]
    [InlineData("a = [1, 2\n", 2, "missing ']'")]
    [InlineData("a = 1\nb = x:y\n", 2, "unexpected ':'")]
    [InlineData("a = 1\nb = ${\n", 2, "unterminated substitution")]
    [InlineData("a = 1 2 }\n}", 1, "unexpected '}'")]
    [InlineData("a = \"\\q\"", 1, "unknown escape sequence")]
    [InlineData("a = 1\nb\n", 3, "expected '=', ':', '+=' or '{'")]
    [InlineData("a..b = 1", 1, "empty segment")]
    [InlineData("a = [1,,2]", 1, "unexpected ','")]
    [InlineData("a = @", 1, "unexpected character '@'")]
    public void Parse_MalformedText_ThrowsWithFileAndLine(string text, int line, string detail)
    {
        var e = Assert.Throws<HoconException>(() => HoconDocument.Parse(text, NoEnvironment, "bad.conf"));

        Assert.Equal("bad.conf", e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(detail, e.Detail, StringComparison.Ordinal);
        Assert.StartsWith($"bad.conf:{line}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnresolvedSubstitution_NamesFileLineAndKey()
    {
        var e = Assert.Throws<HoconException>(() => HoconDocument.Parse("a = 1\nnode { dir = ${nowhere.dir} }", NoEnvironment, "x.conf"));

        Assert.Equal("x.conf", e.File);
        Assert.Equal(2, e.Line);
        Assert.Equal("node.dir", e.Key);
        Assert.Contains("${nowhere.dir}", e.Message, StringComparison.Ordinal);
        Assert.Contains("key 'node.dir'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Cycle_NamesKey()
    {
        var e = Assert.Throws<HoconException>(() => HoconDocument.Parse("a = ${b}\nb = ${c}\nc = ${a}", NoEnvironment, "cycle.conf"));

        Assert.Contains("cycle", e.Detail, StringComparison.Ordinal);
        Assert.NotNull(e.Key);
        Assert.Equal("cycle.conf", e.File);
    }

    [Fact]
    public void Resolve_SelfReferenceWithoutEarlierValue_IsUnresolved()
    {
        var e = Assert.Throws<HoconException>(() => HoconDocument.Parse("a = ${a} [1]", NoEnvironment, "self.conf"));

        Assert.Equal("a", e.Key);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Resolve_ConcatenatingArrayAndString_Fails()
    {
        var e = Assert.Throws<HoconException>(() => HoconDocument.Parse("a = [1]\nb = ${a} text", NoEnvironment, "mix.conf"));

        Assert.Equal("b", e.Key);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Include_MissingFile_NamesIncludingFileAndLine()
    {
        using var dir = new TempDirectory();
        var main = dir.Write("main.conf", "a = 1\n\ninclude \"nope.conf\"\n");

        var e = Assert.Throws<HoconException>(() => new HoconDocument().AddFile(main));

        Assert.Equal(main, e.File);
        Assert.Equal(3, e.Line);
        Assert.Contains("nope.conf", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_Cycle_IsReported()
    {
        using var dir = new TempDirectory();
        dir.Write("a.conf", "include \"b.conf\"");
        dir.Write("b.conf", "x = 1\ninclude \"a.conf\"");

        var e = Assert.Throws<HoconException>(() => new HoconDocument(Path.GetFileName).AddFile(Path.Combine(dir.Path, "a.conf")));

        Assert.Contains("include cycle: a.conf -> b.conf -> a.conf", e.Detail, StringComparison.Ordinal);
        Assert.Equal("b.conf", e.File);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void HoconException_IsAConfigurationException()
    {
        Assert.IsAssignableFrom<ConfigurationException>(new HoconException("x"));
    }
}
