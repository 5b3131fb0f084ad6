using Coaching.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Hosting;

/// <summary>
/// Identity's user manager, with one difference: a role change renews the security stamp, like a password change, so that
/// every open session of the account ends at once (<see cref="DatabaseTicketStore"/> refuses sessions with an old stamp)
/// instead of keeping the old role until the next sign-in.
/// </summary>
public sealed class CoachingUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AddToRoleAsync(AppUser user, string role) =>
        await RenewStampIfSucceeded(user, await base.AddToRoleAsync(user, role));

    public override async Task<IdentityResult> AddToRolesAsync(AppUser user, IEnumerable<string> roles) =>
        await RenewStampIfSucceeded(user, await base.AddToRolesAsync(user, roles));

    public override async Task<IdentityResult> RemoveFromRoleAsync(AppUser user, string role) =>
        await RenewStampIfSucceeded(user, await base.RemoveFromRoleAsync(user, role));

    public override async Task<IdentityResult> RemoveFromRolesAsync(AppUser user, IEnumerable<string> roles) =>
        await RenewStampIfSucceeded(user, await base.RemoveFromRolesAsync(user, roles));

    /// <summary>
    /// With two-factor sign-in off, the key is only a proposal on the setup page: a new one changes nothing a session relies
    /// on, so the stamp (and every open session) is kept. With it on, Identity's reset renews the stamp as usual.
    /// </summary>
    public override async Task<IdentityResult> ResetAuthenticatorKeyAsync(AppUser user)
    {
        if (await GetTwoFactorEnabledAsync(user)) return await base.ResetAuthenticatorKeyAsync(user);
        await ((IUserAuthenticatorKeyStore<AppUser>)Store).SetAuthenticatorKeyAsync(user, GenerateNewAuthenticatorKey(), CancellationToken);
        return await UpdateUserAsync(user);
    }

    private async Task<IdentityResult> RenewStampIfSucceeded(AppUser user, IdentityResult result) =>
        result.Succeeded ? await UpdateSecurityStampAsync(user) : result;
}
