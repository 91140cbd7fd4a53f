namespace Sn19.Tests.Host.Configuration.Hocon;

using Sn19.Host.Configuration.Hocon;
using static HoconTestTree;

public sealed class HoconIncludeTests
{
    [Fact]
    public void Include_RelativeToIncludingFile_MergesInPlace()
    {
        using var dir = new TempDirectory();
        dir.Write("conf/defaults/a.conf", "a { x = 1, y = 1 }");
        var main = dir.Write("conf/main.conf", "include \"defaults/a.conf\"\na.y = 2\n");

        var root = new HoconDocument().AddFile(main).Resolve(NoEnvironment);

        Assert.Equal("1", Text(root, "a.x"));
        Assert.Equal("2", Text(root, "a.y"));
        Assert.EndsWith("a.conf", Get(root, "a.x")!.Origin.Description, StringComparison.Ordinal);
        Assert.Equal(2, Get(root, "a.y")!.Origin.Line);
    }

    [Fact]
    public void Include_FileAndRequiredForms_AreAccepted()
    {
        using var dir = new TempDirectory();
        dir.Write("one.conf", "one = 1");
        dir.Write("two.conf", "two = 2");
        var main = dir.Write("main.conf", "include file(\"one.conf\")\ninclude required(file(\"two.conf\"))\n");

        var root = new HoconDocument().AddFile(main).Resolve(NoEnvironment);

        Assert.Equal("1", Text(root, "one"));
        Assert.Equal("2", Text(root, "two"));
    }

    [Fact]
    public void Include_InsideObject_PrefixesKeysAndSubstitutions()
    {
        using var dir = new TempDirectory();
        dir.Write("pool.conf", "size = 4\ndouble = ${size}");
        var main = dir.Write("main.conf", "pool { include \"pool.conf\" }\ntop = ${pool.double}");

        var root = new HoconDocument().AddFile(main).Resolve(NoEnvironment);

        Assert.Equal("4", Text(root, "pool.size"));
        Assert.Equal("4", Text(root, "pool.double"));
        Assert.Equal("4", Text(root, "top"));
    }

    [Fact]
    public void Include_KeyNamedInclude_IsAnOrdinaryKey()
    {
        var root = Parse("include = yes\nx { include : 1 }");

        Assert.Equal("yes", Text(root, "include"));
        Assert.Equal("1", Text(root, "x.include"));
    }
}
