namespace Coaching.Web.Email;

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>Leave empty to write emails as .eml files to the pickup folder instead of sending them.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Coaching <no-reply@coaching.local>";
    public string PickupFolder { get; set; } = "mail-pickup";
}
