namespace Coaching.Core.Merchants;

public enum CaseStatus
{
    Prospect = 0,
    Coaching = 1,
    Finished = 2,
    Dropped = 3,
}

public enum EmployeeBand
{
    None = 0,
    OneToTwo = 1,
    ThreeToFive = 2,
    SixToNine = 3,
    TenToNineteen = 4,
    TwentyOrMore = 5,
}

public enum AgeBand
{
    Unknown = 0,
    Under30 = 1,
    From30To45 = 2,
    From46To55 = 3,
    From56To65 = 4,
    Over65 = 5,
}

/// <summary>The digital channels a merchant already uses.</summary>
[Flags]
public enum Channels
{
    None = 0,
    Website = 1,
    GoogleBusinessProfile = 2,
    SocialNetworks = 4,
    Marketplace = 8,
    ClickAndCollect = 16,
    OnlinePayment = 32,
    Delivery = 64,
    CustomerFile = 128,
}

public static class MerchantLabels
{
    public static string Label(this CaseStatus status) => status switch
    {
        CaseStatus.Prospect => "Prospect",
        CaseStatus.Coaching => "En accompagnement",
        CaseStatus.Finished => "Terminé",
        CaseStatus.Dropped => "Abandonné",
        _ => status.ToString(),
    };

    public static string Label(this EmployeeBand band) => band switch
    {
        EmployeeBand.None => "Aucun salarié",
        EmployeeBand.OneToTwo => "1 à 2 salariés",
        EmployeeBand.ThreeToFive => "3 à 5 salariés",
        EmployeeBand.SixToNine => "6 à 9 salariés",
        EmployeeBand.TenToNineteen => "10 à 19 salariés",
        EmployeeBand.TwentyOrMore => "20 salariés ou plus",
        _ => band.ToString(),
    };

    public static string Label(this AgeBand band) => band switch
    {
        AgeBand.Unknown => "Non renseigné",
        AgeBand.Under30 => "Moins de 30 ans",
        AgeBand.From30To45 => "30 à 45 ans",
        AgeBand.From46To55 => "46 à 55 ans",
        AgeBand.From56To65 => "56 à 65 ans",
        AgeBand.Over65 => "Plus de 65 ans",
        _ => band.ToString(),
    };

    public static string Label(this Channels channel) => channel switch
    {
        Channels.Website => "Site internet",
        Channels.GoogleBusinessProfile => "Fiche Google Business Profile",
        Channels.SocialNetworks => "Réseaux sociaux",
        Channels.Marketplace => "Place de marché locale",
        Channels.ClickAndCollect => "Click & collect",
        Channels.OnlinePayment => "Paiement en ligne",
        Channels.Delivery => "Livraison",
        Channels.CustomerFile => "Fichier clients",
        _ => channel.ToString(),
    };

    public static IEnumerable<Channels> Each(this Channels channels) =>
        Enum.GetValues<Channels>().Where(c => c != Channels.None && channels.HasFlag(c));
}
