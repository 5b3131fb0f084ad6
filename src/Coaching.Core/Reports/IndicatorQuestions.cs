namespace Coaching.Core.Reports;

/// <summary>
/// The default questionnaire's answers the club reports on at first vs latest diagnostic, with the option codes that
/// count as « yes ». They are the gaps that hurt during the lockdowns.
/// </summary>
public static class IndicatorQuestions
{
    public sealed record Indicator(string Key, string Label, string QuestionCode, IReadOnlyList<string> Options, string Rule);

    public static readonly IReadOnlyList<Indicator> All =
    [
        new("customer_file", "Fichier clients joignable", "customer_file", ["file", "segmented"], "a un fichier de clients qu'il peut contacter"),
        new("click_and_collect", "Click & collect", "click_and_collect", ["yes"], "répond « oui » au click & collect"),
        new("online_sales", "Vente ou réservation en ligne", "remote_orders", ["online"], "prend des commandes ou réservations en ligne"),
        new("google_business_profile", "Fiche Google Business Profile gérée", "gbp_claimed", ["claimed"], "gère sa fiche Google"),
    ];
}
