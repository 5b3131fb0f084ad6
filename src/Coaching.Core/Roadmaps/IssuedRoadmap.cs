using Coaching.Core.Identity;
using Coaching.Core.Merchants;

namespace Coaching.Core.Roadmaps;

/// <summary>
/// A roadmap as it was handed to the merchant: the PDF file itself, kept in the database with its SHA-256 hash so that
/// any issued version can be downloaded again exactly as it was, whatever the plan and the diagnostics became since.
/// </summary>
public class IssuedRoadmap
{
    public int Id { get; set; }
    public int MerchantId { get; set; }
    public Merchant? Merchant { get; set; }

    /// <summary>1, 2, 3… per merchant; unique, so that two people issuing at once cannot both get the same number.</summary>
    public int Number { get; set; }

    public DateTimeOffset IssuedAt { get; set; }
    public string? IssuedById { get; set; }
    public AppUser? IssuedBy { get; set; }

    /// <summary>Lower-case hexadecimal SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; set; } = "";
    public int PageCount { get; set; }
    public int SizeBytes { get; set; }
    public byte[] Content { get; set; } = [];

    public string FileName => $"feuille-de-route-{Number}.pdf";
}
