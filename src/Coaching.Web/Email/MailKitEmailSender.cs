using Coaching.Core.Documents;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Coaching.Web.Hosting;

namespace Coaching.Web.Email;

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default);
}

/// <summary>Sends, in French typography, through SMTP when a host is configured; otherwise drops an .eml file into the pickup folder.</summary>
public sealed class MailKitEmailSender(IOptions<SmtpOptions> options, DataFolder dataFolder, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(to));
        // Every e-mail of the app passes here: one place for its French typography (links are left as they are).
        message.Subject = FrenchTypography.Apply(subject);
        message.Body = new TextPart("plain") { Text = FrenchTypography.Apply(textBody) };

        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            var folder = Path.GetFullPath(smtp.PickupFolder, dataFolder.Path);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, cancellationToken);
            logger.LogInformation("No SMTP host configured: email to {Recipient} written to {File}", to, file);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
