using System.Text.Encodings.Web;
using QRCoder;

namespace Coaching.Web.Features.Security;

/// <summary>The otpauth:// link that authenticator apps read from the QR code (Key URI format).</summary>
public static class AuthenticatorUri
{
    public static string For(string issuer, string email, string sharedKey) =>
        $"otpauth://totp/{UrlEncoder.Default.Encode(issuer)}:{UrlEncoder.Default.Encode(email)}" +
        $"?secret={sharedKey}&issuer={UrlEncoder.Default.Encode(issuer)}&digits=6";

    /// <summary>A PNG data URI: the CSP allows data: images, and no third-party service ever sees the secret.</summary>
    public static string QrCodeDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
