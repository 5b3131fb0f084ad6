using Coaching.Core.ReferenceData;

namespace Coaching.Tests.Core.ReferenceData;

public sealed class FrenchPhoneTests
{
    [Theory]
    [InlineData("0556123456", "05 56 12 34 56")]
    [InlineData("05 56 12 34 56", "05 56 12 34 56")]
    [InlineData("05.56.12.34.56", "05 56 12 34 56")]
    [InlineData("05-56-12-34-56", "05 56 12 34 56")]
    [InlineData("+33 5 56 12 34 56", "05 56 12 34 56")]
    [InlineData("+33 (0)5 56 12 34 56", null)]             // the (0) makes eleven digits
    [InlineData("0033 5 56 12 34 56", "05 56 12 34 56")]
    [InlineData("+33612345678", "06 12 34 56 78")]
    [InlineData(" 07 12 34 56 78 ", "07 12 34 56 78")]
    public void Writes_French_numbers_in_pairs(string input, string? expected) => Assert.Equal(expected, FrenchPhone.Normalize(input));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("055612345")]            // nine digits
    [InlineData("05561234567")]          // eleven digits
    [InlineData("0056123456")]           // 00 is not a French area
    [InlineData("5561234567")]           // no leading 0
    [InlineData("+44 20 7946 0958")]     // not French
    [InlineData("05 56 12 34 5a")]
    [InlineData("05/56/12/34/56")]
    [InlineData("05 56 +12 34 56")]
    public void Rejects_what_is_not_a_French_number(string? input) => Assert.Null(FrenchPhone.Normalize(input));
}
