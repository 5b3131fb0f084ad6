using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Merchants;

/// <summary>The caseload filters, read from the query string. Unknown values are dropped and reported, never fatal.</summary>
public sealed class MerchantListQuery
{
    public const int PageSize = 25;
    public const string Unassigned = "aucun";

    public string? Q { get; set; }
    public string? Status { get; set; }
    public string? Sector { get; set; }
    public string? Department { get; set; }
    public string? Advisor { get; set; }
    public string? Sort { get; set; }
    public int Page { get; set; } = 1;

    public static readonly IReadOnlyDictionary<string, string> Sorts = new Dictionary<string, string>
    {
        ["nom"] = "Nom du commerce",
        ["commune"] = "Commune",
        ["statut"] = "Statut",
        ["recent"] = "Dernière mise à jour",
    };

    public List<string> Warnings { get; } = [];

    public IQueryable<Merchant> Apply(IQueryable<Merchant> merchants)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            foreach (var word in FrenchGeography.Fold(Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
                merchants = merchants.Where(m => m.SearchText.Contains(word));
        }
        if (!string.IsNullOrEmpty(Status))
        {
            if (MerchantFormValidator.BeDefined<CaseStatus>(Status)) merchants = merchants.Where(m => m.Status == Enum.Parse<CaseStatus>(Status));
            else Drop(nameof(Status), "Le statut demandé est inconnu : ce filtre est ignoré.");
        }
        if (!string.IsNullOrEmpty(Sector))
        {
            if (MerchantFormValidator.BeDefined<SectorFamily>(Sector)) merchants = merchants.Where(m => m.Sector == Enum.Parse<SectorFamily>(Sector));
            else Drop(nameof(Sector), "Le secteur demandé est inconnu : ce filtre est ignoré.");
        }
        if (!string.IsNullOrEmpty(Department))
        {
            if (FrenchGeography.Instance.FindDepartment(Department) is not null) merchants = merchants.Where(m => m.DepartmentCode == Department);
            else Drop(nameof(Department), "Le département demandé est inconnu : ce filtre est ignoré.");
        }
        if (Advisor == Unassigned) merchants = merchants.Where(m => m.AssignedAdvisorId == null);
        else if (!string.IsNullOrEmpty(Advisor)) merchants = merchants.Where(m => m.AssignedAdvisorId == Advisor);

        // The id last: two shops of the same name keep one order on every page and on every database provider.
        return Sort switch
        {
            "commune" => merchants.OrderBy(m => m.CommuneName).ThenBy(m => m.BusinessName).ThenBy(m => m.Id),
            "statut" => merchants.OrderBy(m => m.Status).ThenBy(m => m.BusinessName).ThenBy(m => m.Id),
            "recent" => merchants.OrderByDescending(m => m.UpdatedAt).ThenBy(m => m.Id),
            _ => merchants.OrderBy(m => m.BusinessName).ThenBy(m => m.Id),
        };
    }

    private void Drop(string filter, string warning)
    {
        Warnings.Add(warning);
        switch (filter)
        {
            case nameof(Status): Status = null; break;
            case nameof(Sector): Sector = null; break;
            case nameof(Department): Department = null; break;
        }
    }

    public async Task<MerchantPage> ToPageAsync(IQueryable<Merchant> merchants, CancellationToken cancellationToken)
    {
        var filtered = Apply(merchants);
        var total = await filtered.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        Page = Math.Clamp(Page, 1, pageCount);
        var rows = await filtered
            .Skip((Page - 1) * PageSize).Take(PageSize)
            .Select(m => new MerchantRow(m.Id, m.BusinessName, m.CommuneName, m.DepartmentCode, m.Sector, m.Status,
                m.AssignedAdvisor != null ? m.AssignedAdvisor.DisplayName : null, m.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new MerchantPage(rows, total, Page, pageCount);
    }

    /// <summary>The query string for another page or sort, keeping the other filters.</summary>
    public Dictionary<string, string?> RouteValues(int? page = null, string? sort = null) => new()
    {
        ["q"] = Q, ["status"] = Status, ["sector"] = Sector, ["department"] = Department,
        ["advisor"] = Advisor, ["sort"] = sort ?? Sort, ["page"] = (page ?? Page).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed record MerchantRow(int Id, string BusinessName, string CommuneName, string DepartmentCode, SectorFamily Sector,
    CaseStatus Status, string? AdvisorName, DateTimeOffset UpdatedAt);

public sealed record MerchantPage(IReadOnlyList<MerchantRow> Rows, int Total, int Page, int PageCount);
