using System.Security.Cryptography;
using System.Text;

namespace Coaching.Core.Audit;

/// <summary>
/// Keyed hash of an e-mail address: the same address always gives the same hash (so that an admin can find the failed
/// sign-ins of an address by hashing it), but without the key nobody can test guesses against the log.
/// </summary>
public sealed class AuditEmailHasher(byte[] key)
{
    public string Hash(string email)
    {
        var normalised = email.Trim().ToUpperInvariant();
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalised)));
    }
}
