using Coaching.Core.ReferenceData;

namespace Coaching.Tests.Core.ReferenceData;

public sealed class SiretTests
{
    [Theory]
    [InlineData("73282932000074")]      // passes Luhn
    [InlineData("44306184100047")]      // passes Luhn
    [InlineData("732 829 320 00074")]   // as people type it
    [InlineData("732.829.320.00074")]
    [InlineData("35600000000048")]      // La Poste's head office passes Luhn like everyone
    public void Accepts_a_SIRET_passing_Luhn(string siret) => Assert.True(Siret.IsValid(siret));

    [Theory]
    [InlineData("35600000049837")]      // La Poste establishment: fails Luhn, digit sum 45
    [InlineData("35600000000010")]      // fails Luhn, digit sum 15
    [InlineData("356 000 000 00024")]   // fails Luhn, digit sum 20
    public void Accepts_a_La_Poste_establishment_whose_digit_sum_is_a_multiple_of_5(string siret)
    {
        Assert.False(Siret.PassesLuhn(Siret.Normalize(siret)));
        Assert.True(Siret.IsValid(siret));
    }

    [Theory]
    [InlineData("35600000000000")]      // La Poste, fails Luhn, digit sum 14
    [InlineData("35600000000011")]      // La Poste, fails Luhn, digit sum 15 + 1
    [InlineData("73282932000004")]      // fails Luhn; digit sum a multiple of 5 helps La Poste only
    [InlineData("73282932000075")]      // last digit changed
    [InlineData("7328293200007")]       // 13 digits
    [InlineData("732829320000745")]     // 15 digits
    [InlineData("7328293200007A")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_anything_else(string? siret) => Assert.False(Siret.IsValid(siret));

    [Fact]
    public void Luhn_doubles_every_second_digit_from_the_right()
    {
        Assert.True(Siret.PassesLuhn("79927398713"));   // the textbook example
        Assert.False(Siret.PassesLuhn("79927398710"));
    }

    [Fact]
    public void Formats_as_SIREN_plus_NIC()
    {
        Assert.Equal("732 829 320 00074", Siret.Format("73282932000074"));
        Assert.Equal("123", Siret.Format("123"));
    }
}
