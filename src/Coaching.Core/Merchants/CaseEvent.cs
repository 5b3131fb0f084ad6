using Coaching.Core.Identity;

namespace Coaching.Core.Merchants;

public enum CaseEventKind
{
    Created = 0,
    Updated = 1,
    Reassigned = 2,
    StatusChanged = 3,
    ConsentRecorded = 4,
    Imported = 5,
    AccountInvited = 6,
    DiagnosticStarted = 7,
    DiagnosticCompleted = 8,
    SessionRecorded = 20,
    SessionUpdated = 21,
    PlanProposed = 22,
    PlanChanged = 23,
    ActionProgress = 24,
    RoadmapIssued = 30,
    Anonymised = 40,
}

/// <summary>One line of a case file's timeline; append-only.</summary>
public class CaseEvent
{
    public long Id { get; set; }
    public int MerchantId { get; set; }
    public Merchant? Merchant { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public CaseEventKind Kind { get; set; }
    public string Summary { get; set; } = "";
    public string? ActorId { get; set; }
    public AppUser? Actor { get; set; }

    public static string Label(CaseEventKind kind) => kind switch
    {
        CaseEventKind.Created => "Création du dossier",
        CaseEventKind.Updated => "Modification",
        CaseEventKind.Reassigned => "Changement de conseiller",
        CaseEventKind.StatusChanged => "Changement de statut",
        CaseEventKind.ConsentRecorded => "Consentement RGPD",
        CaseEventKind.Imported => "Import",
        CaseEventKind.AccountInvited => "Invitation à l'espace commerçant",
        CaseEventKind.DiagnosticStarted => "Diagnostic commencé",
        CaseEventKind.DiagnosticCompleted => "Diagnostic terminé",
        CaseEventKind.SessionRecorded => "Séance d'accompagnement",
        CaseEventKind.SessionUpdated => "Séance modifiée",
        CaseEventKind.PlanProposed => "Plan d'action proposé",
        CaseEventKind.PlanChanged => "Plan d'action modifié",
        CaseEventKind.ActionProgress => "Avancement d'une action",
        CaseEventKind.RoadmapIssued => "Feuille de route émise",
        CaseEventKind.Anonymised => "Données personnelles effacées",
        _ => kind.ToString(),
    };
}
