using System.Globalization;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Coaching.Core.Reports;
using Coaching.Core.Time;
using FluentValidation;

namespace Coaching.Web.Features.Reports;

/// <summary>The report filters as typed in the query string; kept as text so that a wrong value is shown back with its message.</summary>
public sealed class ReportFilterForm
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Department { get; set; }

    /// <summary>Lists every department in the filter, not only the club's region's (display only).</summary>
    public bool AllDepartments { get; set; }
    public string? Commune { get; set; }
    public string? Sector { get; set; }
    public string? Advisor { get; set; }
    public string? CohortFrom { get; set; }
    public string? CohortTo { get; set; }
    public string? Status { get; set; }
    public string? AgeBand { get; set; }

    public static readonly DateOnly EarliestDate = Shared.InputRules.EarliestDate;
    public const int MaxYears = 10;

    /// <summary>Default period: the twelve calendar months up to today (Paris).</summary>
    public void ApplyDefaults(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To))
        {
            From = Format(new DateOnly(today.Year, today.Month, 1).AddMonths(-11));
            To = Format(today);
        }
        else if (string.IsNullOrWhiteSpace(To)) To = Format(today);
        else if (string.IsNullOrWhiteSpace(From) && ParseDate(To) is { } end && end >= EarliestDate) From = Format(end.AddYears(-1).AddDays(1));
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads 2026-11-28 (date fields) or 28/11/2026 (typed by hand).</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static T? ParseEnum<T>(string? text) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && !text.Any(char.IsDigit) && Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) ? value : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The validated filter (call after the validator passed).</summary>
    public ReportFilter ToFilter(int clubId, string? caseloadOf, DateOnly today)
    {
        var from = ParseDate(From)!.Value;
        var to = ParseDate(To)!.Value;
        return new ReportFilter(clubId, ParisMidnight(from), ParisMidnight(to.AddDays(1)))
        {
            CaseloadOf = caseloadOf,
            DepartmentCode = Clean(Department),
            CommuneCode = Clean(Commune),
            Sector = ParseEnum<SectorFamily>(Sector),
            AdvisorId = Clean(Advisor),
            CohortFrom = ParseDate(CohortFrom) is { } cf ? ParisMidnight(cf) : null,
            CohortTo = ParseDate(CohortTo) is { } ct ? ParisMidnight(ct.AddDays(1)) : null,
            Status = ParseEnum<CaseStatus>(Status),
            AgeBand = ParseEnum<AgeBand>(AgeBand),
            Today = today,
            Months = MonthsOf(from, to),
        };
    }

    public static DateTimeOffset ParisMidnight(DateOnly date) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), ParisTime.Zone), TimeSpan.Zero);

    /// <summary>The Paris calendar months of the period, each cut to the period.</summary>
    public static IReadOnlyList<(string Month, DateTimeOffset Start, DateTimeOffset End)> MonthsOf(DateOnly from, DateOnly to)
    {
        var months = new List<(string, DateTimeOffset, DateTimeOffset)>();
        for (var first = new DateOnly(from.Year, from.Month, 1); first <= to; first = first.AddMonths(1))
        {
            var start = first < from ? from : first;
            var end = first.AddMonths(1) > to.AddDays(1) ? to.AddDays(1) : first.AddMonths(1);
            months.Add((first.ToString("yyyy-MM", CultureInfo.InvariantCulture), ParisMidnight(start), ParisMidnight(end)));
        }
        return months;
    }
}

