using static Coaching.Tests.Authorization.Outcome;

using Coaching.Tests.Support;

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
/// BadRequest (400), Refused (422), Conflict (409), Redirect (any other 3xx) or RedirectTo("/path").
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
        new("Account",   "ForgotPassword",   GET,   "/mot-de-passe-oublie",          Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        new("Account",   "ForgotPassword",   POST,  "/mot-de-passe-oublie",          Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        new("Account",   "ResetPassword",    GET,   "/reinitialiser-mot-de-passe",   Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        new("Account",   "ResetPassword",    POST,  "/reinitialiser-mot-de-passe",   Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        new("Account",   "AcceptInvitation", GET,   "/invitation",                   Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        new("Account",   "AcceptInvitation", POST,  "/invitation",                   Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok,                     Ok),
        // The second sign-in step needs a password step first: without one, everybody goes back to the sign-in page.
        new("TwoFactorSignIn", "Code",       GET,   "/connexion/code",               RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion")),
        new("TwoFactorSignIn", "Code",       POST,  "/connexion/code",               RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion")),
        new("TwoFactorSignIn", "Recovery",   GET,   "/connexion/code-de-secours",    RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion")),
        new("TwoFactorSignIn", "Recovery",   POST,  "/connexion/code-de-secours",    RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion"), RedirectTo("/connexion")),
        // Two-factor sign-in is for staff; the demo accounts have it off, so turning it off or renewing codes goes back to the page.
        new("Security",  "Index",            GET,   "/compte/securite",                   Login, Ok,        Ok,        Ok,       Ok,       Ok,       Ok),
        new("Security",  "Setup",            GET,   "/compte/securite/authentificateur",  Login, Forbidden, Forbidden, Ok,       Ok,       Ok,       Ok),
        new("Security",  "Setup",            POST,  "/compte/securite/authentificateur",  Login, Forbidden, Forbidden, Ok,       Ok,       Ok,       Ok) { Form = "Code=abc" },
        new("Security",  "RenewRecoveryCodes", POST, "/compte/securite/codes-de-secours", Login, Forbidden, Forbidden, Redirect, Redirect, Redirect, Redirect),
        new("Security",  "Disable",          GET,   "/compte/securite/desactiver",        Login, Forbidden, Forbidden, Redirect, Redirect, Redirect, Redirect),
        new("Security",  "Disable",          POST,  "/compte/securite/desactiver",        Login, Forbidden, Forbidden, Redirect, Redirect, Redirect, Redirect),
        new("Security",  "EndSession",       POST,  "/compte/securite/sessions/terminer",  Login, Redirect,  Redirect,  Redirect, Redirect, Redirect, Redirect) { Form = "id=aucune" },
        new("Password",  "Index",            GET,   "/compte/mot-de-passe",               Login, Ok,        Ok,        Ok,       Ok,       Ok,       Ok),
        new("Password",  "Index",            POST,  "/compte/mot-de-passe",               Login, Ok,        Ok,        Ok,       Ok,       Ok,       Ok) { Form = "CurrentPassword=faux" },
        new("Errors",    "Show",             ANY,   "/erreur/404",                   NotFound,               NotFound,               NotFound,               NotFound,               NotFound,               NotFound,               NotFound),
        new("Home",      "Index",            ANY,   "/",                             Login,                  RedirectTo("/mon-espace"), RedirectTo("/mon-espace"), RedirectTo("/portefeuille"), RedirectTo("/portefeuille"), RedirectTo("/dossiers"), RedirectTo("/dossiers")),

        // Staff area: merchants get 403 whatever the id, so that no id reveals anything. A case file (and its plan, roadmap,
        // sessions, diagnostics, privacy page) answers 404 to staff who may not read it and 403 to those who may only read it.
        new("Merchants", "Index",            ANY,   "/dossiers",                                 Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Merchants", "Details",          ANY,   "/dossiers/{merchantOfAdvisorA}",    Login, Forbidden, Forbidden, Ok,        NotFound , Ok,        Ok),
        new("Merchants", "Details",          ANY,   "/dossiers/{merchantOfAdvisorB}",    Login, Forbidden, Forbidden, NotFound , Ok,        Ok,        Ok),
        new("Merchants", "Details",          ANY,   "/dossiers/{unassignedOfAdvisorA}",  Login, Forbidden, Forbidden, Ok,        NotFound , Ok,        Ok),
        new("Merchants", "Details",          ANY,   "/dossiers/{unknownMerchant}",       Login, Forbidden, Forbidden, NotFound,  NotFound,  NotFound,  NotFound),
        new("Merchants", "Create",           GET,   "/dossiers/nouveau",                          Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Merchants", "Create",           POST,  "/dossiers/nouveau",                          Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Merchants", "Edit",             GET,   "/dossiers/{merchantOfAdvisorA}/modifier",       Login, Forbidden, Forbidden, Ok,        NotFound , Ok,        Ok),
        new("Merchants", "Edit",             GET,   "/dossiers/{unassignedOfAdvisorA}/modifier",     Login, Forbidden, Forbidden, Forbidden, NotFound , Ok,        Ok),
        new("Merchants", "Edit",             POST,  "/dossiers/{merchantOfAdvisorB}/modifier",       Login, Forbidden, Forbidden, NotFound , Ok,        Ok,        Ok),
        new("Merchants", "Edit",             POST,  "/dossiers/{unknownMerchant}/modifier",          Login, Forbidden, Forbidden, NotFound,  NotFound,  NotFound,  NotFound),
        new("Merchants", "Reassign",         POST,  "/dossiers/{merchantOfAdvisorA}/reaffecter",   Login, Forbidden, Forbidden, Forbidden, Forbidden, Redirect,  Redirect) { Form = "advisorId=not-an-advisor" },
        new("Merchants", "Reassign",         POST,  "/dossiers/{unknownMerchant}/reaffecter",      Login, Forbidden, Forbidden, Forbidden, Forbidden, NotFound,  NotFound) { Form = "advisorId=" },
        new("Reference", "Communes",         GET,   "/reference/communes?postcode=33000",         Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Import",    "Index",            ANY,   "/importer",                                    Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Import",    "Template",         GET,   "/importer/modele",                           Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Import",    "Preview",          POST,  "/importer/apercu",                            Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Import",    "Confirm",          POST,  "/importer/confirmer",                            Login, Forbidden, Forbidden, RedirectTo("/importer"), RedirectTo("/importer"), RedirectTo("/importer"), RedirectTo("/importer")) { Form = "token=5d0b8a4e-1c1e-4a53-9d55-7d0b7f7b2c11" },
        new("Users",     "Index",            ANY,   "/comptes",                                     Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Users",     "Invite",           GET,   "/comptes/inviter",                              Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Users",     "Invite",           GET,   "/comptes/inviter?merchantId={merchantOfAdvisorB}", Login, Forbidden, Forbidden, NotFound , Ok,     Ok,        Ok),
        new("Users",     "Invite",           GET,   "/comptes/inviter?merchantId={unknownMerchant}", Login, Forbidden, Forbidden, NotFound,  NotFound,  NotFound,  NotFound),
        new("Users",     "Invite",           POST,  "/comptes/inviter",                              Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Users",     "ResendInvitation", POST,  "/comptes/{merchantAUser}/renvoyer-invitation",    Login, Forbidden, Forbidden, RedirectTo("/comptes"), Forbidden, RedirectTo("/comptes"), RedirectTo("/comptes")),
        new("Users",     "ResendInvitation", POST,  "/comptes/{advisorB}/renvoyer-invitation",         Login, Forbidden, Forbidden, Forbidden, Forbidden, RedirectTo("/comptes"), RedirectTo("/comptes")),
        new("Users",     "SetActive",        POST,  "/comptes/{advisorA}/activation",                Login, Forbidden, Forbidden, Forbidden, Forbidden, RedirectTo("/comptes"), RedirectTo("/comptes")) { Form = "active=true" },
        new("Caseloads", "Index",            ANY,   "/portefeuilles",                                 Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        Ok),
        new("Caseloads", "Transfer",         POST,  "/portefeuilles/transfert",                        Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        Ok),
        new("Settings",  "Index",            GET,   "/reglages",                                  Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok),
        new("Settings",  "Index",            POST,  "/reglages",                                  Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok),
        new("Settings",  "UploadLogo",       POST,  "/reglages/logo",                       Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok),
        new("Settings",  "RemoveLogo",       POST,  "/reglages/logo/supprimer",                       Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, RedirectTo("/reglages")),
        new("Settings",  "Logo",             GET,   "/reglages/logo",                             NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound),

        // Diagnostics: readers see results; only those who may fill an assessment (the merchant for a self-assessment,
        // the assigned advisor or the club's managers for a diagnostic) reach its steps.
        new("Diagnostics", "Mine",           GET,   "/mon-diagnostic",                                      Login, RedirectTo("/dossiers/{merchantA}/diagnostics"), RedirectTo("/dossiers/{merchantB}/diagnostics"), Forbidden, Forbidden, Forbidden, Forbidden),
        new("Diagnostics", "Index",          GET,   "/dossiers/{merchantA}/diagnostics",                    Login, Ok,        NotFound,  Ok,        NotFound,  Ok,        Ok),
        new("Diagnostics", "Index",          GET,   "/dossiers/{merchantOfAdvisorB}/diagnostics",           Login, NotFound,  NotFound,  NotFound,  Ok,        Ok,        Ok),
        new("Diagnostics", "Start",          POST,  "/dossiers/{merchantA}/diagnostics",                    Login, Redirect,  NotFound,  Forbidden, NotFound,  Forbidden, Forbidden) { Form = "Kind=SelfAssessment" },
        new("Diagnostics", "Start",          POST,  "/dossiers/{merchantWithDiagnosticInProgress}/diagnostics", Login, NotFound, NotFound, Redirect, NotFound,  Redirect,  Redirect),
        new("Diagnostics", "Validate",       POST,  "/diagnostics/{diagnosticOfMerchantA}/valider",         Login, NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound),
        new("Diagnostics", "Step",           GET,   "/diagnostics/{diagnosticInProgress}/etape/1",          Login, NotFound,  NotFound,  Ok,        NotFound,  Ok,        Ok),
        new("Diagnostics", "Resume",         GET,   "/diagnostics/{diagnosticInProgress}/reprendre",        Login, NotFound,  NotFound,  Redirect,  NotFound,  Redirect,  Redirect),
        new("Diagnostics", "SaveStep",       POST,  "/diagnostics/{diagnosticInProgress}/etape/1",          Login, NotFound,  NotFound,  Redirect,  NotFound,  Redirect,  Redirect),
        new("Diagnostics", "SaveAnswers",    POST,  "/diagnostics/{diagnosticInProgress}/reponses",         Login, NotFound,  NotFound,  Ok,        NotFound,  Ok,        Ok),
        new("Diagnostics", "Review",         GET,   "/diagnostics/{diagnosticInProgress}/terminer",         Login, NotFound,  NotFound,  Ok,        NotFound,  Ok,        Ok),
        new("Diagnostics", "Complete",       POST,  "/diagnostics/{diagnosticInProgress}/terminer",         Login, NotFound,  NotFound,  Refused,   NotFound,  Refused,   Refused),
        new("Diagnostics", "Results",        GET,   "/diagnostics/{diagnosticOfMerchantA}",                 Login, Ok,        NotFound,  Ok,        NotFound,  Ok,        Ok),
        new("Diagnostics", "Results",        GET,   "/diagnostics/{diagnosticOfMerchantB}",                 Login, NotFound,  Ok,        NotFound,  Ok,        Ok,        Ok),

        // Questionnaire administration: admins only. Publish and retire aim at an unknown id so that the table changes nothing.
        new("Questionnaires", "Index",       GET,   "/questionnaires",                                      Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok),
        new("Questionnaires", "Details",     GET,   "/questionnaires/{questionnaire}",                      Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok),
        new("Questionnaires", "Export",      GET,   "/questionnaires/{questionnaire}/export",               Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok),
        new("Questionnaires", "Import",      GET,   "/questionnaires/import",                               Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok),
        new("Questionnaires", "Import",      POST,  "/questionnaires/import",                               Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Refused),
        new("Questionnaires", "Derive",      POST,  "/questionnaires/{unknownMerchant}/deriver",            Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound),
        new("Questionnaires", "Edit",        GET,   "/questionnaires/{questionnaire}/modifier",             Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Redirect),
        new("Questionnaires", "Edit",        POST,  "/questionnaires/{questionnaire}/modifier",             Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Redirect),
        new("Questionnaires", "Publish",     POST,  "/questionnaires/{unknownMerchant}/publier",            Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound),
        new("Questionnaires", "Retire",      POST,  "/questionnaires/{unknownMerchant}/retirer",            Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound),

        // Coaching sessions, plans, catalogue and follow-up (staff only).
        new("Sessions",  "Mine",             GET,   "/seances",                                             Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Sessions",  "Create",           GET,   "/seances/nouvelle?dossier={merchantA}",                Login, Forbidden, Forbidden, Ok,        NotFound , Ok,        Ok),
        new("Sessions",  "Create",           POST,  "/seances/nouvelle",                                    Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Sessions",  "Details",          GET,   "/seances/{sessionOfMerchantA}",                        Login, Forbidden, Forbidden, Ok,        NotFound , Ok,        Ok),
        new("Sessions",  "Edit",             GET,   "/seances/{sessionOfMerchantA}/modifier",               Login, Forbidden, Forbidden, Ok,        NotFound , Ok,        Ok),
        new("Sessions",  "Edit",             POST,  "/seances/{sessionOfMerchantB}/modifier",               Login, Forbidden, Forbidden, NotFound , Ok,        Ok,        Ok),
        new("Sessions",  "Appointment",      GET,   "/seances/{sessionOfMerchantA}/rendez-vous.ics",        Login, Forbidden, Forbidden, Ok,        NotFound , Ok,        Ok),
        new("Plans",     "Index",            GET,   "/dossiers/{merchantA}/plan",                           Login, Forbidden, Forbidden, Ok,        NotFound , Ok,        Ok),
        new("Plans",     "Propose",          GET,   "/dossiers/{merchantB}/plan/proposition",               Login, Forbidden, Forbidden, NotFound , Ok,        Ok,        Ok),
        new("Plans",     "Accept",           POST,  "/dossiers/{merchantB}/plan/proposition",               Login, Forbidden, Forbidden, NotFound , Ok,        Ok,        Ok),
        new("Plans",     "Add",              POST,  "/dossiers/{merchantA}/plan/ajouter",                   Login, Forbidden, Forbidden, Refused,   NotFound , Refused,   Refused),
        new("Plans",     "EditItem",         GET,   "/dossiers/{merchantA}/plan/actions/{planItemOfMerchantA}", Login, Forbidden, Forbidden, Ok,    NotFound , Ok,        Ok),
        new("Plans",     "EditItem",         POST,  "/dossiers/{merchantA}/plan/actions/{planItemOfMerchantA}", Login, Forbidden, Forbidden, Ok,    NotFound , Ok,        Ok),
        // Co-advisor: advisor A co-ran this session of merchant B (advisor B's caseload). A reads that session, which they
        // ran, and its appointment, but may not change it, and gets nothing else of merchant B's case file (README, security).
        new("Sessions",  "Details",          GET,   "/seances/{sessionCoRunByAdvisorA}",                    Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Sessions",  "Edit",             GET,   "/seances/{sessionCoRunByAdvisorA}/modifier",           Login, Forbidden, Forbidden, Forbidden, Ok,        Ok,        Ok),
        new("Sessions",  "Edit",             POST,  "/seances/{sessionCoRunByAdvisorA}/modifier",           Login, Forbidden, Forbidden, Forbidden, Ok,        Ok,        Ok),
        new("Merchants", "Details",          ANY,   "/dossiers/{merchantB}",                                Login, Forbidden, Forbidden, NotFound , Ok,        Ok,        Ok),
        new("Plans",     "Index",            GET,   "/dossiers/{merchantB}/plan",                           Login, Forbidden, Forbidden, NotFound , Ok,        Ok,        Ok),
        // An action of another merchant's plan addressed through this merchant's URL is not found.
        new("Plans",     "EditItem",         GET,   "/dossiers/{merchantA}/plan/actions/{planItemOfMerchantB}", Login, Forbidden, Forbidden, NotFound, NotFound , NotFound, NotFound),
        new("Plans",     "ConfirmRemove",    GET,   "/dossiers/{merchantA}/plan/actions/{planItemOfMerchantA}/retirer", Login, Forbidden, Forbidden, Ok, NotFound , Ok, Ok),
        new("Plans",     "SetStatus",        POST,  "/dossiers/{merchantA}/plan/actions/{planItemOfMerchantA}/statut", Login, Forbidden, Forbidden, Refused, NotFound , Refused, Refused),
        new("Plans",     "Remove",           POST,  "/dossiers/{merchantA}/plan/actions/{planItemOfMerchantB}/retirer", Login, Forbidden, Forbidden, Conflict, NotFound , Conflict, Conflict),
        new("Plans",     "Move",             POST,  "/dossiers/{merchantA}/plan/actions/{planItemOfMerchantB}/deplacer", Login, Forbidden, Forbidden, Refused, NotFound , Refused, Refused),
        new("Actions",   "Index",            GET,   "/actions",                                             Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Actions",   "Edit",             GET,   "/actions/GOOGLE_BUSINESS_PROFILE/modifier",            Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok),
        new("Actions",   "Edit",             POST,  "/actions/GOOGLE_BUSINESS_PROFILE/modifier",            Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok),
        new("Portfolio", "Index",            GET,   "/portefeuille",                                        Login, Forbidden, Forbidden, Ok,        Ok,        RedirectTo("/portefeuille/equipe"), RedirectTo("/portefeuille/equipe")),
        new("Portfolio", "Team",             GET,   "/portefeuille/equipe",                                 Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        Ok),

        // PDF roadmap (feuille de route) and the merchant's space: staff preview, issue and download per case file; a merchant
        // reaches only their own roadmaps, appointment and plan, through /mon-espace (another merchant's roadmap id: 404).
        // Issue posts a stale version number and MarkDone a stale token, so that the table issues and changes nothing.
        new("Roadmaps",  "Index",            GET,   "/dossiers/{merchantA}/feuille-de-route",               Login, Forbidden, Forbidden, Ok,        NotFound , Ok,        Ok),
        new("Roadmaps",  "Index",            GET,   "/dossiers/{unassignedOfAdvisorA}/feuille-de-route",    Login, Forbidden, Forbidden, Ok,        NotFound , Ok,        Ok),
        new("Roadmaps",  "Preview",          GET,   "/dossiers/{merchantB}/feuille-de-route/apercu",        Login, Forbidden, Forbidden, NotFound , Ok,        Ok,        Ok),
        new("Roadmaps",  "Preview",          GET,   "/dossiers/{unknownMerchant}/feuille-de-route/apercu",  Login, Forbidden, Forbidden, NotFound,  NotFound,  NotFound,  NotFound),
        new("Roadmaps",  "Issue",            POST,  "/dossiers/{merchantA}/feuille-de-route",               Login, Forbidden, Forbidden, Conflict,  NotFound , Conflict,  Conflict) { Form = "number=0" },
        new("Roadmaps",  "Issue",            POST,  "/dossiers/{unassignedOfAdvisorA}/feuille-de-route",    Login, Forbidden, Forbidden, Forbidden, NotFound , Conflict,  Conflict) { Form = "number=0" },
        new("Roadmaps",  "Issue",            POST,  "/dossiers/{unknownMerchant}/feuille-de-route",         Login, Forbidden, Forbidden, NotFound,  NotFound,  NotFound,  NotFound) { Form = "number=0" },
        new("Roadmaps",  "Download",         GET,   "/dossiers/{merchantA}/feuille-de-route/{roadmapOfMerchantA}", Login, Forbidden, Forbidden, Ok,   NotFound , Ok,        Ok),
        new("Roadmaps",  "Download",         GET,   "/dossiers/{merchantA}/feuille-de-route/{roadmapOfMerchantB}", Login, Forbidden, Forbidden, NotFound, NotFound , NotFound, NotFound),
        new("MySpace",   "Roadmap",          GET,   "/mon-espace/feuilles-de-route/{roadmapOfMerchantA}",      Login, Ok,        NotFound,  Forbidden, Forbidden, Forbidden, Forbidden),
        new("MySpace",   "Roadmap",          GET,   "/mon-espace/feuilles-de-route/{roadmapOfMerchantB}",      Login, NotFound,  Ok,        Forbidden, Forbidden, Forbidden, Forbidden),
        new("MySpace",   "Roadmap",          GET,   "/mon-espace/feuilles-de-route/{unknownMerchant}",         Login, NotFound,  NotFound,  Forbidden, Forbidden, Forbidden, Forbidden),
        new("MySpace",   "Appointment",      GET,   "/mon-espace/rendez-vous.ics",                             Login, Ok,        Ok,        Forbidden, Forbidden, Forbidden, Forbidden),
        new("MySpace",   "UndoDone",         POST,  "/mon-espace/actions/{planItemOfMerchantA}/annuler",       Login, Conflict,  NotFound,  Forbidden, Forbidden, Forbidden, Forbidden) { Form = "version=5d0b8a4e-1c1e-4a53-9d55-7d0b7f7b2c11" },
        new("MySpace",   "MarkDone",         POST,  "/mon-espace/actions/{planItemOfMerchantA}/fait",          Login, Conflict,  NotFound,  Forbidden, Forbidden, Forbidden, Forbidden) { Form = "Version=5d0b8a4e-1c1e-4a53-9d55-7d0b7f7b2c11" },
        new("MySpace",   "MarkDone",         POST,  "/mon-espace/actions/{planItemOfMerchantB}/fait",          Login, NotFound,  Conflict,  Forbidden, Forbidden, Forbidden, Forbidden) { Form = "Version=5d0b8a4e-1c1e-4a53-9d55-7d0b7f7b2c11" },

        // Club reports: staff only; an advisor sees their own caseload, and naming another advisor gets a message, not figures.
        new("Reports",   "Index",            GET,   "/rapports",                                            Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Reports",   "Index",            GET,   "/rapports?Advisor={advisorB}",                         Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Reports",   "Csv",              GET,   "/rapports/export.csv",                                 Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Reports",   "OpenData",         GET,   "/rapports/donnees-ouvertes.csv",                       Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),
        new("Reports",   "Pdf",              GET,   "/rapports/rapport.pdf",                                Login, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok),

        new("Privacy",   "Index",            GET,   "/dossiers/{merchantOfAdvisorA}/rgpd",                  Login, Forbidden, Forbidden, Ok,        NotFound , Ok,        Ok),
        new("Privacy",   "Index",            GET,   "/dossiers/{unassignedOfAdvisorA}/rgpd",                Login, Forbidden, Forbidden, Forbidden, NotFound , Ok,        Ok),
        new("Privacy",   "Index",            GET,   "/dossiers/{unknownMerchant}/rgpd",                     Login, Forbidden, Forbidden, NotFound,  NotFound,  NotFound,  NotFound),
        new("Privacy",   "Export",           GET,   "/dossiers/{merchantOfAdvisorB}/rgpd/export.zip",       Login, Forbidden, Forbidden, NotFound , Ok,        Ok,        Ok),
        new("Privacy",   "Erase",            POST,  "/dossiers/{merchantOfAdvisorA}/rgpd/effacer",          Login, Forbidden, Forbidden, Refused,   NotFound , Refused,   Refused),
        new("Privacy",   "Erase",            POST,  "/dossiers/{unknownMerchant}/rgpd/effacer",             Login, Forbidden, Forbidden, NotFound,  NotFound,  NotFound,  NotFound),
        new("Privacy",   "Register",         GET,   "/rgpd/registre",                                       Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok),
        new("Audit",     "Index",            GET,   "/journal",                                             Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok),
        new("Audit",     "Index",            GET,   "/journal?Action=Nope&From=hier",                       Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok),

        // The merchant's own space: only merchants, and only their own file (the id comes from the account, never the URL).
        new("MySpace",   "Index",            ANY,   "/mon-espace",                                   Login, Ok,        Ok,        Forbidden, Forbidden, Forbidden, Forbidden),
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
