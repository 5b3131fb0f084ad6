using Coaching.Core.Data;
using Coaching.Core.Identity;
using Coaching.Core.ReferenceData;

namespace Coaching.Core.Merchants;

/// <summary>A merchant's case file (dossier d'accompagnement).</summary>
public class Merchant : IVersioned
{
    public int Id { get; set; }
    public int ClubId { get; set; }

    public string BusinessName { get; set; } = "";
    public string Siret { get; set; } = "";
    public string NafCode { get; set; } = "";
    public SectorFamily Sector { get; set; }

    public string AddressLine { get; set; } = "";
    public string Postcode { get; set; } = "";
    public string CommuneCode { get; set; } = "";
    public string CommuneName { get; set; } = "";
    public string DepartmentCode { get; set; } = "";
    public string RegionCode { get; set; } = "";

    public string ContactName { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }

    public EmployeeBand EmployeeBand { get; set; }
    public AgeBand ManagerAgeBand { get; set; }
    public Channels Channels { get; set; }

    public DateTimeOffset? ConsentGivenAt { get; set; }
    public string? ConsentRecordedById { get; set; }
    public AppUser? ConsentRecordedBy { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>When the file last became « Terminé » or « Abandonné »; null while open. Starts the anonymisation delay.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Set once the personal data were erased: the row stays, as an anonymous shell, for the statistics.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }
    public string? AssignedAdvisorId { get; set; }
    public AppUser? AssignedAdvisor { get; set; }

    /// <summary>Name, contact, commune and SIRET folded (lower case, no accents) for the caseload search.</summary>
    public string SearchText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <inheritdoc />
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <inheritdoc />
    public uint RowVersion { get; set; }

    public List<CaseEvent> Events { get; set; } = [];
    public List<Privacy.ConsentRecord> ConsentHistory { get; set; } = [];

    public static bool IsClosedStatus(CaseStatus status) => status is CaseStatus.Finished or CaseStatus.Dropped;

    /// <summary>Changes the status and keeps <see cref="ClosedAt"/> in step with it.</summary>
    public void SetStatus(CaseStatus status, DateTimeOffset now)
    {
        if (status == Status && (ClosedAt is not null || !IsClosedStatus(status))) return;
        Status = status;
        ClosedAt = IsClosedStatus(status) ? now : null;
    }

    public void RefreshSearchText() =>
        SearchText = FrenchGeography.Fold($"{BusinessName} {ContactName} {CommuneName} {Siret}");
}
