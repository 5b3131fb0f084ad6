using Coaching.Core.ReferenceData;

namespace Coaching.Tests.Core.ReferenceData;

public sealed class NafCatalogTests
{
    [Theory]
    [InlineData("47.24Z")]
    [InlineData("4724Z")]
    [InlineData("47.24z")]
    [InlineData(" 47.24Z ")]
    public void Finds_a_code_however_it_is_written(string code)
    {
        var activity = NafCatalog.Instance.Find(code);

        Assert.NotNull(activity);
        Assert.Equal("47.24Z", activity.Code);
        Assert.Equal("Commerce de détail de pain, pâtisserie et confiserie en magasin spécialisé", activity.Label);
        Assert.Equal(SectorFamily.FoodRetail, activity.Family);
        Assert.Equal("47.24Z – Commerce de détail de pain, pâtisserie et confiserie en magasin spécialisé", activity.Display);
    }

    [Theory]
    [InlineData("99.99Z")]
    [InlineData("47.2")]
    [InlineData("47.24ZZ")]
    [InlineData("")]
    [InlineData(null)]
    public void Finds_nothing_for_an_unknown_or_malformed_code(string? code) => Assert.Null(NafCatalog.Instance.Find(code));

    [Fact]
    public void Holds_the_732_sub_classes_of_NAF_rev_2_each_once()
    {
        var all = NafCatalog.Instance.All;

        Assert.Equal(732, all.Count);
        Assert.Equal(all.Count, all.Select(a => a.Code).Distinct().Count());
        Assert.All(all, a => Assert.Matches(@"^\d{2}\.\d{2}[A-Z]$", a.Code));
    }
}
