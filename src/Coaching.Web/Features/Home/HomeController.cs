using Coaching.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Coaching.Web.Features.Home;

[Authorize]
public sealed class HomeController : Controller
{
    /// <summary>Sends everyone to their own starting page.</summary>
    [Route("/")]
    public IActionResult Index()
    {
        if (User.IsInRole(Roles.Merchant) && !User.IsInRole(Roles.Advisor)) return RedirectToAction("Index", "MySpace");
        // An advisor starts from « Mon portefeuille », the in-app reminder of what needs doing.
        if (User.IsInRole(Roles.Advisor) && !User.IsInRole(Roles.Admin) && !User.IsInRole(Roles.ClubManager)) return RedirectToAction("Index", "Portfolio");
        return RedirectToAction("Index", "Merchants");
    }
}