public sealed class ReportFilterFormValidator : AbstractValidator<ReportFilterForm>
{
    public ReportFilterFormValidator(TimeProvider clock)
    {
        var latest = clock.TodayInParis().AddYears(1);
        const string BadDate = "Saisissez une date valide, par exemple 28/11/2026.";

        RuleFor(f => f.From).Must(v => ReportFilterForm.ParseDate(v) is not null).WithMessage("Date de début : " + BadDate);
        RuleFor(f => f.To).Must(v => ReportFilterForm.ParseDate(v) is not null).WithMessage("Date de fin : " + BadDate);
        RuleFor(f => f.From)
            .Must(v => ReportFilterForm.ParseDate(v) >= ReportFilterForm.EarliestDate)
            .When(f => ReportFilterForm.ParseDate(f.From) is not null)
            .WithMessage("La période ne peut pas commencer avant le 1er janvier 2000.");
        RuleFor(f => f.To)
            .Must(v => ReportFilterForm.ParseDate(v) <= latest)
            .When(f => ReportFilterForm.ParseDate(f.To) is not null)
            .WithMessage("La date de fin ne peut pas dépasser d'un an la date du jour.");
        RuleFor(f => f.From)
            .Must(v => ReportFilterForm.ParseDate(v) <= latest)
            .When(f => ReportFilterForm.ParseDate(f.From) is not null)
            .WithMessage("La date de début ne peut pas dépasser d’un an la date du jour.");
        RuleFor(f => f.To)
            .Must(v => ReportFilterForm.ParseDate(v) >= ReportFilterForm.EarliestDate)
            .When(f => ReportFilterForm.ParseDate(f.To) is not null)
            .WithMessage("La période ne peut pas finir avant le 1er janvier 2000.");
        // The comparisons below only run on dates inside the calendar above (9999-12-31 plus ten years would throw).
        bool BothInRange(ReportFilterForm f) =>
            ReportFilterForm.ParseDate(f.From) is { } from && ReportFilterForm.ParseDate(f.To) is { } to
            && from >= ReportFilterForm.EarliestDate && from <= latest && to >= ReportFilterForm.EarliestDate && to <= latest;
        RuleFor(f => f.To)
            .Must((f, v) => ReportFilterForm.ParseDate(v) >= ReportFilterForm.ParseDate(f.From))
            .When(BothInRange)
            .WithMessage("La date de fin est avant la date de début : inversez-les ou corrigez l'une des deux.");
        RuleFor(f => f.To)
            .Must((f, v) => ReportFilterForm.ParseDate(v) <= ReportFilterForm.ParseDate(f.From)!.Value.AddYears(ReportFilterForm.MaxYears))
            .When(BothInRange)
            .WithMessage($"La période ne peut pas dépasser {ReportFilterForm.MaxYears} ans.");

        RuleFor(f => f.CohortFrom).Must(v => ReportFilterForm.ParseDate(v) is { } d && d >= ReportFilterForm.EarliestDate && d <= latest)
            .When(f => !string.IsNullOrWhiteSpace(f.CohortFrom)).WithMessage("Début de la cohorte : " + BadDate + " (entre 2000 et l'an prochain)");
        RuleFor(f => f.CohortTo).Must(v => ReportFilterForm.ParseDate(v) is { } d && d >= ReportFilterForm.EarliestDate && d <= latest)
            .When(f => !string.IsNullOrWhiteSpace(f.CohortTo)).WithMessage("Fin de la cohorte : " + BadDate + " (entre 2000 et l'an prochain)");
        RuleFor(f => f.CohortTo)
            .Must((f, v) => ReportFilterForm.ParseDate(v) >= ReportFilterForm.ParseDate(f.CohortFrom))
            .When(f => ReportFilterForm.ParseDate(f.CohortFrom) is not null && ReportFilterForm.ParseDate(f.CohortTo) is not null)
            .WithMessage("La fin de la cohorte est avant son début.");

        RuleFor(f => f.Department)
            .Must(v => FrenchGeography.Instance.FindDepartment(v!.Trim()) is not null)
            .When(f => !string.IsNullOrWhiteSpace(f.Department))
            .WithMessage("Département inconnu : choisissez-le dans la liste.");
        RuleFor(f => f.Commune)
            .Must(v => FrenchGeography.Instance.FindCommune(v!.Trim()) is not null)
            .When(f => !string.IsNullOrWhiteSpace(f.Commune))
            .WithMessage("Commune inconnue : saisissez son code INSEE à 5 caractères, par exemple 33063 pour Bordeaux.");
        RuleFor(f => f.Commune)
            .Must((f, v) => FrenchGeography.Instance.FindCommune(v!.Trim())?.DepartmentCode == f.Department!.Trim())
            .When(f => !string.IsNullOrWhiteSpace(f.Commune) && FrenchGeography.Instance.FindCommune(f.Commune.Trim()) is not null
                && !string.IsNullOrWhiteSpace(f.Department) && FrenchGeography.Instance.FindDepartment(f.Department.Trim()) is not null)
            .WithMessage("Cette commune n'est pas dans le département choisi.");
        RuleFor(f => f.Sector).Must(v => ReportFilterForm.ParseEnum<SectorFamily>(v) is not null)
            .When(f => !string.IsNullOrWhiteSpace(f.Sector)).WithMessage("Secteur inconnu : choisissez-le dans la liste.");
        RuleFor(f => f.Status).Must(v => ReportFilterForm.ParseEnum<CaseStatus>(v) is not null)
            .When(f => !string.IsNullOrWhiteSpace(f.Status)).WithMessage("Statut de dossier inconnu : choisissez-le dans la liste.");
        RuleFor(f => f.AgeBand).Must(v => ReportFilterForm.ParseEnum<AgeBand>(v) is not null)
            .When(f => !string.IsNullOrWhiteSpace(f.AgeBand)).WithMessage("Tranche d'âge inconnue : choisissez-la dans la liste.");
    }
}
