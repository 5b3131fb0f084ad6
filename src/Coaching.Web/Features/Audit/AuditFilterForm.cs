using System.Globalization;
using Coaching.Core.Audit;
using Coaching.Core.Time;
using Coaching.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Coaching.Web.Features.Audit;

/// <summary>The audit page's filters, as typed (strings, so that a wrong value gets a French message rather than a 400).</summary>
public sealed class AuditFilterForm
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Action { get; set; }
    public string? Target { get; set; }
    public string? TargetId { get; set; }
    public string? Email { get; set; }
    public int Page { get; set; } = 1;

    public AuditFilter Parse(ModelStateDictionary modelState)
    {
        var from = Date(nameof(From), From, modelState);
        var to = Date(nameof(To), To, modelState);
        if (from is not null && to is not null && to < from)
            modelState.AddModelError(nameof(To), "La date de fin doit suivre la date de début.");
        AuditAction? action = null;
        if (!string.IsNullOrEmpty(Action))
        {
            if (Enum.TryParse<AuditAction>(Action, out var a) && Enum.IsDefined(a)) action = a;
            else modelState.AddModelError(nameof(Action), "Choisissez une action de la liste.");
        }
        AuditTarget? target = null;
        if (!string.IsNullOrEmpty(Target))
        {
            if (Enum.TryParse<AuditTarget>(Target, out var t) && Enum.IsDefined(t)) target = t;
            else modelState.AddModelError(nameof(Target), "Choisissez un type de cible de la liste.");
        }
        if (TargetId is { Length: > 64 }) modelState.AddModelError(nameof(TargetId), "Le numéro de la cible ne dépasse pas 64 caractères.");
        if (Email is { Length: > 254 }) modelState.AddModelError(nameof(Email), "L'adresse e-mail ne dépasse pas 254 caractères.");
        return new AuditFilter(
            from is { } f ? ParisStart(f) : null,
            to is { } t2 ? ParisStart(t2.AddDays(1)) : null,
            action, target, string.IsNullOrWhiteSpace(TargetId) ? null : TargetId.Trim(),
            string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
            Math.Clamp(Page, 1, 100_000));
    }

    public Dictionary<string, string> RouteValues(int page) => new()
    {
        ["From"] = From ?? "", ["To"] = To ?? "", ["Action"] = Action ?? "", ["Target"] = Target ?? "",
        ["TargetId"] = TargetId ?? "", ["Email"] = Email ?? "", ["Page"] = page.ToString(CultureInfo.InvariantCulture),
    };

    private static DateOnly? Date(string field, string? value, ModelStateDictionary modelState)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            modelState.AddModelError(field, "Saisissez une date au format jj/mm/aaaa.");
        else if (!InputRules.InRange(date)) modelState.AddModelError(field, InputRules.DateRangeMessage);
        else return date;
        return null;
    }

    private static DateTimeOffset ParisStart(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ParisTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

public sealed record AuditFilter(DateTimeOffset? From, DateTimeOffset? To, AuditAction? Action, AuditTarget? Target, string? TargetId, string? Email, int Page);

public sealed record AuditRow(DateTimeOffset OccurredAt, AuditAction Action, string Actor, AuditTarget Target, string? TargetId, string? Detail, string? IpAddress, string? CorrelationId)
{
    /// <summary>The target as users know it (a name, the merchant's own roadmap number); null: its type and id.</summary>
    public string? TargetText { get; init; }

    /// <summary>The case file the target belongs to, linked from the line.</summary>
    public int? TargetMerchantId { get; init; }
}

public sealed record AuditPageViewModel(AuditFilterForm Form, IReadOnlyList<AuditRow> Rows, int Page, bool HasMore);
