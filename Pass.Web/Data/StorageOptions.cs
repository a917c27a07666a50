namespace Pass.Web.Data;

/// <summary>Section <c>Pass</c>: where the data lives and what a commit survives.</summary>
public sealed class StorageOptions
{
    public const string Section = "Pass";

    /// <summary>Folder of the SQLite database and the key files, relative to the content root. Default <c>App_Data</c>.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>
    /// When a commit counts as done. <c>Normal</c> (default): it survives the process being killed; a power cut may
    /// lose the last commits. <c>Full</c>: it survives a power cut too, at one disk flush per commit.
    /// </summary>
    public Durability Durability { get; set; } = Durability.Normal;

    public string ResolveDataDirectory(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, DataDirectory));
}
