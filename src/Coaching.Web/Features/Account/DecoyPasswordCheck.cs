using System.Security.Cryptography;
using Coaching.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Account;

/// <summary>
/// Checks the typed password against a hash of a random password, made once with the app's hashing settings: a sign-in
/// on an unknown, deactivated or locked account then costs the same hash as a real one, and its answer time does not
/// tell whether the account exists.
/// </summary>
public sealed class DecoyPasswordCheck(IPasswordHasher<AppUser> hasher, DecoyPasswordHash hash)
{
    private static readonly AppUser Nobody = new();

    public void Verify(string password) => hasher.VerifyHashedPassword(Nobody, hash.Value, password);
}

/// <summary>The decoy hash, computed once per app.</summary>
public sealed class DecoyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private readonly Lazy<string> _hash = new(() =>
        new PasswordHasher<AppUser>(options).HashPassword(new AppUser(), RandomNumberGenerator.GetHexString(32)));

    public string Value => _hash.Value;
}
