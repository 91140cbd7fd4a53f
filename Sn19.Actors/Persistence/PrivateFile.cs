namespace Sn19.Actors.Persistence;

/// <summary>
/// Writes a file only its owner may read (mode 0600 from the moment it exists, never briefly wider), whole, through a
/// temporary file renamed into place, so a reader or a crash sees the old content or the new, never half.
/// </summary>
public static class PrivateFile
{
    public static void Replace(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp-" + Environment.ProcessId;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        File.Delete(temporary); // a leftover would keep its own mode
        using (var writer = new StreamWriter(temporary, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
        {
            writer.Write(text);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
