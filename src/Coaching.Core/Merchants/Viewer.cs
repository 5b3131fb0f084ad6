using Coaching.Core.Identity;

namespace Coaching.Core.Merchants;

/// <summary>Who is asking: the facts the access rules need, read from the sign-in cookie.</summary>
public sealed record Viewer(string UserId, int ClubId, string Role, int? MerchantId, IReadOnlyList<string> Departments)
{
    public bool IsStaff => Role is Roles.Admin or Roles.ClubManager or Roles.Advisor;
    public bool ManagesClub => Role is Roles.Admin or Roles.ClubManager;
}
