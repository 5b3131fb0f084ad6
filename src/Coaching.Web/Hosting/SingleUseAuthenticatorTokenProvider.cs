using System.Globalization;
using System.Security.Cryptography;
using Coaching.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace Coaching.Web.Hosting;

/// <summary>
/// Authenticator-app codes (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, two steps of clock drift either way, as
/// Identity's own provider) that serve once: the last accepted time step is kept per account (AspNetUserTokens), and a code
/// of that step or an earlier one is refused. A code seen over a shoulder or phished therefore cannot open a second session.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider : AuthenticatorTokenProvider<AppUser>
{
    public const string Name = "SingleUseAuthenticator";
    public const string LoginProvider = "[Coaching]";
    public const string LastStepToken = "LastAuthenticatorStep";
    private const int Variance = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit)) return false;
        var secret = Base32Decode(key);
        if (secret is null) return false;

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var code = int.Parse(token, CultureInfo.InvariantCulture);
        long? matched = null;
        for (var step = now - Variance; step <= now + Variance; step++)
        {
            if (CodeAt(secret, step) == code) matched = step;
        }
        if (matched is not { } accepted) return false;

        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && accepted <= lastStep) return false;
        // The user's concurrency stamp makes two sign-ins racing with one code save only once.
        var saved = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepToken, accepted.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }

    public static int CodeAt(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    private static byte[]? Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is '=' or ' ') continue;
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            output.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
            buffer &= (1 << bits) - 1;
        }
        return output.ToArray();
    }
}
