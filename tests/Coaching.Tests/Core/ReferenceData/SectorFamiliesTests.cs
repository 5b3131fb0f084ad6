using Coaching.Core.ReferenceData;

namespace Coaching.Tests.Core.ReferenceData;

public sealed class SectorFamiliesTests
{
    [Theory]
    [InlineData("10.71C", SectorFamily.FoodCraft)]               // boulangerie
    [InlineData("10.13B", SectorFamily.FoodCraft)]               // charcuterie
    [InlineData("11.02A", SectorFamily.FoodCraft)]
    [InlineData("10.13A", SectorFamily.Other)]                   // industrial meat products: not a craft
    [InlineData("47.11B", SectorFamily.FoodRetail)]
    [InlineData("47.24Z", SectorFamily.FoodRetail)]
    [InlineData("47.81Z", SectorFamily.FoodRetail)]              // food on markets
    [InlineData("56.10A", SectorFamily.CafesHotelsRestaurants)]
    [InlineData("55.10Z", SectorFamily.CafesHotelsRestaurants)]
    [InlineData("47.71Z", SectorFamily.PersonalEquipment)]
    [InlineData("47.77Z", SectorFamily.PersonalEquipment)]
    [InlineData("47.52A", SectorFamily.HomeEquipment)]
    [InlineData("47.76Z", SectorFamily.HomeEquipment)]           // flowers: longest prefix, not 47.7x
    [InlineData("47.61Z", SectorFamily.CultureLeisure)]
    [InlineData("47.78C", SectorFamily.CultureLeisure)]
    [InlineData("47.73Z", SectorFamily.HealthBeauty)]            // pharmacy
    [InlineData("96.02A", SectorFamily.HealthBeauty)]            // 96.02 wins over 96
    [InlineData("96.01B", SectorFamily.LocalServices)]
    [InlineData("95.23Z", SectorFamily.LocalServices)]
    [InlineData("43.22A", SectorFamily.Crafts)]
    [InlineData("01.11Z", SectorFamily.Other)]
    [InlineData("", SectorFamily.Other)]
    [InlineData(null, SectorFamily.Other)]
    public void Maps_a_NAF_code_to_its_family_by_longest_prefix(string? naf, SectorFamily expected) =>
        Assert.Equal(expected, SectorFamilies.FromNaf(naf));

    [Fact]
    public void Every_family_has_a_French_label()
    {
        var labels = Enum.GetValues<SectorFamily>().Select(f => f.Label()).ToList();

        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.DoesNotContain(labels, l => Enum.GetNames<SectorFamily>().Contains(l));
    }

    [Fact]
    public void Every_retail_family_has_activities_in_the_catalog()
    {
        var used = NafCatalog.Instance.All.Select(a => a.Family).ToHashSet();

        Assert.All(Enum.GetValues<SectorFamily>(), family => Assert.Contains(family, used));
    }
}
