using Coaching.Core.Data;
using Coaching.Core.Identity;
using Coaching.Web.Email;
using Coaching.Web.Features.Settings;
using Coaching.Web.Hosting;
using Coaching.Core.Merchants;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Coaching.Web.Commands;
using Coaching.Web.Demo;

namespace Coaching.Web.Features.Users;

/// <summary>Makes a one-time invitation link, sends it, and returns it so that the inviter can pass it on by hand.</summary>
public sealed class InvitationSender(
    UserManager<AppUser> users,
    CoachingDbContext db,
    TimeProvider clock,
    IEmailSender email,
    IOptions<CoachingOptions> options,
    IOptions<SmtpOptions> smtp,
    ClubProfiles clubs,
    ILogger<InvitationSender> logger)
{
    /// <summary>Creates the invited account (no password yet) with its role, and the timeline entry of a merchant's account.</summary>
    public async Task<(AppUser User, IdentityResult Result)> CreateAccountAsync(Viewer viewer, InviteForm form, CancellationToken cancellationToken)
    {
        var user = new AppUser
        {
            UserName = form.Email!.Trim(),
            Email = form.Email.Trim(),
            DisplayName = form.DisplayName!.Trim(),
            ClubId = viewer.ClubId,
            MerchantId = form.Role == Roles.Merchant ? form.MerchantId : null,
            DepartmentCodes = form.Role == Roles.Advisor ? string.Join(',', form.Departments.Distinct()) : "",
            CreatedAt = clock.GetUtcNow(),
            InvitedById = viewer.UserId,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return (user, created);
        await users.AddToRoleAsync(user, form.Role!);
        if (user.MerchantId is { } merchantId)
        {
            db.CaseEvents.Add(Timeline.Entry(CaseEventKind.AccountInvited, $"{user.DisplayName} ({user.Email}) est invité à l'espace commerçant.", viewer.UserId, clock.GetUtcNow(), merchantId));
            await db.SaveChangesAsync(cancellationToken);
        }
        return (user, created);
    }

    public async Task<InvitedViewModel> SendAsync(AppUser user, Func<string, string, string> linkFor, string inviterName)
    {
        var club = await clubs.GetAsync(user.ClubId);
        var token = await users.GenerateUserTokenAsync(user, IdentityServices.InvitationTokenProvider, IdentityServices.InvitationPurpose);
        var link = linkFor(user.Id, token);
        if (options.Value.PublicBaseUrl is { Length: > 0 } baseUrl && Uri.TryCreate(link, UriKind.Absolute, out var absolute))
            link = new Uri(new Uri(baseUrl), absolute.PathAndQuery).ToString();

        await email.SendAsync(user.Email!, $"Invitation – {club.Name}",
            $"Bonjour {user.DisplayName},\n\n{inviterName} vous invite à rejoindre l'espace d'accompagnement de {club.Name}.\n\n" +
            $"Pour activer votre compte, choisissez votre mot de passe en ouvrant ce lien (valable 7 jours, une seule fois) :\n{link}\n");
        logger.LogInformation("Invitation issued for user {UserId}", user.Id);
        return new InvitedViewModel(user.DisplayName, user.Email!, link, EmailSent: !string.IsNullOrWhiteSpace(smtp.Value.Host));
    }
}
