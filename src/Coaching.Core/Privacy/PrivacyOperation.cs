using Coaching.Core.Identity;

namespace Coaching.Core.Privacy;

public enum PrivacyOperationKind
{
    Export = 0,
    Erasure = 1,
    AutomaticAnonymisation = 2,
}

/// <summary>
/// The register of the operations done on a person's rights (export, erasure, automatic anonymisation; consents have their own history, <see cref="ConsentRecord"/>):
/// who, when, on which case file and why. It holds the merchant's id only, never their name, so it survives the erasure.
/// </summary>
public class PrivacyOperation
{
    public const int ReasonLength = 500;

    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public PrivacyOperationKind Kind { get; set; }
    public int MerchantId { get; set; }

    /// <summary>Null for the automatic anonymisation.</summary>
    public string? ActorId { get; set; }
    public AppUser? Actor { get; set; }
    public string? Reason { get; set; }
}

public static class PrivacyLabels
{
    public static string Label(this PrivacyOperationKind kind) => kind switch
    {
        PrivacyOperationKind.Export => "Export des données",
        PrivacyOperationKind.Erasure => "Effacement sur demande",
        PrivacyOperationKind.AutomaticAnonymisation => "Anonymisation automatique",
        _ => kind.ToString(),
    };
}
