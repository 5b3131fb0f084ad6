using System.Xml.Linq;
using Coaching.Core.Diagnostics.Radar;

namespace Coaching.Tests.Core.Diagnostics;

public sealed class RadarGeometryTests
{
    private static readonly string[] FourAxes = ["Visibilité", "Clients", "Vente", "Gestion"];

    private static double Distance(RadarPoint a, RadarPoint b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));

    [Fact]
    public void The_first_axis_points_up_and_the_others_follow_clockwise()
    {
        var layout = RadarGeometry.Compute(FourAxes, [new RadarSeries("S", [100, 100, 100, 100])]);
        var c = layout.Center;
        Assert.Equal(c.X, layout.Axes[0].End.X, 6);
        Assert.Equal(c.Y - layout.Radius, layout.Axes[0].End.Y, 6);
        Assert.Equal(c.X + layout.Radius, layout.Axes[1].End.X, 6);
        Assert.Equal(c.Y + layout.Radius, layout.Axes[2].End.Y, 6);
        Assert.Equal(c.X - layout.Radius, layout.Axes[3].End.X, 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    [InlineData(50)]
    [InlineData(100)]
    public void A_value_lies_at_its_share_of_the_radius(double value)
    {
        var layout = RadarGeometry.Compute(FourAxes, [new RadarSeries("S", [value, value, value, value])]);
        Assert.All(layout.Series[0].Points, p => Assert.Equal(layout.Radius * value / 100, Distance(layout.Center, p), 6));
    }

    [Fact]
    public void Values_outside_0_100_are_clamped_and_missing_values_sit_at_the_centre()
    {
        var layout = RadarGeometry.Compute(FourAxes, [new RadarSeries("S", [150, -20, null, 50])]);
        var points = layout.Series[0].Points;
        Assert.Equal(layout.Radius, Distance(layout.Center, points[0]), 6);
        Assert.Equal(0, Distance(layout.Center, points[1]), 6);
        Assert.Equal(0, Distance(layout.Center, points[2]), 6);
    }

    [Fact]
    public void Rings_are_drawn_at_25_50_75_and_100()
    {
        var layout = RadarGeometry.Compute(FourAxes, [new RadarSeries("S", [1, 2, 3, 4])]);
        Assert.Equal([25.0, 50, 75, 100], layout.Rings.Select(r => r.Value));
        Assert.All(layout.Rings, ring => Assert.All(ring.Points, p => Assert.Equal(layout.Radius * ring.Value / 100, Distance(layout.Center, p), 6)));
    }

    [Fact]
    public void Labels_sit_outside_the_chart_and_inside_the_drawing()
    {
        var labels = Enumerable.Range(1, 8).Select(i => $"Axe numéro {i} au nom assez long").ToList();
        var layout = RadarGeometry.Compute(labels, [new RadarSeries("S", labels.Select(_ => (double?)50).ToList())], 360);
        Assert.All(layout.Axes, axis =>
        {
            Assert.True(Distance(layout.Center, axis.Label) > layout.Radius, "label inside the chart");
            Assert.InRange(axis.Label.Y, 0, layout.Height);
            Assert.InRange(axis.LabelLines.Count, 1, 2);
        });
        Assert.Equal(RadarTextAnchor.Middle, layout.Axes[0].Anchor);
        Assert.Equal(RadarTextAnchor.Start, layout.Axes[2].Anchor);
        Assert.Equal(RadarTextAnchor.End, layout.Axes[6].Anchor);
    }

    [Fact]
    public void The_legend_lists_each_series_below_the_chart()
    {
        var layout = RadarGeometry.Compute(FourAxes,
            [new RadarSeries("Dernier", [1, 2, 3, 4]), new RadarSeries("Premier", [1, 2, 3, 4]), new RadarSeries("Moyenne", [1, 2, 3, 4])]);
        Assert.Equal(["Dernier", "Premier", "Moyenne"], layout.Legend.Select(l => l.Name));
        Assert.All(layout.Legend, l => Assert.InRange(l.Text.Y, layout.Center.Y + layout.Radius, layout.Height));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RadarGeometry.Compute(["A", "B"], [new RadarSeries("S", [1, 2])]));
        Assert.Throws<ArgumentException>(() => RadarGeometry.Compute(FourAxes, []));
        Assert.Throws<ArgumentException>(() => RadarGeometry.Compute(FourAxes, [new RadarSeries("S", [1, 2])]));
    }

    [Fact]
    public void Label_wrapping_keeps_every_word()
    {
        Assert.Equal(["Compétences, temps", "et cybersécurité"], RadarGeometry.WrapLabel("Compétences, temps et cybersécurité"));
        Assert.Equal(["Paiement"], RadarGeometry.WrapLabel("Paiement"));
    }

    [Fact]
    public void The_SVG_is_well_formed_escaped_and_has_no_style_or_script()
    {
        var layout = RadarGeometry.Compute(["A & B", "<C>", "D"], [new RadarSeries("Série \"1\"", [10, 20, 30]), new RadarSeries("Deux", [40, 50, 60])]);
        var svg = SvgRadarRenderer.Render(layout, "Scores <par> axe", "r1");
        var document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("Scores <par> axe", document.Root!.Element(ns + "title")!.Value);
        Assert.Equal(2, document.Descendants(ns + "g").Count(g => (string?)g.Attribute("class") == "radar-series"));
        Assert.DoesNotContain(document.Descendants(), e => e.Attribute("style") is not null || e.Name.LocalName == "script");
        Assert.Contains("A &amp; B", svg, StringComparison.Ordinal);
    }
}
