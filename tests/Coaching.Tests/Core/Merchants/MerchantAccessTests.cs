using Coaching.Core.Identity;
using Coaching.Core.Merchants;

namespace Coaching.Tests.Core.Merchants;

/// <summary>
/// The case-file access rules on an in-memory club: club 1 has advisors A (departments 33, 24) and B (64, 40); club 2
/// is another club in the same database.
/// </summary>
public sealed class MerchantAccessTests
{
    private const int Club = 1;
    private const int OtherClub = 2;

    private static readonly Merchant OfA = Merchant(1, "33", "advisor-a");
    private static readonly Merchant OfAOutsideHisDepartments = Merchant(2, "64", "advisor-a");
    private static readonly Merchant OfB = Merchant(3, "33", "advisor-b");              // B's, in A's department
    private static readonly Merchant UnassignedInA = Merchant(4, "24", null);
    private static readonly Merchant UnassignedInB = Merchant(5, "40", null);
    private static readonly Merchant UnassignedElsewhere = Merchant(6, "87", null);
    private static readonly Merchant OtherClubInA = Merchant(7, "33", null, OtherClub);
    private static readonly Merchant OtherClubOfA = Merchant(8, "33", "advisor-a", OtherClub);

    private static readonly Merchant[] All = [OfA, OfAOutsideHisDepartments, OfB, UnassignedInA, UnassignedInB, UnassignedElsewhere, OtherClubInA, OtherClubOfA];

    private static readonly Viewer AdvisorA = new("advisor-a", Club, Roles.Advisor, null, ["33", "24"]);
    private static readonly Viewer AdvisorB = new("advisor-b", Club, Roles.Advisor, null, ["64", "40"]);
    private static readonly Viewer Manager = new("manager", Club, Roles.ClubManager, null, []);
    private static readonly Viewer Admin = new("admin", Club, Roles.Admin, null, []);
    private static readonly Viewer MerchantOfFile3 = new("merchant", Club, Roles.Merchant, 3, []);
    private static readonly Viewer MerchantOfOtherClub = new("merchant-2", OtherClub, Roles.Merchant, 7, []);
    private static readonly Viewer NoRole = new("nobody", Club, "", null, ["33"]);

    public static TheoryData<string, int[], int[]> Rules => new()
    {
        // viewer       can read                 can edit
        { "AdvisorA",   [1, 2, 4],               [1, 2] },
        { "AdvisorB",   [3, 5],                  [3] },
        { "Manager",    [1, 2, 3, 4, 5, 6],      [1, 2, 3, 4, 5, 6] },
        { "Admin",      [1, 2, 3, 4, 5, 6],      [1, 2, 3, 4, 5, 6] },
        { "Merchant3",  [3],                     [] },
        { "MerchantOtherClub", [7],              [] },
        { "NoRole",     [],                      [] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_role_reads_and_edits_what_the_rules_say(string viewerName, int[] readable, int[] editable)
    {
        var viewer = ViewerNamed(viewerName);

        Assert.Equal(readable, All.Where(viewer.CanRead).Select(m => m.Id));
        Assert.Equal(editable, All.Where(viewer.CanEdit).Select(m => m.Id));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void ReadableBy_filters_a_query_like_CanRead(string viewerName, int[] readable, int[] editable)
    {
        var viewer = ViewerNamed(viewerName);

        Assert.Equal(readable, All.AsQueryable().ReadableBy(viewer).Select(m => m.Id).Order());
        Assert.All(editable, id => Assert.Contains(id, readable));
    }

    [Fact]
    public void Staff_and_club_management_follow_the_role()
    {
        Assert.True(AdvisorA.IsStaff);
        Assert.False(AdvisorA.ManagesClub);
        Assert.True(Manager.ManagesClub);
        Assert.True(Admin.ManagesClub);
        Assert.False(MerchantOfFile3.IsStaff);
        Assert.False(NoRole.IsStaff);
    }

    private static Viewer ViewerNamed(string name) => name switch
    {
        "AdvisorA" => AdvisorA,
        "AdvisorB" => AdvisorB,
        "Manager" => Manager,
        "Admin" => Admin,
        "Merchant3" => MerchantOfFile3,
        "MerchantOtherClub" => MerchantOfOtherClub,
        "NoRole" => NoRole,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static Merchant Merchant(int id, string department, string? advisor, int club = Club) => new()
    {
        Id = id,
        ClubId = club,
        BusinessName = $"Commerce {id}",
        DepartmentCode = department,
        AssignedAdvisorId = advisor,
    };
}
