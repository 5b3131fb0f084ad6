using System.Globalization;

namespace Coaching.Web.French;

/// <summary>The one culture of the interface: dates, numbers and validation messages in French.</summary>
public static class FrenchCulture
{
    public static readonly CultureInfo Info = CultureInfo.GetCultureInfo("fr-FR");
}
