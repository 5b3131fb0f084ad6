namespace Coaching.Tests.Support;

/// <summary>
/// One app shared by the test classes that change plans, statuses and assignments of the demo club (plan page, merchant
/// space, sessions after a reassignment, roadmap files): a collection runs them one after another, and leaves the other
/// tests their own demo data.
/// </summary>
public sealed class CaseworkChangesApp : CoachingAppFactory
{
    public const string Collection = "Casework changes";
}

[CollectionDefinition(CaseworkChangesApp.Collection)]
public sealed class CaseworkChangesCollection : ICollectionFixture<CaseworkChangesApp>;
