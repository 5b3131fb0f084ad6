namespace Coaching.Web.Hosting;

/// <summary>The authorization policies, one per audience of the pages.</summary>
public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string ClubManagement = nameof(ClubManagement);
    public const string Admin = nameof(Admin);
    public const string Merchant = nameof(Merchant);
}
