namespace Coaching.Core.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string ClubManager = "ClubManager";
    public const string Advisor = "Advisor";
    public const string Merchant = "Merchant";

    public static readonly IReadOnlyList<string> All = [Admin, ClubManager, Advisor, Merchant];

    public static string Label(string role) => role switch
    {
        Admin => "Administrateur",
        ClubManager => "Responsable du club",
        Advisor => "Conseiller",
        Merchant => "Commerçant",
        _ => role,
    };

    /// <summary>Which roles a person holding <paramref name="inviterRole"/> may invite.</summary>
    public static IReadOnlyList<string> InvitableBy(string inviterRole) => inviterRole switch
    {
        Admin => All,
        ClubManager => [ClubManager, Advisor, Merchant],
        Advisor => [Merchant],
        _ => [],
    };
}
