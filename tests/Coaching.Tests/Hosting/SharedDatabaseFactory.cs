
using Coaching.Tests.Support;

namespace Coaching.Tests.Hosting;

/// <summary>
/// Another instance of the app on the database of <paramref name="first"/> but with a data folder of its own, as an
/// instance on another machine would have.
/// </summary>
public sealed class SharedDatabaseFactory(CoachingAppFactory first) : CoachingAppFactory
{
    protected override string DatabaseConnectionString => first.ConnectionString;
}
