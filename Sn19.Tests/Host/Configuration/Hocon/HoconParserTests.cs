namespace Sn19.Tests.Host.Configuration.Hocon;

using Sn19.Host.Configuration.Hocon;
using static HoconTestTree;

public sealed class HoconParserTests
{
    [Fact]
    public void Parse_NestedObjectsAndArrays_BuildsTree()
    {
        var root = Parse("""
            a { b { c = 1 }, list = [1, "two", { x = 3 }] }
            """);

        Assert.Equal("1", Text(root, "a.b.c"));
        var list = Assert.IsType<HoconArray>(Get(root, "a.list"));
        Assert.Equal(3, list.Items.Count);
        Assert.Equal("two", Assert.IsType<HoconScalar>(list.Items[1]).Text);
        Assert.Equal("3", Text(Assert.IsType<HoconObject>(list.Items[2]), "x"));
    }

    [Fact]
    public void Parse_PathKeysWithQuotedSegments_SplitOnUnquotedDotsOnly()
    {
        var root = Parse("""
            a.b.c = 1
            logging.overrides."Microsoft.AspNetCore" = warning
            "x.y".z = 2
            """);

        Assert.Equal("1", Text(root, "a.b.c"));
        var overrides = Assert.IsType<HoconObject>(Get(root, "logging.overrides"));
        Assert.True(overrides.TryGet("Microsoft.AspNetCore", out var level));
        Assert.Equal("warning", ((HoconScalar)level).Text);
        Assert.Equal("2", Text(root, "\"x.y\".z"));
    }

    [Fact]
    public void Parse_RepeatedObjects_MergeAndLaterScalarsWin()
    {
        var root = Parse("""
            a { x = 1, y = 1 }
            a { y = 2, z = 2 }
            a.z = 3
            """);

        Assert.Equal(["x", "y", "z"], Assert.IsType<HoconObject>(Get(root, "a")).Keys);
        Assert.Equal("1", Text(root, "a.x"));
        Assert.Equal("2", Text(root, "a.y"));
        Assert.Equal("3", Text(root, "a.z"));
    }

    [Fact]
    public void Parse_ScalarBetweenObjects_BreaksTheMerge()
    {
        var root = Parse("""
            a { x = 1 }
            a = 5
            a { y = 2 }
            """);

        var a = Assert.IsType<HoconObject>(Get(root, "a"));
        Assert.Equal(["y"], a.Keys);
    }

    [Fact]
    public void Parse_Separators_EqualsColonAndNoneBeforeBrace()
    {
        var root = Parse("a = 1\nb : 2\nc { d = 3 }\ne: { f = 4 }");

        Assert.Equal("1", Text(root, "a"));
        Assert.Equal("2", Text(root, "b"));
        Assert.Equal("3", Text(root, "c.d"));
        Assert.Equal("4", Text(root, "e.f"));
    }

    [Fact]
    public void Parse_NewlinesAndTrailingCommas_AreSeparators()
    {
        var root = Parse("""
            {
              a = 1,
              b = [
                1
                2,
                3,
              ],
              c = 3,
            }
            """);

        Assert.Equal(["1", "2", "3"], Strings(root, "b"));
        Assert.Equal("3", Text(root, "c"));
    }

    [Fact]
    public void Parse_Comments_BothStylesIgnoredAnywhere()
    {
        var root = Parse("""
            # hash comment
            a = 1 // slash comment
            // b = 2
            c = "x # not a comment // either" # but this is
            d = /var/log
            """);

        Assert.Equal("1", Text(root, "a"));
        Assert.Null(Get(root, "b"));
        Assert.Equal("x # not a comment // either", Text(root, "c"));
        Assert.Equal("/var/log", Text(root, "d"));
    }

    [Fact]
    public void Parse_UnquotedValues_KeepTypesWhenAloneAndJoinWhenConcatenated()
    {
        var root = Parse("""
            n = 42.5
            t = true
            z = null
            s = hello
            joined = foo   bar 42 "baz"  true
            dash = -5
            size = 512MiB
            """);

        Assert.Equal(HoconScalarKind.Number, Assert.IsType<HoconScalar>(Get(root, "n")).Kind);
        Assert.Equal(HoconScalarKind.Boolean, Assert.IsType<HoconScalar>(Get(root, "t")).Kind);
        Assert.Equal(HoconScalarKind.Null, Assert.IsType<HoconScalar>(Get(root, "z")).Kind);
        Assert.Equal(HoconScalarKind.String, Assert.IsType<HoconScalar>(Get(root, "s")).Kind);
        Assert.Equal("foo   bar 42 baz  true", Text(root, "joined"));
        Assert.Equal(HoconScalarKind.Number, Assert.IsType<HoconScalar>(Get(root, "dash")).Kind);
        Assert.Equal("512MiB", Text(root, "size"));
    }

    [Fact]
    public void Parse_QuotedStringEscapes_AreDecoded()
    {
        var root = Parse("""a = "tab\tnl\nq\"bs\\u\u0041s\/" """);

        Assert.Equal("tab\tnl\nq\"bs\\uAs/", Text(root, "a"));
    }

    [Fact]
    public void Parse_TripleQuotedString_KeepsNewlinesAndBackslashesRaw()
    {
        var root = Parse("a = \"\"\"line 1\n  line \\n 2 \"quoted\" \"\"\"\nb = 1");

        Assert.Equal("line 1\n  line \\n 2 \"quoted\" ", Text(root, "a"));
        Assert.Equal("1", Text(root, "b"));
    }

    [Fact]
    public void Parse_ArrayConcatenation_Appends()
    {
        var root = Parse("a = [1, 2] [3]\nb = [x] [] [y]");

        Assert.Equal(["1", "2", "3"], Strings(root, "a"));
        Assert.Equal(["x", "y"], Strings(root, "b"));
    }

    [Fact]
    public void Parse_ObjectConcatenation_Merges()
    {
        var root = Parse("a = { x = 1, y = 1 } { y = 2 }");

        Assert.Equal("1", Text(root, "a.x"));
        Assert.Equal("2", Text(root, "a.y"));
    }

    [Fact]
    public void Parse_RootBracesOptional_SameTree()
    {
        var braced = Parse("{ a { b = 1 } }");
        var bare = Parse("a { b = 1 }");

        Assert.Equal(HoconTreeText.Of(braced), HoconTreeText.Of(bare));
    }

    [Fact]
    public void Parse_JsonDocument_IsValidHocon()
    {
        var root = Parse("""{ "a": { "b": [1, 2.5, "s", true, null] }, "c": "d" }""");

        Assert.Equal(["1", "2.5", "s", "true", "null"], Strings(root, "a.b"));
        Assert.Equal("d", Text(root, "c"));
    }
}
