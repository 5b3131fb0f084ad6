using Microsoft.AspNetCore.Identity;

namespace Coaching.Core.Identity;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int ClubId { get; set; }

    /// <summary>Set for merchant accounts: the one case file this person may see.</summary>
    public int? MerchantId { get; set; }

    /// <summary>Advisors read the unassigned merchants of these departments (INSEE codes, comma separated).</summary>
    public string DepartmentCodes { get; set; } = "";

    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public string? InvitedById { get; set; }

    public IReadOnlyList<string> Departments =>
        DepartmentCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
