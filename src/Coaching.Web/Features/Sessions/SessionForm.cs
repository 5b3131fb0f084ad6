using Coaching.Core.Sessions;
using Coaching.Web.Features.Merchants;
using Coaching.Web.French;
using FluentValidation;

namespace Coaching.Web.Features.Sessions;

/// <summary>What the session form posts; date-times are Paris wall-clock times as typed.</summary>
public sealed class SessionForm
{
    public string? StartsAt { get; set; }
    public string? DurationMinutes { get; set; }
    public string? Mode { get; set; }
    public List<int> MerchantIds { get; set; } = [];
    public List<string> AdvisorIds { get; set; } = [];
    public List<string> AxisCodes { get; set; } = [];
    public string? Notes { get; set; }
    public List<int> ProgressedItemIds { get; set; } = [];
    public string? NextStep { get; set; }
    public string? NextAppointmentAt { get; set; }

    /// <summary>The version of the session the form was loaded from (concurrency check); empty for a new session.</summary>
    public string? Version { get; set; }

    public static SessionForm From(CoachingSession session, string version) => new()
    {
        StartsAt = ParisInput.FormatDateTime(session.StartsAt),
        DurationMinutes = session.DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Mode = session.Mode.ToString(),
        MerchantIds = session.Merchants.Select(m => m.MerchantId).Order().ToList(),
        AdvisorIds = session.Advisors.Select(a => a.AdvisorId).Order(StringComparer.Ordinal).ToList(),
        AxisCodes = session.AxisCodeList.ToList(),
        Notes = session.Notes,
        ProgressedItemIds = session.ProgressedItems.Select(p => p.PlanItemId).Order().ToList(),
        NextStep = session.NextStep,
        NextAppointmentAt = session.NextAppointmentAt is { } next ? ParisInput.FormatDateTime(next) : null,
        Version = version,
    };

    public int? Duration => int.TryParse(DurationMinutes?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var minutes) ? minutes : null;
}

/// <summary>The rules of a session that need no database; the editor checks the rest (merchants, plans, advisors, axes).</summary>
public sealed class SessionFormValidator : AbstractValidator<SessionForm>
{
    public SessionFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.StartsAt).Custom((value, context) =>
        {
            if (string.IsNullOrWhiteSpace(value)) context.AddFailure("Indiquez la date et l'heure de la séance.");
            else if (!ParisInput.TryParseDateTime(value, out _, out var error)) context.AddFailure(error!);
        });

        RuleFor(f => f.DurationMinutes).Custom((value, context) =>
        {
            if (string.IsNullOrWhiteSpace(value)) context.AddFailure("Indiquez la durée de la séance en minutes.");
            else if (context.InstanceToValidate.Duration is not { } minutes) context.AddFailure("Saisissez la durée en minutes, en chiffres (par exemple 90).");
            else if (minutes <= 0) context.AddFailure("La durée doit être d'au moins 1 minute.");
            else if (minutes > CoachingSession.MaxDurationMinutes) context.AddFailure("Une séance ne peut pas durer plus de 24 heures (1 440 minutes).");
        });

        RuleFor(f => f.Mode).Must(MerchantFormValidator.BeDefined<SessionMode>).WithMessage("Choisissez la modalité de la séance dans la liste.");

        RuleFor(f => f.MerchantIds).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choisissez au moins un commerçant.")
            .Must((f, ids) => ids.Distinct().Count() == 1 || f.Mode == nameof(SessionMode.GroupWorkshop))
                .WithMessage("Une séance individuelle concerne un seul commerçant : choisissez « Atelier collectif » pour en réunir plusieurs.");

        RuleFor(f => f.AdvisorIds).NotEmpty().WithMessage("Choisissez au moins un conseiller.");

        RuleFor(f => f.Notes).MaximumLength(CoachingSession.NotesLength)
            .WithMessage($"Les notes ne peuvent pas dépasser {CoachingSession.NotesLength} caractères.");
        RuleFor(f => f.NextStep).MaximumLength(CoachingSession.NextStepLength)
            .WithMessage($"La prochaine étape ne peut pas dépasser {CoachingSession.NextStepLength} caractères.");

        RuleFor(f => f.NextAppointmentAt).Custom((value, context) =>
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            if (!ParisInput.TryParseDateTime(value, out var next, out var error))
            {
                context.AddFailure(error!);
                return;
            }
            if (next <= clock.GetUtcNow())
            {
                context.AddFailure("Le prochain rendez-vous est dans le passé : choisissez une date à venir.");
                return;
            }
            var form = context.InstanceToValidate;
            if (ParisInput.TryParseDateTime(form.StartsAt, out var start, out _) && form.Duration is { } minutes && next < start.AddMinutes(Math.Max(minutes, 0)))
                context.AddFailure("Le prochain rendez-vous doit être après la fin de cette séance.");
        });
    }
}
