using Coaching.Tests.Infrastructure;
using static Coaching.Tests.Authorization.Outcome;

namespace Coaching.Tests.Authorization;

/// <summary>
/// THE authorization table: what each persona gets from each controller action. Every action of the app must have at
/// least one row (AuthorizationTableTests fails naming the missing ones and prints the lines to add), and every row must
/// name an action that exists and whose URL reaches it.
/// <para>
/// One line per action (add more lines for the same action to try other resources, e.g. another persona's file).
/// URLs may contain the placeholders of <see cref="DemoIds.Placeholders"/>: {merchantA}, {merchantB} (the merchants
/// with an account, assigned to advisor A and B), {merchantOfAdvisorA}, {merchantOfAdvisorB}, {unassignedOfAdvisorA},
/// {unassignedOfAdvisorB} (unassigned, in that advisor's departments), {unknownMerchant}, {advisorA}, {advisorB}…
/// </para>
/// <para>
/// Unsafe methods are sent with a valid antiforgery token of the persona's session and the row's <see cref="Row.Form"/>
/// body (empty by default): choose a body that fails validation or is harmless, so that the row checks who gets in, not
/// what gets saved. The same request without the token must answer 400 (see the antiforgery test).
/// </para>
/// Outcomes: Ok (2xx), Login (redirect to the sign-in page), Forbidden (403 or redirect to /acces-refuse), NotFound (404),
/// BadRequest (400), Redirect (any other 3xx) or RedirectTo("/path").
/// </summary>
public static class AuthorizationTable
{
    public const string GET = "GET";
    public const string POST = "POST";

    /// <summary>An action without an HTTP method constraint (it answers GET and POST alike); the table sends GET.</summary>
    public const string ANY = "ANY";

    public static IReadOnlyList<Row> Rows { get; } =
    [
        //  Controller   Action              Method URL                              Anonymous               MerchantA               MerchantB               AdvisorA                AdvisorB                Manager                 Admin
        new("Account",   "Login",            GET,   "/connexion",                    Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        new("Account",   "Login",            POST,  "/connexion",                    Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        new("Account",   "Logout",           POST,  "/deconnexion",                  RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion")),
        new("Account",   "AccessDenied",     GET,   "/acces-refuse",                 Forbidden,              Forbidden,              Forbidden,              Forbidden,              Forbidden,              Forbidden,              Forbidden),
        new("Account",   "ForgotPassword",   GET,   "/mot-de-passe-oublie",          Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        new("Account",   "ForgotPassword",   POST,  "/mot-de-passe-oublie",          Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        new("Account",   "ResetPassword",    GET,   "/reinitialiser-mot-de-passe",   Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        new("Account",   "ResetPassword",    POST,  "/reinitialiser-mot-de-passe",   Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        new("Account",   "AcceptInvitation", GET,   "/invitation",                   Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        new("Account",   "AcceptInvitation", POST,  "/invitation",                   Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        new("Errors",    "Show",             ANY,   "/erreur/404",                   NotFound,               NotFound,               NotFound,               NotFound,               NotFound,               NotFound,               NotFound),
        new("Home",      "Index",            ANY,   "/",                             Login,                  RedirectTo("/MySpace"), RedirectTo("/MySpace"), RedirectTo("/Merchants"), RedirectTo("/Merchants"), RedirectTo("/Merchants"), RedirectTo("/Merchants")),

        // Examples of rows for resources (the controllers land from main):
        // new("Merchants", "Details",       GET,   "/dossiers/{merchantOfAdvisorB}", Login,                 NotFound,               NotFound,               NotFound,               Ok,                     Ok,                     Ok),
        // new("Merchants", "Edit",          POST,  "/dossiers/{unassignedOfAdvisorA}/modifier", Login,      Forbidden,              Forbidden,              Forbidden,              NotFound,               Ok,                     Ok) { Form = "BusinessName=" },
    ];

    /// <summary>
    /// The only actions allowed to skip antiforgery validation ([IgnoreAntiforgeryToken]), as "Controller.Action".
    /// The error page must: the status-code pages re-execute it for a failed POST, itself without a valid token.
    /// </summary>
    public static IReadOnlySet<string> IgnoringAntiforgery { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Errors.Show",
    };
}

/// <summary>One line of the authorization table: a request, and what each persona gets from it.</summary>
public sealed record Row(
    string Controller,
    string Action,
    string Method,
    string Url,
    Outcome Anonymous,
    Outcome MerchantA,
    Outcome MerchantB,
    Outcome AdvisorA,
    Outcome AdvisorB,
    Outcome Manager,
    Outcome Admin)
{
    /// <summary>Body of an unsafe request, URL-encoded ("Name=&amp;Email=x"); placeholders allowed. The token is added.</summary>
    public string Form { get; init; } = "";

    public string Key => ActionKey(Controller, Action, Method);

    public static string ActionKey(string controller, string action, string method) => $"{controller}.{action} {method}";

    public Outcome Expected(Persona persona) => persona switch
    {
        Persona.Anonymous => Anonymous,
        Persona.MerchantA => MerchantA,
        Persona.MerchantB => MerchantB,
        Persona.AdvisorA => AdvisorA,
        Persona.AdvisorB => AdvisorB,
        Persona.Manager => Manager,
        Persona.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(persona), persona, null),
    };

    public override string ToString() => $"{Key} {Url}";
}
