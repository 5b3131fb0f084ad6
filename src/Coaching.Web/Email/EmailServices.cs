namespace Coaching.Web.Email;

public static class EmailServices
{
    /// <summary>Outgoing e-mail: SMTP when `Smtp:Host` is set, otherwise a pickup folder (see <see cref="MailKitEmailSender"/>).</summary>
    public static IServiceCollection AddCoachingEmail(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section))
        .AddSingleton<IEmailSender, MailKitEmailSender>();
}
