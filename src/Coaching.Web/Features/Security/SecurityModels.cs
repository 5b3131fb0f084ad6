using FluentValidation;

namespace Coaching.Web.Features.Security;

public sealed record SecurityPage(bool OffersTwoFactor, bool TwoFactorEnabled, int RecoveryCodesLeft, IReadOnlyList<SessionRow> Sessions);

/// <summary>One open session of the person: where and when it was opened, when it was last used.</summary>
public sealed record SessionRow(string Id, string Device, string Address, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool IsCurrent);

/// <summary>A short name for a browser's user agent (« Firefox sous Windows »), enough to recognise one's devices.</summary>
public static class DeviceName
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "Appareil inconnu";
        var browser = Find(userAgent, ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari"));
        var system = Find(userAgent, ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"), ("Mac OS X", "macOS"), ("Linux", "Linux"));
        return (browser, system) switch
        {
            (null, null) => userAgent.Length <= 60 ? userAgent : userAgent[..60] + "…",
            (not null, not null) => $"{browser} sous {system}",
            _ => browser ?? system!,
        };
    }

    private static string? Find(string userAgent, params (string Marker, string Name)[] candidates) =>
        candidates.FirstOrDefault(c => userAgent.Contains(c.Marker, StringComparison.Ordinal)).Name;
}

/// <summary>The authenticator setup step: the shared key, as text and as a QR code, and the code typed back.</summary>
public sealed class AuthenticatorSetupForm
{
    public string? Code { get; set; }
    public string SharedKey { get; set; } = "";
    public string QrCodeDataUri { get; set; } = "";
}

public sealed class DisableTwoFactorForm
{
    public string? Password { get; set; }
}

public sealed class AuthenticatorSetupFormValidator : AbstractValidator<AuthenticatorSetupForm>
{
    public AuthenticatorSetupFormValidator() =>
        RuleFor(f => f.Code).NotEmpty().WithMessage("Saisissez le code à 6 chiffres affiché par votre application.")
            .Must(code => AuthenticatorCode.Normalize(code) is { Length: 6 } digits && digits.All(char.IsAsciiDigit))
            .WithMessage("Le code comporte 6 chiffres, par exemple 123 456.")
            .When(f => !string.IsNullOrWhiteSpace(f.Code));
}

public sealed class DisableTwoFactorFormValidator : AbstractValidator<DisableTwoFactorForm>
{
    public DisableTwoFactorFormValidator() =>
        RuleFor(f => f.Password).NotEmpty().WithMessage("Saisissez votre mot de passe pour confirmer.");
}

public static class AuthenticatorCode
{
    /// <summary>Apps show the code as "123 456"; people also type it with a hyphen.</summary>
    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>The shared key in groups of four, easier to copy by hand when the QR code cannot be scanned.</summary>
    public static string Group(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(chunk => new string(chunk)));
}
