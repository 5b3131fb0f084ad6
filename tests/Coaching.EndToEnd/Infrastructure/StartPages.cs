using Coaching.Core.Identity;
using Coaching.Web.Demo;
using Coaching.Web.Features.Portfolio;

namespace Coaching.EndToEnd.Infrastructure;

/// <summary>
/// Where an account lands after signing in: admins and club managers on the merchants' list (issue 2), advisors on
/// « Mon portefeuille » (issue 4), merchants on their own space.
/// </summary>
public sealed record StartPage(string Path, string? Heading, string ControllerName)
{
    public static readonly StartPage Staff = new("/dossiers", "Dossiers", "MerchantsController");
    public static readonly StartPage Advisor = new("/portefeuille", "Mon portefeuille", "PortfolioController");
    public static readonly StartPage Merchant = new("/mon-espace", null, "MySpaceController");

    public static StartPage For(DemoAccount account) => account.Role switch
    {
        Roles.Merchant => Merchant,
        Roles.Advisor => Advisor,
        _ => Staff,
    };

    /// <summary>
    /// True once the app has the controller behind the page. Until then the tests accept what the app does
    /// (signed in, sent away from the sign-in page); from then on they demand the page itself, with no edit needed.
    /// </summary>
    public bool IsBuilt => typeof(Program).Assembly.GetTypes().Any(t => t.Name == ControllerName);
}
