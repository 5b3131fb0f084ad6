namespace Coaching.Core.Actions;

/// <summary>An action of the coaching catalogue, known by a stable code.</summary>
public sealed record ActionCode(string Code, string Title);

/// <summary>
/// The codes recommendation rules may point at. The action catalogue is seeded with exactly these codes;
/// a questionnaire file referring to another code is rejected.
/// </summary>
public static class ActionCodes
{
    public static readonly IReadOnlyList<ActionCode> All =
    [
        new("GOOGLE_BUSINESS_PROFILE", "Revendiquer et compléter la fiche Google Business Profile"),
        new("LOCAL_DIRECTORIES", "Être présent dans les annuaires locaux (mairie, office de tourisme, Pages Jaunes)"),
        new("SIMPLE_WEBSITE", "Créer un site vitrine simple avec horaires, adresse et contact"),
        new("WEBSITE_UPDATE", "Mettre le site à jour et le rendre lisible sur téléphone"),
        new("ANSWER_REVIEWS", "Répondre aux avis clients, positifs comme négatifs"),
        new("ASK_FOR_REVIEWS", "Demander un avis aux clients satisfaits"),
        new("CUSTOMER_FILE_CONSENT", "Constituer un fichier clients contactable, avec leur consentement"),
        new("NEWSLETTER_SMS", "Envoyer régulièrement une lettre d'information ou des SMS"),
        new("LOYALTY_PROGRAM", "Mettre en place une carte ou un programme de fidélité"),
        new("GDPR_BASICS", "Respecter le RGPD : information des clients, durée de conservation, désinscription"),
        new("SOCIAL_PROFILE_SETUP", "Ouvrir une page professionnelle sur un réseau social adapté"),
        new("WEEKLY_SOCIAL_POST", "Publier chaque semaine sur un réseau social"),
        new("PHOTO_CONTENT", "Réaliser de bonnes photos des produits et de la boutique"),
        new("CLICK_AND_COLLECT", "Proposer la commande en ligne avec retrait en boutique (click & collect)"),
        new("LOCAL_MARKETPLACE", "Rejoindre la place de marché locale"),
        new("ECOMMERCE_SITE", "Ouvrir une boutique en ligne"),
        new("ONLINE_BOOKING", "Proposer la réservation ou la prise de rendez-vous en ligne"),
        new("ONLINE_PAYMENT", "Accepter le paiement en ligne"),
        new("CONTACTLESS_PAYMENT", "Accepter le paiement sans contact et par téléphone mobile"),
        new("PAYMENT_LINK", "Encaisser à distance par lien de paiement"),
        new("LOCAL_DELIVERY", "Organiser la livraison locale"),
        new("DELIVERY_PARTNER", "S'associer à un service de livraison ou à un point de retrait"),
        new("CERTIFIED_TILL", "S'équiper d'une caisse enregistreuse certifiée et connectée"),
        new("TILL_BACKUP", "Sauvegarder les données de la caisse"),
        new("STOCK_MANAGEMENT", "Suivre le stock avec un outil"),
        new("ACCOUNTING_SOFTWARE", "Tenir la comptabilité avec un logiciel en ligne partagé avec l'expert-comptable"),
        new("E_INVOICING", "Se préparer à la facturation électronique"),
        new("DASHBOARD_INDICATORS", "Suivre chaque mois quelques indicateurs simples"),
        new("DIGITAL_TRAINING", "Suivre une formation courte au numérique"),
        new("DIGITAL_TIME_SLOT", "Réserver un créneau fixe chaque semaine au numérique"),
        new("PASSWORD_MANAGER", "Utiliser des mots de passe solides et un gestionnaire de mots de passe"),
        new("TWO_FACTOR_AUTH", "Activer la double authentification sur les comptes importants"),
        new("DATA_BACKUP", "Sauvegarder régulièrement les fichiers hors de la boutique"),
        new("PHISHING_AWARENESS", "Savoir reconnaître les arnaques et les messages d'hameçonnage"),
    ];

    private static readonly Dictionary<string, ActionCode> ByCode = All.ToDictionary(a => a.Code, StringComparer.Ordinal);

    public static bool Exists(string? code) => code is not null && ByCode.ContainsKey(code);

    public static string TitleOf(string code) => ByCode.TryGetValue(code, out var action) ? action.Title : code;
}
