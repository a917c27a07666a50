using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pass.Web.Infrastructure;

/// <summary>A secret file written once, readable by the owner only, whoever of two starting processes wins.</summary>
internal static class PrivateFile
{
    public static void WriteOnce(string file, byte[] bytes)
    {
        // Another process may have won the race to create it; theirs is as good as ours.
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, bytes);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temp, file, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temp);
        }
    }
}
