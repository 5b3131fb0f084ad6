using System.Security.Cryptography;
using Coaching.Core.Audit;

namespace Coaching.Web.Infrastructure.Trust;

/// <summary>The key of <see cref="AuditEmailHasher"/>: Audit:EmailHashKey, or a random key created once in the data folder.</summary>
public static class EmailHashKey
{
    public static AuditEmailHasher CreateHasher(AuditOptions options, DataFolder folder)
    {
        if (!string.IsNullOrEmpty(options.EmailHashKey)) return new AuditEmailHasher(Convert.FromBase64String(options.EmailHashKey));
        var path = folder.Combine("keys", "audit-email-hash.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                file.Write(RandomNumberGenerator.GetBytes(32));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first: use theirs.
            }
        }
        return new AuditEmailHasher(File.ReadAllBytes(path));
    }
}
