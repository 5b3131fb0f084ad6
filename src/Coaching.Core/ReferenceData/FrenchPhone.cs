namespace Coaching.Core.ReferenceData;

public static class FrenchPhone
{
    /// <summary>Returns "05 56 12 34 56" for a French number written 0556123456, +33 5 56…, 0033…, or null when it is not one.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var digits = new string(input.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        if (input.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')'))) return null;
        if (digits.StartsWith("+33", StringComparison.Ordinal)) digits = "0" + digits[3..];
        else if (digits.StartsWith("0033", StringComparison.Ordinal)) digits = "0" + digits[4..];
        if (digits.Length == 11 && digits.StartsWith("00", StringComparison.Ordinal)) return null;
        if (digits.Length != 10 || digits[0] != '0' || digits[1] == '0' || digits.Contains('+')) return null;
        return string.Join(' ', Enumerable.Range(0, 5).Select(i => digits.Substring(i * 2, 2)));
    }
}
