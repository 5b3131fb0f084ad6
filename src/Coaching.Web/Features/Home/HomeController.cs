using Coaching.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Coaching.Web.Features.Home;

[Authorize]
public sealed class HomeController : Controller
{
    /// <summary>Sends everyone to their own starting page.</summary>
    public IActionResult Index() =>
        User.IsInRole(Roles.Merchant) && !User.IsInRole(Roles.Advisor)
            ? RedirectToAction("Index", "MySpace")
            : RedirectToAction("Index", "Merchants");
}
