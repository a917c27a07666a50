namespace Pass.Web.Data;

/// <summary>The resolved data folder: database, signing and encryption keys, Data Protection keys.</summary>
public sealed class PassDataDirectory
{
    public PassDataDirectory(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
        Directory.CreateDirectory(KeysPath);
    }

    public string Path { get; }

    public string KeysPath => System.IO.Path.Combine(Path, "keys");

    public string DatabasePath => System.IO.Path.Combine(Path, "pass.db");
}
