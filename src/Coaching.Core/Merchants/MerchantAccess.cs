using Coaching.Core.Identity;

namespace Coaching.Core.Merchants;

/// <summary>
/// Who may read and edit which case file. Club managers and admins: the whole club. Advisors: edit the
/// merchants assigned to them, read those plus the unassigned ones of their departments. Merchants: their own file.
/// </summary>
public static class MerchantAccess
{
    public static IQueryable<Merchant> ReadableBy(this IQueryable<Merchant> merchants, Viewer viewer)
    {
        var departments = viewer.Departments.ToList();
        return viewer.Role switch
        {
            Roles.Admin or Roles.ClubManager => merchants.Where(m => m.ClubId == viewer.ClubId),
            Roles.Advisor => merchants.Where(m => m.ClubId == viewer.ClubId &&
                (m.AssignedAdvisorId == viewer.UserId || (m.AssignedAdvisorId == null && departments.Contains(m.DepartmentCode)))),
            Roles.Merchant => merchants.Where(m => m.Id == viewer.MerchantId),
            _ => merchants.Where(m => false),
        };
    }

    public static bool CanRead(this Viewer viewer, Merchant merchant) => viewer.Role switch
    {
        Roles.Admin or Roles.ClubManager => merchant.ClubId == viewer.ClubId,
        Roles.Advisor => merchant.ClubId == viewer.ClubId &&
            (merchant.AssignedAdvisorId == viewer.UserId ||
             (merchant.AssignedAdvisorId is null && viewer.Departments.Contains(merchant.DepartmentCode))),
        Roles.Merchant => merchant.Id == viewer.MerchantId,
        _ => false,
    };

    public static bool CanEdit(this Viewer viewer, Merchant merchant) => viewer.Role switch
    {
        Roles.Admin or Roles.ClubManager => merchant.ClubId == viewer.ClubId,
        Roles.Advisor => merchant.ClubId == viewer.ClubId && merchant.AssignedAdvisorId == viewer.UserId,
        _ => false,
    };
}
