using System.Text.RegularExpressions;
using Coaching.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coaching.EndToEnd.Infrastructure;

/// <summary>Steps that many tests share. Each one checks with axe every page it lands on.</summary>
public static class PageFlows
{
    /// <summary>Opens /connexion, signs in and waits until the browser has left the sign-in page.</summary>
    public static async Task SignInAsync(this IPage page, DemoAccount account, string password = DemoAccounts.Password)
    {
        await page.GotoAndCheckAsync("/connexion");
        await page.SubmitSignInAsync(account.Email, password);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/connexion", RegexOptions.IgnoreCase));
        await page.AssertAccessibleAsync();
    }

    /// <summary>Fills and sends the sign-in form of the page already open; does not wait for the result.</summary>
    public static async Task SubmitSignInAsync(this IPage page, string email, string password)
    {
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.PasswordField().FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Se connecter" }).ClickAsync();
        await page.WaitUntilLoadedAsync();
    }

    /// <summary>
    /// Waits for the current page's load event. Playwright's .NET client can miss that event when it arrives while the
    /// wait is being set up just after a click started a navigation (seen once in CI: a 30-s timeout on a page that had
    /// loaded): short waits in a loop see the state it has recorded by then.
    /// </summary>
    public static async Task WaitUntilLoadedAsync(this IPage page)
    {
        var step = TimeSpan.FromSeconds(2);
        for (var waited = TimeSpan.Zero; ; waited += step)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = (float)step.TotalMilliseconds });
                return;
            }
            catch (TimeoutException) when (waited + step < TestTimeouts.Navigation)
            {
            }
        }
    }

    /// <summary>Uses the sign-out button of the header (opening its menu first on a narrow screen) and checks the sign-in page it comes back to.</summary>
    public static async Task SignOutAsync(this IPage page)
    {
        var signOut = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Se déconnecter" });
        await page.OpenMenuUnlessVisibleAsync(signOut);
        await signOut.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/connexion$", RegexOptions.IgnoreCase));
        await page.AssertAccessibleAsync();
    }

    /// <summary>Follows a link of the header, opening its menu first when the link is folded into it (narrow screens, secondary links).</summary>
    public static async Task ClickHeaderLinkAsync(this IPage page, string name)
    {
        var link = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = name, Exact = true });
        await page.OpenMenuUnlessVisibleAsync(link);
        await link.ClickAsync();
    }

    private static async Task OpenMenuUnlessVisibleAsync(this IPage page, ILocator target)
    {
        if (!await target.IsVisibleAsync())
            await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Menu" }).ClickAsync();
    }

    /// <summary>The password box of the sign-in form (its label ends with a required-field star).</summary>
    public static ILocator PasswordField(this IPage page) => page.GetByLabel(new Regex("^Mot de passe"));

    /// <summary>The path of the current page, without query string or fragment.</summary>
    public static string Path(this IPage page) => new Uri(page.Url).AbsolutePath;
}
