using Coaching.Core.Identity;
using Coaching.Web.Email;
using Coaching.Web.Features.Settings;
using Coaching.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Users;

/// <summary>Makes a one-time invitation link, sends it, and returns it so that the inviter can pass it on by hand.</summary>
public sealed class InvitationSender(
    UserManager<AppUser> users,
    IEmailSender email,
    IOptions<CoachingOptions> options,
    IOptions<SmtpOptions> smtp,
    ClubProfiles clubs,
    ILogger<InvitationSender> logger)
{
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
