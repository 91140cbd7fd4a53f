namespace Sn19.Host.Configuration.Hocon;

/// <summary>Reads HOCON files for the parser: top-level files and includes alike.</summary>
internal static class HoconFiles
{
    /// <summary>Reads a file and applies it to <paramref name="target"/>; reports missing files and include cycles.</summary>
    public static void ParseFileInto(HoconObject target, string fullPath, HoconPath prefix, HoconIncludeContext context, HoconOrigin? includedFrom)
    {
        if (context.IsIncluding(fullPath))
        {
            throw new HoconException($"include cycle: {context.DescribeCycle(fullPath)}", includedFrom ?? new HoconOrigin(context.Display(fullPath), 0), key: null);
        }

        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            var what = includedFrom is null ? "configuration file" : "included file";
            throw new HoconException($"{what} not found: {fullPath}", includedFrom ?? new HoconOrigin(context.Display(fullPath), 0), key: null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException($"cannot read {fullPath}: {e.Message}", includedFrom ?? new HoconOrigin(context.Display(fullPath), 0), key: null);
        }

        context.Enter(fullPath);
        try
        {
            HoconParser.ParseInto(target, text, context.Display(fullPath), Path.GetDirectoryName(fullPath), prefix, context);
        }
        finally
        {
            context.Leave();
        }
    }
}
