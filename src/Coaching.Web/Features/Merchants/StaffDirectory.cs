using Coaching.Core.Data;
using Coaching.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Merchants;

public sealed record StaffMember(string Id, string DisplayName, string Email, IReadOnlyList<string> Departments);

/// <summary>The active advisors of a club, for assignment lists.</summary>
public sealed class StaffDirectory(CoachingDbContext db)
{
    public async Task<IReadOnlyList<StaffMember>> AdvisorsAsync(int clubId, CancellationToken cancellationToken = default)
    {
        var advisorRoleId = await db.Roles.Where(r => r.Name == Roles.Advisor).Select(r => r.Id).SingleAsync(cancellationToken);
        var advisors = await db.Users
            .Where(u => u.ClubId == clubId && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == advisorRoleId))
            .OrderBy(u => u.DisplayName)
            .ToListAsync(cancellationToken);
        return advisors.Select(u => new StaffMember(u.Id, u.DisplayName, u.Email ?? "", u.Departments)).ToList();
    }

    public async Task<bool> IsAdvisorOfClubAsync(string userId, int clubId, CancellationToken cancellationToken = default) =>
        (await AdvisorsAsync(clubId, cancellationToken)).Any(a => a.Id == userId);
}
