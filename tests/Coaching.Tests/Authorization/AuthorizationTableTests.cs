using System.Text;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Tests.Support;
using Coaching.Web.Demo;

namespace Coaching.Tests.Authorization;

/// <summary>
/// Checks <see cref="AuthorizationTable"/> against the running app: every controller action has a row, every row names
/// a real action and reaches it, each of the seven personas gets what the row says, and no unsafe request gets through
/// without its antiforgery token.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuthorizationTableTests(CoachingAppFactory app)
{
    private static readonly string PersonaColumns = string.Join(", ", Personas.All);

    [Fact]
    public void Every_controller_action_has_a_row()
    {
        var covered = AuthorizationTable.Rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var missing = DiscoverActions().Where(a => !covered.Contains(a.Key)).ToList();

        Assert.True(missing.Count == 0,
            $"{missing.Count} controller action(s) have no row in AuthorizationTable.Rows " +
            $"(tests/Coaching.Tests/Authorization/AuthorizationTable.cs). Add these lines, with a URL whose {{placeholders}} " +
            $"come from DemoIds.Placeholders, then replace each ? by the outcome of: {PersonaColumns}.\n" +
            string.Join("\n", missing.Select(a => "    " + a.SuggestedRow)));
    }

    [Fact]
    public void Every_row_names_an_existing_action()
    {
        var actions = DiscoverActions().Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var unknown = AuthorizationTable.Rows.Where(r => !actions.Contains(r.Key)).ToList();

        Assert.True(unknown.Count == 0,
            "These rows of AuthorizationTable.Rows name no controller action of the app (renamed, removed, or wrong HTTP method?):\n" +
            string.Join("\n", unknown.Select(r => "    " + r)) +
            "\nActions of the app:\n" + string.Join("\n", actions.Order().Select(a => "    " + a)));
    }

    [Fact]
    public void Only_the_listed_actions_ignore_antiforgery()
    {
        var ignoring = DiscoverActions().Where(a => a.IgnoresAntiforgery).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        Assert.True(ignoring.SetEquals(AuthorizationTable.IgnoringAntiforgery),
            "Actions with [IgnoreAntiforgeryToken]: " + string.Join(", ", ignoring.Order()) +
            "; AuthorizationTable.IgnoringAntiforgery lists: " + string.Join(", ", AuthorizationTable.IgnoringAntiforgery.Order()) +
            ". Every unsafe request must carry an antiforgery token: an exception is a team decision, listed in the table.");
    }

    [Fact]
    public async Task Each_persona_gets_the_outcome_of_the_table()
    {
        var failures = new List<string>();
        foreach (var row in AuthorizationTable.Rows)
        {
            foreach (var persona in Personas.All)
            {
                var expected = row.Expected(persona) is { Location: { } location } redirect ? redirect with { Location = app.Ids.Resolve(location) } : row.Expected(persona);
                var (actual, matchedAction, log) = await SendAsync(row, persona, withAntiforgeryToken: true);
                if (matchedAction != row.Controller + "." + row.Action)
                    failures.Add($"{row} as {persona}: the URL reached {matchedAction ?? "no controller action"}, not {row.Controller}.{row.Action}.");
                else if (!expected.Matches(actual))
                    failures.Add($"{row} as {persona}: expected {expected}, got {actual}.{log}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} outcome(s) differ from AuthorizationTable.Rows:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Unsafe_requests_without_antiforgery_token_answer_400()
    {
        var actions = DiscoverActions().ToDictionary(a => a.Key, StringComparer.Ordinal);
        var failures = new List<string>();
        var checkedRequests = 0;
        foreach (var row in AuthorizationTable.Rows.Where(r => r.Method is not ("GET" or "HEAD")))
        {
            if (actions.TryGetValue(row.Key, out var action) && action.IgnoresAntiforgery) continue;
            foreach (var persona in Personas.All)
            {
                var (actual, _, log) = await SendAsync(row, persona, withAntiforgeryToken: false);
                checkedRequests++;
                // Refusing the person first is fine too: the request did not get through either way.
                var expected = row.Expected(persona);
                var refusedFirst = (expected.Kind is nameof(Outcome.Login) or nameof(Outcome.Forbidden)) && expected.Matches(actual);
                if (actual.Kind != nameof(Outcome.BadRequest) && !refusedFirst)
                    failures.Add($"{row} as {persona} without antiforgery token: expected BadRequest, got {actual}.{log}");
            }
        }

        Assert.True(checkedRequests > 0, "The table has no unsafe row: the test would check nothing.");
        Assert.True(failures.Count == 0, "Unsafe requests got through without an antiforgery token:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Missing_token_is_answered_with_the_French_error_page()
    {
        using var client = app.CreateBrowserClient();
        var page = await client.PostFormAsync("/connexion", antiforgeryToken: null, ("Email", "x@exemple.fr"), ("Password", "x")).ToPageAsync();

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Requête incorrecte", page.Text, StringComparison.Ordinal);
    }

    private async Task<(Outcome Actual, string? MatchedAction, string Log)> SendAsync(Row row, Persona persona, bool withAntiforgeryToken)
    {
        // Signing out ends the session on the server: do it with a session of its own, not the persona's shared one.
        var ownSession = row.Url == "/deconnexion" && persona != Persona.Anonymous;
        using var client = ownSession ? await app.SignInAsync(persona.Account()!.Email, DemoAccounts.Password) : await app.CreateClientAs(persona);
        var url = app.Ids.Resolve(row.Url);
        var logMark = app.Log.Count;

        HttpResponseMessage response;
        if (row.Method is AuthorizationTable.GET or AuthorizationTable.ANY && withAntiforgeryToken)
        {
            response = await client.GetAsync(url);
        }
        else
        {
            var method = row.Method == AuthorizationTable.ANY ? "POST" : row.Method;
            var fields = ParseForm(app.Ids.Resolve(row.Form));
            if (withAntiforgeryToken)
            {
                var token = persona == Persona.Anonymous || ownSession
                    ? (await client.GetPageAsync("/connexion")).AntiforgeryToken!
                    : await app.AntiforgeryTokenOf(persona);
                fields.Add(new(HtmlPage.AntiforgeryFieldName, token));
            }
            else if (persona == Persona.Anonymous)
            {
                await client.GetAsync("/connexion"); // an antiforgery cookie, but no token in the form
            }
            response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new FormUrlEncodedContent(fields) });
        }

        using (response)
        {
            var actual = Outcome.Of(response);
            var errors = app.Log.Since(logMark).ToList();
            var log = errors.Count == 0 ? "" : "\n      app log: " + string.Join("\n      app log: ", errors);
            return (actual, MatchedActionHeader.Of(response), log);
        }
    }

    private static List<KeyValuePair<string, string>> ParseForm(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string>(Uri.UnescapeDataString(kv[0]), kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : ""))
            .ToList();

    private IEnumerable<DiscoveredAction> DiscoverActions() =>
        app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .SelectMany(DiscoveredAction.From)
            .DistinctBy(a => a.Key)
            .OrderBy(a => a.Key, StringComparer.Ordinal);

    private sealed record DiscoveredAction(string Controller, string Action, string Method, string? Template, bool IgnoresAntiforgery)
    {
        public string Key => Row.ActionKey(Controller, Action, Method);
        public string Name => $"{Controller}.{Action}";

        public string SuggestedRow
        {
            get
            {
                var method = Method switch
                {
                    "GET" => "GET",
                    "POST" => "POST",
                    AuthorizationTable.ANY => "ANY",
                    _ => $"\"{Method}\"",
                };
                var url = Template is null ? $"/{Controller}/{Action}" : "/" + Template;
                var outcomes = string.Join(", ", Personas.All.Select(_ => "?"));
                var builder = new StringBuilder();
                builder.Append($"new(\"{Controller}\", \"{Action}\", {method}, \"{url}\", {outcomes}),");
                if (Template is null) builder.Append(" // conventional route");
                return builder.ToString();
            }
        }

        public static IEnumerable<DiscoveredAction> From(ControllerActionDescriptor action)
        {
            var methods = (action.ActionConstraints ?? [])
                .OfType<HttpMethodActionConstraint>()
                .SelectMany(c => c.HttpMethods)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(m => m.ToUpperInvariant())
                .ToList();
            if (methods.Count == 0) methods.Add(AuthorizationTable.ANY);
            var ignoresAntiforgery = action.FilterDescriptors
                .OrderBy(f => f.Order).ThenBy(f => f.Scope)
                .LastOrDefault(f => f.Filter is IAntiforgeryPolicy)?.Filter is Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute;
            return methods.Select(m => new DiscoveredAction(action.ControllerName, action.ActionName, m, action.AttributeRouteInfo?.Template, ignoresAntiforgery));
        }
    }
}
