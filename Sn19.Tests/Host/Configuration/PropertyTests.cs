namespace Sn19.Tests.Host.Configuration;

using FsCheck;
using FsCheck.Fluent;
using Sn19.Host.Configuration;
using Sn19.Host.Configuration.Hocon;

/// <summary>Round-trip properties over generated inputs (FsCheck, fixed replay seed).</summary>
public sealed class PropertyTests
{
    private static readonly Config Replay = Config.QuickThrowOnFailure.WithReplay(19, 2027).WithMaxTest(300);

    [Fact]
    public void ByteSize_ToStringThenParse_RoundTrips()
    {
        Check.One(Replay, Prop.ForAll<int, byte>((n, shift) =>
        {
            var size = new ByteSize((long)Math.Abs((long)n) << (shift % 24));
            return ByteSize.Parse(size.ToString()) == size;
        }));
    }

    [Fact]
    public void HoconPath_RenderThenParse_RoundTripsAnySegments()
    {
        Check.One(Replay, Prop.ForAll<string[]>(raw =>
        {
            var segments = (raw ?? []).Select(s => s ?? "").ToArray();
            if (segments.Length == 0)
            {
                return true;
            }

            var rendered = HoconPath.Render(segments);
            return HoconPath.Parse(rendered).Segments.SequenceEqual(segments);
        }));
    }

    [Fact]
    public void ConfigurationKeys_PathToKeyToPath_RoundTripsThroughFlatKeys()
    {
        Check.One(Replay, Prop.ForAll<string[]>(raw =>
        {
            var segments = (raw ?? []).Select(s => (s ?? "").Replace(":", "", StringComparison.Ordinal)).Where(s => s.Length > 0).ToArray();
            if (segments.Length == 0)
            {
                return true;
            }

            var path = HoconPath.Render(segments);
            return ConfigurationKeys.ToPath(ConfigurationKeys.FromPath(path, "test")) == path;
        }));
    }
}
