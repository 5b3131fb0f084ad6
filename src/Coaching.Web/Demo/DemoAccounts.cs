using Coaching.Core.Identity;
using Coaching.Web.Hosting;

namespace Coaching.Web.Demo;

public sealed record DemoAccount(string Email, string DisplayName, string Role, string Departments = "");

/// <summary>The demo accounts listed in the README; all share one password.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-Coaching-2026!";

    public static readonly DemoAccount Admin = new("admin@demo.local", "Alice Administratrice", Roles.Admin);
    public static readonly DemoAccount Manager = new("responsable@demo.local", "Romain Responsable", Roles.ClubManager);
    public static readonly DemoAccount AdvisorA = new("conseiller@demo.local", "Camille Conseiller", Roles.Advisor, "33,24,47");
    public static readonly DemoAccount AdvisorB = new("conseillere@demo.local", "Claire Conseillère", Roles.Advisor, "64,40,17,79,86,16,87,19,23");
    public static readonly DemoAccount MerchantA = new("commercant@demo.local", "Marc Commerçant", Roles.Merchant);
    public static readonly DemoAccount MerchantB = new("commercante@demo.local", "Margaux Commerçante", Roles.Merchant);

    public static readonly IReadOnlyList<DemoAccount> All = [Admin, Manager, AdvisorA, AdvisorB, MerchantA, MerchantB];
}
