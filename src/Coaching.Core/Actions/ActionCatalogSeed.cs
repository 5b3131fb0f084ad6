namespace Coaching.Core.Actions;

/// <summary>What the catalogue holds for an action on first start; admins edit it afterwards.</summary>
public sealed record CatalogSeedEntry(string Code, string AxisCode, int Effort, int Impact, string Description, string Resources);

/// <summary>
/// The French catalogue seeded from <see cref="ActionCodes"/>: one entry per code, with the axis of the default
/// questionnaire it improves (see <see cref="DefaultAxisCodes"/>), effort and impact on a 1–3 scale, and resources.
/// </summary>
public static class ActionCatalogSeed
{
    private const string FranceNum = "France Num, l'initiative de l'État pour la transformation numérique des TPE et PME | https://www.francenum.gouv.fr/";
    private const string Cybermalveillance = "Cybermalveillance.gouv.fr : conseils, fiches pratiques et assistance aux victimes | https://www.cybermalveillance.gouv.fr/";
    private const string Cnil = "CNIL : le RGPD, par où commencer | https://www.cnil.fr/fr/rgpd-par-ou-commencer";

    public static readonly IReadOnlyList<CatalogSeedEntry> Entries =
    [
        new("GOOGLE_BUSINESS_PROFILE", DefaultAxisCodes.Visibility, 1, 3,
            "Revendiquer la fiche de l'établissement sur Google (ou la créer), puis la compléter : horaires (y compris jours fériés et congés), " +
            "téléphone, site, catégorie exacte, photos de la vitrine et des produits, attributs (retrait en boutique, accès fauteuil). " +
            "C'est souvent la première chose que voit un client qui cherche « boulangerie près de moi ».",
            "Google Business Profile : créer ou revendiquer sa fiche | https://www.google.com/business/\n" +
            "Aide officielle de Google Business Profile | https://support.google.com/business/\n" +
            "Vérifier les horaires avant chaque période de congés et la veille des jours fériés."),
        new("LOCAL_DIRECTORIES", DefaultAxisCodes.Visibility, 1, 2,
            "Vérifier et compléter la présence du commerce dans les annuaires qui comptent localement : site de la mairie ou de l'union " +
            "commerciale, office de tourisme, PagesJaunes, annuaire de la CCI ou de la CMA. Les mêmes nom, adresse et téléphone partout.",
            "PagesJaunes : gérer sa fiche professionnelle | https://www.pagesjaunes.fr/\n" +
            "CCI : trouver sa chambre de commerce et ses services | https://www.cci.fr/\n" +
            "Chambres de métiers et de l'artisanat | https://www.artisanat.fr/\n" +
            "Demander à l'union commerciale ou à l'office de tourisme comment figurer dans leur guide."),
        new("SIMPLE_WEBSITE", DefaultAxisCodes.Visibility, 2, 2,
            "Créer un site vitrine d'une à trois pages : présentation, produits phares, horaires, plan d'accès, téléphone et formulaire de contact. " +
            "Un outil en ligne simple suffit ; l'essentiel est un nom de domaine à soi et des informations toujours à jour.",
            FranceNum + "\n" +
            "France Num : guides et conseils pour créer son site | https://www.francenum.gouv.fr/guides-et-conseils\n" +
            "Réserver un nom de domaine en .fr au nom de l'entreprise, pas au nom du prestataire."),
        new("WEBSITE_UPDATE", DefaultAxisCodes.Visibility, 2, 2,
            "Relire le site avec le commerçant sur son téléphone : horaires, prix, produits, mentions légales, liens cassés. " +
            "Corriger ce qui est faux, rendre les pages lisibles sur mobile et décider qui met le site à jour, et quand.",
            "Tester le site sur un téléphone et sur une connexion lente avant et après les corrections.\n" +
            "Mentions légales obligatoires d'un site professionnel (Service-Public.fr) | https://entreprendre.service-public.fr/\n" +
            FranceNum),
        new("ANSWER_REVIEWS", DefaultAxisCodes.Visibility, 1, 2,
            "Répondre à chaque avis, en particulier aux avis négatifs : remercier, reconnaître le problème sans polémique, proposer une solution. " +
            "Les futurs clients lisent autant les réponses que les avis. Prévoir dix minutes par semaine.",
            "Aide Google : lire les avis et y répondre | https://support.google.com/business/\n" +
            "Modèle de réponse : merci – ce que l'on a compris – ce que l'on fait – invitation à revenir."),
        new("ASK_FOR_REVIEWS", DefaultAxisCodes.Visibility, 1, 2,
            "Demander un avis aux clients contents, au moment du passage en caisse : petite carte avec un QR code vers la fiche, " +
            "lien dans le ticket ou dans la lettre d'information. Ne jamais acheter ni rédiger de faux avis.",
            "Faux avis en ligne : une pratique commerciale trompeuse (DGCCRF) | https://www.economie.gouv.fr/dgccrf\n" +
            "Générer le lien « Demander des avis » depuis la fiche Google Business Profile et l'imprimer en QR code."),
        new("CUSTOMER_FILE_CONSENT", DefaultAxisCodes.Customers, 2, 3,
            "Constituer un fichier de clients que l'on peut recontacter : nom, e-mail ou téléphone, préférences, avec leur accord explicite " +
            "(case à cocher ou formulaire signé). Pendant les confinements, les commerçants qui en avaient un ont pu prévenir leurs clients du retrait en boutique.",
            Cnil + "\n" +
            "CNIL : la prospection commerciale par courrier électronique | https://www.cnil.fr/fr/la-prospection-commerciale-par-courrier-electronique\n" +
            "Recueillir l'accord à la caisse ou par un formulaire en ligne, et noter la date du consentement."),
        new("NEWSLETTER_SMS", DefaultAxisCodes.Customers, 2, 2,
            "Envoyer une lettre d'information ou un SMS à un rythme tenable (une fois par mois par exemple) : nouveautés, événements, " +
            "fermetures exceptionnelles. Un outil d'envoi gère les désinscriptions automatiquement.",
            "CNIL : la prospection commerciale par SMS et e-mail | https://www.cnil.fr/fr/la-prospection-commerciale-par-courrier-electronique\n" +
            "Préparer un calendrier des envois sur trois mois (fêtes, saisons, animations de la rue)."),
        new("LOYALTY_PROGRAM", DefaultAxisCodes.Customers, 2, 2,
            "Mettre en place une carte de fidélité, de préférence liée au fichier clients (carte dématérialisée ou logiciel de caisse) " +
            "plutôt qu'au tampon papier : elle permet de connaître les habitudes d'achat et de récompenser les clients réguliers.",
            "Vérifier si le logiciel de caisse propose déjà un module de fidélité avant d'acheter un autre outil.\n" +
            FranceNum),
        new("GDPR_BASICS", DefaultAxisCodes.Customers, 1, 2,
            "Mettre en règle le fichier clients : informer les clients (affiche en boutique, mention sur le formulaire), fixer une durée " +
            "de conservation (trois ans après le dernier achat pour la prospection), permettre la désinscription, protéger l'accès au fichier.",
            Cnil + "\n" +
            "CNIL : guide de sensibilisation au RGPD pour les petites entreprises | https://www.cnil.fr/fr/professionnels\n" +
            "Tenir un registre simple : quel fichier, pour quoi faire, combien de temps, qui y a accès."),
        new("SOCIAL_PROFILE_SETUP", DefaultAxisCodes.Social, 1, 2,
            "Ouvrir une page professionnelle sur le réseau où sont les clients du commerce (Instagram pour un fleuriste ou une pâtisserie, " +
            "Facebook pour une clientèle locale plus âgée), avec les mêmes informations que la fiche Google et un lien vers elle.",
            "Instagram pour les professionnels | https://business.instagram.com/\n" +
            "Facebook pour les entreprises | https://www.facebook.com/business\n" +
            "Un seul réseau bien tenu vaut mieux que trois pages abandonnées."),
        new("WEEKLY_SOCIAL_POST", DefaultAxisCodes.Social, 2, 2,
            "Publier au moins une fois par semaine : arrivage, coulisses de l'atelier, produit du moment, événement de la rue. " +
            "Préparer les publications à l'avance sur un créneau fixe et les programmer.",
            "Idées de sujets : le geste du métier, le produit de saison, un client fidèle (avec son accord), l'équipe.\n" +
            "Programmer les publications depuis l'outil gratuit du réseau (Meta Business Suite pour Facebook et Instagram) | https://www.facebook.com/business"),
        new("PHOTO_CONTENT", DefaultAxisCodes.Social, 1, 2,
            "Faire une série de photos nettes et lumineuses de la vitrine, de l'intérieur et des produits phares, au téléphone, à la lumière " +
            "du jour. Elles servent à la fiche Google, au site, aux réseaux sociaux et à la place de marché.",
            "Conseils : lumière naturelle, fond neutre, objectif nettoyé, photo à hauteur du produit, pas de zoom numérique.\n" +
            "Ranger les photos dans un dossier partagé et sauvegardé pour les retrouver facilement."),
        new("CLICK_AND_COLLECT", DefaultAxisCodes.OnlineSales, 2, 3,
            "Proposer la commande en ligne (ou par message) avec retrait en boutique à un créneau choisi : commandes de fêtes, bouquets, " +
            "paniers. Commencer par une offre courte, et prévenir les clients du fichier que le service existe.",
            "Place de marché locale ou module de click & collect du site : comparer les commissions et les frais fixes.\n" +
            FranceNum),
        new("LOCAL_MARKETPLACE", DefaultAxisCodes.OnlineSales, 2, 2,
            "Rejoindre la place de marché locale soutenue par la collectivité ou l'union commerciale : elle apporte une visibilité commune, " +
            "le paiement en ligne et souvent la livraison, sans avoir à construire sa propre boutique en ligne.",
            "Se renseigner auprès de la CCI, de la mairie ou de l'union commerciale sur la place de marché du territoire | https://www.cci.fr/\n" +
            "Préparer 10 à 20 produits avec photos, prix et stock avant l'ouverture."),
        new("ECOMMERCE_SITE", DefaultAxisCodes.OnlineSales, 3, 3,
            "Ouvrir une boutique en ligne quand le commerce a des produits qui se vendent à distance et le temps de préparer les commandes : " +
            "catalogue, paiement, conditions générales de vente, expédition ou retrait, service après-vente.",
            FranceNum + "\n" +
            "Conditions générales de vente et obligations de la vente à distance (Service-Public.fr) | https://entreprendre.service-public.fr/\n" +
            "Évaluer le temps hebdomadaire de préparation des commandes avant de se lancer."),
        new("ONLINE_BOOKING", DefaultAxisCodes.OnlineSales, 2, 2,
            "Permettre de réserver une table, un rendez-vous ou une prestation en ligne (coiffure, institut, restaurant, atelier), avec rappel " +
            "automatique par SMS pour réduire les rendez-vous non honorés.",
            "Relier l'agenda en ligne au bouton « Réserver » de la fiche Google Business Profile.\n" +
            FranceNum),
        new("ONLINE_PAYMENT", DefaultAxisCodes.Payment, 2, 3,
            "Accepter le paiement par carte en ligne pour les commandes, les acomptes et les bons cadeaux, par le module de la banque, " +
            "de la place de marché ou d'un prestataire de paiement.",
            "Comparer les offres de la banque et des prestataires : frais fixes, commission, délai de versement.\n" +
            FranceNum),
        new("CONTACTLESS_PAYMENT", DefaultAxisCodes.Payment, 1, 2,
            "Vérifier que le terminal de paiement accepte le sans contact et les paiements par téléphone mobile, et l'afficher en vitrine ; " +
            "proposer aussi un paiement par téléphone ou petit terminal pour les marchés et les livraisons.",
            "Demander à la banque un terminal récent ou une solution d'encaissement sur téléphone.\n" +
            "Afficher les moyens de paiement acceptés à l'entrée et en caisse."),
        new("PAYMENT_LINK", DefaultAxisCodes.Payment, 1, 2,
            "Encaisser à distance en envoyant un lien de paiement par SMS ou e-mail : commande passée par téléphone, acompte sur une " +
            "commande de fête, livraison. Simple à mettre en place avec la banque ou un prestataire de paiement.",
            "Vérifier que le lien est émis par la banque ou un prestataire agréé et qu'il expire après usage.\n" +
            "Prévoir un message type à envoyer au client avec le lien."),
        new("LOCAL_DELIVERY", DefaultAxisCodes.Logistics, 2, 2,
            "Organiser la livraison dans la commune et les communes voisines : zone, jours et créneaux, minimum de commande, prix, " +
            "et qui livre. Commencer par une tournée par semaine.",
            "Calculer le coût réel d'une tournée (temps, carburant) avant de fixer le prix de la livraison.\n" +
            "Informer les clients du fichier et l'indiquer sur la fiche Google Business Profile."),
        new("DELIVERY_PARTNER", DefaultAxisCodes.Logistics, 2, 2,
            "S'associer à un service de livraison local (coursiers à vélo, service municipal, plateforme) ou devenir ou utiliser un point " +
            "de retrait, pour livrer sans y passer soi-même du temps.",
            "La Poste, offres aux professionnels (envois, retrait) | https://www.laposte.fr/professionnel\n" +
            "Demander à l'union commerciale si une livraison mutualisée existe sur le territoire."),
        new("CERTIFIED_TILL", DefaultAxisCodes.Management, 2, 2,
            "S'équiper d'un logiciel ou système de caisse certifié (obligatoire depuis 2018 pour les commerçants assujettis à la TVA qui " +
            "enregistrent les paiements de leurs clients) et connecté : ventes par produit, stock, fichier clients, export comptable.",
            "Obligation : article 286, I-3° bis du code général des impôts, certificat (par exemple NF 525) ou attestation de l'éditeur.\n" +
            "Impots.gouv.fr, espace professionnel | https://www.impots.gouv.fr/professionnel"),
        new("TILL_BACKUP", DefaultAxisCodes.Management, 1, 2,
            "Vérifier que les données de la caisse (ventes, clients, articles) sont sauvegardées automatiquement hors de la boutique, " +
            "et savoir les restaurer : une caisse volée ou en panne ne doit pas emporter l'historique.",
            "Demander à l'éditeur de la caisse où sont les sauvegardes, à quelle fréquence, et comment les restaurer.\n" +
            Cybermalveillance),
        new("STOCK_MANAGEMENT", DefaultAxisCodes.Management, 2, 2,
            "Suivre le stock dans un outil (module de la caisse ou tableur partagé) plutôt que de mémoire : alertes de réassort, produits " +
            "qui ne tournent pas, et stock juste pour la vente en ligne ou sur la place de marché.",
            "Commencer par les 20 références qui font l'essentiel du chiffre d'affaires.\n" +
            FranceNum),
        new("ACCOUNTING_SOFTWARE", DefaultAxisCodes.Management, 2, 2,
            "Tenir la comptabilité dans un logiciel en ligne partagé avec l'expert-comptable : pièces photographiées au fil de l'eau, " +
            "rapprochement bancaire automatique, moins de saisie et de papier en fin d'année.",
            "Demander à l'expert-comptable quel outil il recommande et s'il peut l'ouvrir au commerçant.\n" +
            FranceNum),
        new("E_INVOICING", DefaultAxisCodes.Management, 2, 2,
            "Se préparer à la facturation électronique entre entreprises : toutes les entreprises devront pouvoir recevoir des factures " +
            "électroniques à partir de septembre 2026, et les petites entreprises les émettre à partir de septembre 2027. Choisir une plateforme agréée.",
            "Impots.gouv.fr, espace professionnel (rubrique facturation électronique) | https://www.impots.gouv.fr/professionnel\n" +
            "Vérifier avec l'expert-comptable et l'éditeur du logiciel de caisse ou de comptabilité ce qu'ils proposent."),
        new("DASHBOARD_INDICATORS", DefaultAxisCodes.Management, 1, 2,
            "Suivre chaque mois trois à cinq indicateurs simples : chiffre d'affaires, panier moyen, nombre de clients, part des ventes " +
            "en ligne, nouveaux inscrits au fichier. Les noter dans un tableau et les comparer d'un mois sur l'autre.",
            "La plupart des caisses connectées donnent ces chiffres : apprendre à les extraire.\n" +
            "Fixer une date fixe chaque mois pour les relever."),
        new("DIGITAL_TRAINING", DefaultAxisCodes.Skills, 2, 2,
            "Suivre une formation courte sur un sujet précis (réseaux sociaux, fiche Google, vente en ligne, cybersécurité), éventuellement " +
            "financée par le compte personnel de formation ou le fonds d'assurance formation du dirigeant.",
            "Mon compte formation | https://www.moncompteformation.gouv.fr/\n" +
            "Ateliers et formations numériques des CCI | https://www.cci.fr/\n" +
            FranceNum),
        new("DIGITAL_TIME_SLOT", DefaultAxisCodes.Skills, 1, 2,
            "Bloquer un créneau fixe d'une heure par semaine pour le numérique (avis, publications, fiche, fichier clients), à un moment " +
            "calme de la semaine : sans ce créneau, ces tâches passent toujours après la boutique.",
            "Noter le créneau dans l'agenda comme un rendez-vous, et garder une liste des tâches à y faire."),
        new("PASSWORD_MANAGER", DefaultAxisCodes.Skills, 1, 2,
            "Remplacer les mots de passe réutilisés ou notés sur papier par des mots de passe longs et différents, rangés dans un " +
            "gestionnaire de mots de passe ; ne plus partager le même compte entre tous les employés.",
            "Cybermalveillance.gouv.fr : bonnes pratiques pour les mots de passe | https://www.cybermalveillance.gouv.fr/\n" +
            "Commencer par la messagerie, la banque, la caisse et la fiche Google."),
        new("TWO_FACTOR_AUTH", DefaultAxisCodes.Skills, 1, 2,
            "Activer la double authentification sur les comptes importants : messagerie, banque, fiche Google, réseaux sociaux, site, " +
            "place de marché. Un mot de passe volé ne suffit alors plus à prendre le compte.",
            Cybermalveillance + "\n" +
            "Noter les codes de secours dans le gestionnaire de mots de passe."),
        new("DATA_BACKUP", DefaultAxisCodes.Skills, 1, 3,
            "Sauvegarder régulièrement et automatiquement les fichiers importants (factures, fichier clients, photos) hors de la boutique : " +
            "service en ligne ou disque rangé ailleurs. Vérifier une fois par trimestre qu'une restauration fonctionne.",
            "Règle 3-2-1 : trois copies, sur deux supports différents, dont une hors de la boutique.\n" +
            Cybermalveillance),
        new("PHISHING_AWARENESS", DefaultAxisCodes.Skills, 1, 2,
            "Apprendre à reconnaître les messages frauduleux (faux fournisseur, faux conseiller bancaire, fausse facture, faux colis) et " +
            "savoir quoi faire : ne pas cliquer, vérifier par un autre canal, signaler.",
            "17Cyber : diagnostic et assistance en cas de cyberattaque | https://17cyber.gouv.fr/\n" +
            "Signal Spam : signaler un message indésirable | https://www.signal-spam.fr/\n" +
            Cybermalveillance),
    ];
}

/// <summary>
/// Axis codes of the default questionnaire as this catalogue expects them; admins can change an action's axis when the
/// published questionnaire uses other codes (the plan ranking then falls back to the axis of the rule that fired).
/// </summary>
/// <summary>The axis codes of the default questionnaire (Diagnostics/Default/commerce-local.json).</summary>
public static class DefaultAxisCodes
{
    public const string Visibility = "VISIBILITE";
    public const string Customers = "CLIENTS";
    public const string Social = "RESEAUX";
    public const string OnlineSales = "VENTE";
    public const string Payment = "PAIEMENT";
    public const string Logistics = "LOGISTIQUE";
    public const string Management = "GESTION";
    public const string Skills = "COMPETENCES";
}
