using Coaching.Web.Features.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace Coaching.Tests.Features.Sessions;

public sealed class SessionFormValidatorTests
{
    private readonly SessionFormValidator _validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero)));

    private static SessionForm Valid() => new()
    {
        StartsAt = "2026-11-28T09:00", DurationMinutes = "60", Mode = "InShop", MerchantIds = [1], AdvisorIds = ["a"],
        NextAppointmentAt = "2026-12-05T10:00",
    };

    private string? ErrorOf(SessionForm form, string property) =>
        _validator.Validate(form).Errors.FirstOrDefault(e => e.PropertyName == property)?.ErrorMessage;

    [Fact]
    public void A_complete_form_is_valid()
    {
        Assert.True(_validator.Validate(Valid()).IsValid);
    }

    [Theory]
    [InlineData("0", "au moins 1 minute")]
    [InlineData("-5", "au moins 1 minute")]
    [InlineData("1441", "plus de 24 heures")]
    [InlineData("une heure", "en chiffres")]
    [InlineData("", "Indiquez la durée")]
    public void Refuses_a_duration_of_zero_or_longer_than_a_day(string duration, string message)
    {
        var form = Valid();
        form.DurationMinutes = duration;
        Assert.Contains(message, ErrorOf(form, nameof(SessionForm.DurationMinutes)));
    }

    [Fact]
    public void Refuses_a_next_appointment_in_the_past()
    {
        var form = Valid();
        form.NextAppointmentAt = "2026-11-27T10:00";
        Assert.Contains("dans le passé", ErrorOf(form, nameof(SessionForm.NextAppointmentAt)));
    }

    [Fact]
    public void Refuses_several_merchants_outside_a_group_workshop()
    {
        var form = Valid();
        form.MerchantIds = [1, 2];
        Assert.Contains("Atelier collectif", ErrorOf(form, nameof(SessionForm.MerchantIds)));
        form.Mode = "GroupWorkshop";
        Assert.True(_validator.Validate(form).IsValid);
    }
}
