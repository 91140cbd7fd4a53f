namespace Sn19.Host.Configuration;

/// <summary>Options that check themselves after binding. <see cref="Validate"/> throws a
/// <see cref="ConfigurationException"/> whose Key is the full dotted key of the bad value
/// (`logging.file.retained-files`), so the loader can add the file and line it was set at.</summary>
public interface IValidatableOptions
{
    /// <param name="section">The dotted path the options were bound from, to prefix keys with.</param>
    void Validate(string section);
}
