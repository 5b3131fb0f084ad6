using System.Text.RegularExpressions;
using Coaching.EndToEnd.Infrastructure;
using Coaching.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coaching.EndToEnd;

/// <summary>
/// Issue 3, "done when": on a phone-sized browser the demo advisor starts the default diagnostic from a case file,
/// answers with the keyboard alone, closes the browser half-way, comes back in a new one, finds every answer kept,
/// completes it and sees the radar against the merchant's earlier diagnostic.
/// </summary>
public sealed partial class DiagnosticJourneyTests(AppFixture fixture) : BrowserTest(fixture)
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 740 };

    // 45 questions answered key by key, two sign-ins and axe on a dozen pages: about a minute, so twice the usual bound.
    [BrowserFact(Timeout = 2 * TestTimeouts.Test)]
    public async Task Advisor_closes_a_diagnostic_half_way_on_a_phone_resumes_it_with_every_answer_kept_and_sees_the_radar()
    {
        var merchant = await DemoMerchants.TakeAsync(Fixture);
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Page.SignInAsync(DemoAccounts.AdvisorA);

        // Case file → Diagnostics → start.
        await OpenDiagnosticsAsync(Page, merchant.Id);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Commencer un diagnostic" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(StepUrl(1));
        await CheckPageAsync(Page);

        // Step 1 with the keyboard only, sent with the keyboard; step 2 half answered, saved by the script alone.
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        await AnswerWithKeyboardAsync(Page, answers, limit: null);
        var stepOne = answers.Keys.ToList();
        Assert.True(stepOne.Count >= 5, $"Only {stepOne.Count} questions answered on step 1.");
        await TabToAsync(Page, "button", "Étape suivante");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(StepUrl(2));
        await CheckPageAsync(Page);
        await AnswerWithKeyboardAsync(Page, answers, limit: 3);
        Assert.Equal(stepOne.Count + 3, answers.Count);

        // Close the whole browser context half-way: nothing but the server keeps the answers.
        await Context.CloseAsync();

        var context = await Fixture.NewContextAsync(Phone);
        try
        {
            var page = await context.NewPageAsync();
            AccessibilityExtensions.Track(page);
            await page.SignInAsync(DemoAccounts.AdvisorA);
            await OpenDiagnosticsAsync(page, merchant.Id);
            // Resuming opens the first step with an unanswered question: step 2 (step 1 is marked complete).
            await page.GetByRole(AriaRole.Link, new() { Name = "Reprendre le diagnostic", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(StepUrl(2));
            await CheckPageAsync(page);
            await Expect(page.GetByText(new Regex($"{answers.Count} réponses sur \\d+ questions"))).ToBeVisibleAsync();
            await Expect(page.Locator(".steps li").First).ToContainTextAsync("(complète)");
            foreach (var code in answers.Keys.Except(stepOne))
                Assert.Equal(answers[code], await ReadAnswerAsync(page, code));

            await page.GetByRole(AriaRole.Button, new() { Name = "Étape précédente" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(StepUrl(1));
            await CheckPageAsync(page);
            foreach (var code in stepOne)
                Assert.Equal(answers[code], await ReadAnswerAsync(page, code));
            await page.GetByRole(AriaRole.Button, new() { Name = "Étape suivante" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(StepUrl(2));
            await CheckPageAsync(page);

            // Answer the rest, step by step, still with the keyboard.
            for (var step = 2; ; step++)
            {
                await AnswerWithKeyboardAsync(page, answers, limit: null);
                var last = await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et terminer" }).CountAsync() > 0;
                await page.GetByRole(AriaRole.Button, new() { Name = last ? "Vérifier et terminer" : "Étape suivante" }).ClickAsync();
                if (last) break;
                await Expect(page).ToHaveURLAsync(StepUrl(step + 1));
                await CheckPageAsync(page);
            }
            await Expect(page).ToHaveURLAsync(new Regex(@"/diagnostics/\d+/terminer$"));
            await CheckPageAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Terminer et voir les résultats" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/diagnostics/\d+$"));
            await CheckPageAsync(page);

            // The radar (server-drawn SVG) and its table, against the earlier diagnostic.
            var radar = page.Locator("figure.radar-figure svg");
            await Expect(radar).ToBeVisibleAsync();
            Assert.True(await radar.Locator("polygon, path").CountAsync() >= 2, "The radar draws fewer than two series.");
            var table = page.GetByRole(AriaRole.Table, new() { Name = "Scores par axe, sur 100" });
            await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Ce diagnostic" })).ToBeVisibleAsync();
            await Expect(table.GetByRole(AriaRole.Columnheader, new() { NameRegex = new Regex(@"^Premier diagnostic \(\d\d.\d\d.\d{4}\)") })).ToBeVisibleAsync();
            await Expect(table.Locator("tbody tr")).ToHaveCountAsync(8);
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Diagnostic terminé : les scores sont calculés et figés.");

            Assert.Empty(AccessibilityExtensions.Untrack(page));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task OpenDiagnosticsAsync(IPage page, int merchantId)
    {
        await page.GotoAndCheckAsync($"/dossiers/{merchantId}", 200);
        await AssertNoSidewaysScrollAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tous les diagnostics", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/dossiers/{merchantId}/diagnostics$"));
        await CheckPageAsync(page);
    }

    private static async Task CheckPageAsync(IPage page)
    {
        await page.AssertAccessibleAsync();
        await AssertNoSidewaysScrollAsync(page);
    }

    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px.");
    }

    private static Regex StepUrl(int step) => new($@"/diagnostics/\d+/etape/{step}$");

    /// <summary>
    /// Answers the visible, unanswered questions of the step in page order with the keyboard alone: Tab into the
    /// question, then Space (first option) or the Down arrow (second option) for choices, typing for numbers and
    /// text, Tab to leave. Waits until the script reports each answer saved, and records what the page shows.
    /// </summary>
    private static async Task AnswerWithKeyboardAsync(IPage page, Dictionary<string, string> answers, int? limit)
    {
        var done = 0;
        var handled = new HashSet<string>(StringComparer.Ordinal);
        while (limit is null || done < limit)
        {
            // Re-read each time: an answer can reveal a conditional question.
            var codes = await page.Locator("fieldset.question:visible").EvaluateAllAsync<string[]>("all => all.map(f => f.dataset.question)");
            var code = codes.FirstOrDefault(c => !handled.Contains(c));
            if (code is null) break;
            handled.Add(code);
            if ((await ReadAnswerAsync(page, code)).Length > 0) continue;

            await TabIntoQuestionAsync(page, code);
            var kind = await page.EvaluateAsync<string>("() => document.activeElement.type");
            switch (kind)
            {
                case "radio":
                    await page.Keyboard.PressAsync(answers.Count % 2 == 0 ? "Space" : "ArrowDown");
                    break;
                case "checkbox":
                    await page.Keyboard.PressAsync("Space");
                    break;
                case "text":
                    await page.Keyboard.TypeAsync("12");
                    await page.Keyboard.PressAsync("Tab");
                    break;
                case "textarea":
                    await page.Keyboard.TypeAsync("Le temps, surtout en fin de semaine.");
                    await page.Keyboard.PressAsync("Tab");
                    break;
                default:
                    Assert.Fail($"Unexpected answer field '{kind}' in question {code}.");
                    break;
            }
            var fieldset = Question(page, code);
            await Expect(fieldset.Locator("[data-status]")).ToHaveTextAsync("Enregistré");
            var answer = await ReadAnswerAsync(page, code);
            Assert.False(answer.Length == 0, $"The keyboard gave no answer to {code}.");
            answers[code] = answer;
            done++;
        }
    }

    private static ILocator Question(IPage page, string code) => page.Locator($"fieldset.question[data-question='{code}']");

    /// <summary>What the question shows as its answer: the ticked options and the typed value, joined.</summary>
    private static Task<string> ReadAnswerAsync(IPage page, string code) => Question(page, code).EvaluateAsync<string>(
        """
        f => [...f.querySelectorAll('input[type=radio]:checked, input[type=checkbox]:checked')].map(i => i.value)
            .concat([...f.querySelectorAll('input[type=text], textarea')].filter(i => !i.name.endsWith('.Comment')).map(i => i.value.trim()).filter(v => v))
            .join('|')
        """);

    /// <summary>Presses Tab until the focus reaches the answer field of a question (not its comment).</summary>
    private static async Task TabIntoQuestionAsync(IPage page, string code)
    {
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var inside = await page.EvaluateAsync<bool>(
                """
                code => {
                    const e = document.activeElement;
                    const f = e && e.closest('fieldset.question');
                    return !!f && f.dataset.question === code && (e.tagName === 'INPUT' || (e.tagName === 'TEXTAREA' && !e.name.endsWith('.Comment')));
                }
                """, code);
            if (inside) return;
        }
        Assert.Fail($"Tab never reached the answer of question {code}.");
    }

    /// <summary>Presses Tab until the focus is on the element with that tag and text.</summary>
    private static async Task TabToAsync(IPage page, string tag, string text)
    {
        for (var i = 0; i < 200; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var reached = await page.EvaluateAsync<bool>(
                "([tag, text]) => document.activeElement.tagName === tag.toUpperCase() && document.activeElement.textContent.trim() === text",
                new[] { tag, text });
            if (reached) return;
        }
        Assert.Fail($"Tab never reached the {tag} « {text} ».");
    }
}
