
namespace Coaching.Core.Audit;

public enum AuditAction
{
    SignIn = 0,
    SignInFailed = 1,
    SignOut = 2,
    Read = 10,
    Change = 11,
    Export = 20,
    Erasure = 30,
    Anonymisation = 31,
    ConsentChange = 32,
}

public enum AuditTarget
{
    None = 0,
    Account = 1,
    Merchant = 2,
    Session = 3,
    Assessment = 4,
    Roadmap = 6,
    Report = 7,
    AuditLog = 8,
}

/// <summary>
/// One line of the audit trail: who did what, to what, when and from where. Append-only (the DbContext refuses to
/// modify or delete it and SQLite triggers abort UPDATE and early DELETE); only the retention purge removes expired
/// lines. It never copies a name or an e-mail address, so that erasing a person never has to touch the log: the actor
/// is a user id, and a failed sign-in on an unknown address keeps only a keyed hash of it.
/// </summary>
public class AuditEntry
{
    public const int DetailLength = 200;

    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? ActorId { get; set; }

    /// <summary>HMAC-SHA256 (hex) of the normalised e-mail typed in a failed sign-in, see <see cref="AuditEmailHasher"/>.</summary>
    public string? EmailHash { get; set; }

    public AuditAction Action { get; set; }
    public AuditTarget TargetType { get; set; }
    public string? TargetId { get; set; }

    /// <summary>Short technical detail (action name, file type…), never personal data.</summary>
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
    public string? CorrelationId { get; set; }
}

public static class AuditLabels
{
    public static string Label(this AuditAction action) => action switch
    {
        AuditAction.SignIn => "Connexion",
        AuditAction.SignInFailed => "Connexion refusée",
        AuditAction.SignOut => "Déconnexion",
        AuditAction.Read => "Consultation",
        AuditAction.Change => "Modification",
        AuditAction.Export => "Export",
        AuditAction.Erasure => "Effacement",
        AuditAction.Anonymisation => "Anonymisation automatique",
        AuditAction.ConsentChange => "Consentement",
        _ => action.ToString(),
    };

    public static string Label(this AuditTarget target) => target switch
    {
        AuditTarget.None => "–",
        AuditTarget.Account => "Compte",
        AuditTarget.Merchant => "Dossier",
        AuditTarget.Session => "Séance",
        AuditTarget.Assessment => "Diagnostic",
        AuditTarget.Roadmap => "Feuille de route",
        AuditTarget.Report => "Rapport",
        AuditTarget.AuditLog => "Journal",
        _ => target.ToString(),
    };
}
