using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Identity;
using Coaching.Core.Sessions;

namespace Coaching.Core.Merchants;

/// <summary>
/// Who may read and edit which case file, and each object of it. Club managers and admins: the whole club. Advisors:
/// edit the merchants assigned to them, read those plus the unassigned ones of their departments. Merchants: their
/// own file. A plan, a roadmap or a diagnostic follows its merchant (filling a diagnostic: <see cref="CanFill"/>); a
/// coaching session, which may group several merchants, has its own rule (<see cref="CanRead(Viewer, CoachingSession)"/>).
/// The web pages apply these rules through one path (CaseFileAccess): 404 when unreadable, 403 when read-only.
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

    /// <summary>Who may fill an assessment of that kind: the merchant for a self-assessment, whoever may edit the file for a diagnostic.</summary>
    public static bool CanFill(this Viewer viewer, Merchant merchant, AssessmentKind kind) => kind == AssessmentKind.SelfAssessment
        ? viewer.Role == Roles.Merchant && viewer.MerchantId == merchant.Id
        : viewer.CanEdit(merchant);

    /// <summary>A session is readable by the club's managers, by its advisors, and by whoever may read one of its merchants (loaded).</summary>
    public static bool CanRead(this Viewer viewer, CoachingSession session) =>
        viewer.IsStaff && session.ClubId == viewer.ClubId &&
        (viewer.ManagesClub || session.Advisors.Any(a => a.AdvisorId == viewer.UserId) ||
         session.Merchants.Any(m => m.Merchant is not null && viewer.CanRead(m.Merchant)));

    /// <summary>
    /// A session is editable by the club's managers, by its advisors who may edit one of its merchants (a co-advisor whose
    /// caseload holds none of them reads it only: see the README, « Security »), and by whoever may edit all its merchants.
    /// </summary>
    public static bool CanEdit(this Viewer viewer, CoachingSession session) =>
        viewer.IsStaff && session.ClubId == viewer.ClubId && (viewer.ManagesClub ||
         (session.Advisors.Any(a => a.AdvisorId == viewer.UserId) && session.Merchants.Any(m => m.Merchant is not null && viewer.CanEdit(m.Merchant))) ||
         (session.Merchants.Count > 0 && session.Merchants.All(m => m.Merchant is not null && viewer.CanEdit(m.Merchant))));
}
