using Coaching.EndToEnd.Infrastructure;
using Coaching.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coaching.EndToEnd;

/// <summary>The compact header: at most 64 px on a phone, a menu button that works by keyboard, no sideways scrolling.</summary>
public sealed class HeaderTests(AppFixture fixture) : BrowserTest(fixture)
{
    private Task<double> HeaderHeightAsync() =>
        Page.EvaluateAsync<double>("() => document.querySelector('header.site-header').getBoundingClientRect().height");

    [BrowserFact]
    public async Task On_a_phone_the_header_is_compact_and_its_menu_opens_and_closes_by_keyboard()
    {
        await Page.SetViewportSizeAsync(375, 800);
        await Page.SignInAsync(DemoAccounts.Admin);
        await Page.AssertAccessibleAsync();

        Assert.True(await HeaderHeightAsync() <= 64, $"header is {await HeaderHeightAsync()} px tall at 375 px");
        var banner = Page.GetByRole(AriaRole.Banner);
        var menu = banner.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var journal = banner.GetByRole(AriaRole.Link, new() { Name = "Journal" });
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(journal).ToBeHiddenAsync();

        await menu.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(journal).ToBeVisibleAsync();
        await Expect(banner.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
        await Page.AssertAccessibleAsync();

        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(menu).ToBeFocusedAsync();
        await Expect(journal).ToBeHiddenAsync();

        await Page.Keyboard.PressAsync("Space");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Page.Keyboard.PressAsync("Space");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_header_stays_on_one_row_and_no_main_page_scrolls_sideways(int width)
    {
        foreach (var (account, pages) in new (DemoAccount, string[])[]
        {
            (DemoAccounts.Admin, ["/journal", "/rapports", "/comptes", "/comptes/inviter"]),
            (DemoAccounts.AdvisorA, ["/portefeuille", "/dossiers", "/seances"]),
            (DemoAccounts.MerchantA, ["/mon-espace"]),
        })
        {
            await Page.SetViewportSizeAsync(width, 800);
            await Page.SignInAsync(account);
            await Page.AssertAccessibleAsync();
            foreach (var url in pages)
            {
                await Page.GotoAndCheckAsync(url, 200);
                Assert.True(await HeaderHeightAsync() <= 64, $"{url}: header {await HeaderHeightAsync()} px tall at {width} px");
                var overflow = await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
                Assert.False(overflow, $"{url} scrolls sideways at {width} px for {account.Email}");
            }
            await Page.SignOutAsync();
        }
    }
}
