using System.Security.Claims;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Hosting;

public static class CoachingClaimTypes
{
    public const string ClubId = "coaching:club";
    public const string MerchantId = "coaching:merchant";
    public const string Departments = "coaching:departments";
    public const string DisplayName = "coaching:name";
}

/// <summary>Puts what the access rules need into the cookie, so that no request has to load the user.</summary>
public sealed class CoachingClaimsFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CoachingClaimTypes.ClubId, user.ClubId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(CoachingClaimTypes.Departments, user.DepartmentCodes));
        identity.AddClaim(new Claim(CoachingClaimTypes.DisplayName, user.DisplayName));
        if (user.MerchantId is { } merchantId)
            identity.AddClaim(new Claim(CoachingClaimTypes.MerchantId, merchantId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The viewer for the access rules; a person holding several roles acts with the strongest.</summary>
    public static Viewer ToViewer(this ClaimsPrincipal principal)
    {
        var role = Roles.All.FirstOrDefault(principal.IsInRole) ?? "";
        return new Viewer(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            int.TryParse(principal.FindFirstValue(CoachingClaimTypes.ClubId), out var club) ? club : 0,
            role,
            int.TryParse(principal.FindFirstValue(CoachingClaimTypes.MerchantId), out var merchant) ? merchant : null,
            (principal.FindFirstValue(CoachingClaimTypes.Departments) ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(CoachingClaimTypes.DisplayName) is { Length: > 0 } name ? name : principal.Identity?.Name ?? "";
}
