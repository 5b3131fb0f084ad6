namespace Coaching.Core.ReferenceData;

/// <summary>SIRET = SIREN (9 digits) + NIC (5 digits), checked with Luhn; La Poste's establishments use a digit sum multiple of 5.</summary>
public static class Siret
{
    public const string LaPosteSiren = "356000000";

    public static string Normalize(string? input) =>
        new((input ?? "").Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-').ToArray());

    public static bool IsValid(string? input)
    {
        var siret = Normalize(input);
        if (siret.Length != 14 || !siret.All(char.IsAsciiDigit)) return false;
        if (PassesLuhn(siret)) return true;
        return siret.StartsWith(LaPosteSiren, StringComparison.Ordinal) && siret.Sum(c => c - '0') % 5 == 0;
    }

    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    public static string Format(string siret) =>
        siret.Length == 14 ? $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}" : siret;
}
