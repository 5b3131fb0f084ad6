using Coaching.Core.Identity;
using Coaching.Core.Merchants;

namespace Coaching.Core.Privacy;

public enum ConsentMethod
{
    /// <summary>Ticked or unticked by a staff member on the case-file form.</summary>
    CaseFileForm = 0,
    /// <summary>Read from the « consentement » column of a CSV import.</summary>
    Import = 1,
}

/// <summary>One change of a merchant's consent to the processing of their data: the history behind <see cref="Merchant.ConsentGivenAt"/>.</summary>
public class ConsentRecord
{
    public const string CoachingPurpose = "accompagnement";

    public long Id { get; set; }
    public int MerchantId { get; set; }
    public Merchant? Merchant { get; set; }

    /// <summary>What the consent is for (a short code; today only « accompagnement »).</summary>
    public string Purpose { get; set; } = CoachingPurpose;
    public bool Given { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? RecordedById { get; set; }
    public AppUser? RecordedBy { get; set; }
    public ConsentMethod Method { get; set; }
}

public static class ConsentLabels
{
    public static string Label(this ConsentMethod method) => method switch
    {
        ConsentMethod.CaseFileForm => "fiche du dossier",
        ConsentMethod.Import => "import CSV",
        _ => method.ToString(),
    };
}
