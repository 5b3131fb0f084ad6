using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Coaching.Web.French;

/// <summary>Model binding speaks French when a value cannot even be converted (e.g. letters in a number field).</summary>
public static class FrenchModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"La valeur « {value} » n'est pas valide pour le champ {field}.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Le champ {field} est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Saisissez un nombre.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"La valeur saisie n'est pas valide pour le champ {field}.");
        messages.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        messages.SetValueMustBeANumberAccessor(field => $"Le champ {field} doit être un nombre.");
        messages.SetValueMustNotBeNullAccessor(value => $"Une valeur est obligatoire.");
    }
}
