using Coaching.Web.Demo;

namespace Coaching.Tests.Support;

/// <summary>The seven people of the authorization table; all but <see cref="Anonymous"/> are demo accounts.</summary>
public enum Persona
{
    Anonymous,
    MerchantA,
    MerchantB,
    AdvisorA,
    AdvisorB,
    Manager,
    Admin,
}

public static class Personas
{
    public static readonly IReadOnlyList<Persona> All = Enum.GetValues<Persona>();

    /// <summary>The demo account behind a persona (null for <see cref="Persona.Anonymous"/>).</summary>
    public static DemoAccount? Account(this Persona persona) => persona switch
    {
        Persona.Anonymous => null,
        Persona.MerchantA => DemoAccounts.MerchantA,
        Persona.MerchantB => DemoAccounts.MerchantB,
        Persona.AdvisorA => DemoAccounts.AdvisorA,
        Persona.AdvisorB => DemoAccounts.AdvisorB,
        Persona.Manager => DemoAccounts.Manager,
        Persona.Admin => DemoAccounts.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(persona), persona, null),
    };
}
