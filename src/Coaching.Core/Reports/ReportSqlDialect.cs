using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Coaching.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Coaching.Core.Reports;

/// <summary>
/// What the report SQL (<see cref="ReportFactsSql"/>, <see cref="ReportQuery"/>, <see cref="ReportFactsSync"/>) writes
/// differently on SQLite and PostgreSQL. The statements are written once, in SQLite's words; the SQLite dialect returns
/// every piece unchanged (its SQL is byte for byte what it was before PostgreSQL), the PostgreSQL one swaps the pieces
/// SQLite spells its own way and <see cref="Finish"/> quotes the PascalCase identifiers EF Core created quoted.
/// Sets of ids or days are passed on both as one JSON array parameter.
/// </summary>
public abstract partial class ReportSqlDialect
{
    public static readonly ReportSqlDialect Sqlite = new SqliteDialect();
    public static readonly ReportSqlDialect Postgres = new PostgresDialect();

    public static ReportSqlDialect Of(DatabaseFacade database) => database.ProviderName switch
    {
        DatabaseProviders.Npgsql => Postgres,
        DatabaseProviders.Sqlite => Sqlite,
        _ => throw new NotSupportedException($"The report SQL is written for SQLite and PostgreSQL, not {database.ProviderName}."),
    };

    public static ReportSqlDialect Of(DbCommand command) =>
        command is SqliteCommand ? Sqlite
        : command.GetType().FullName == "Npgsql.NpgsqlCommand" ? Postgres
        : throw new NotSupportedException($"The report SQL is written for SQLite and PostgreSQL, not {command.GetType().Name}.");

    public abstract bool IsPostgres { get; }

    /// <summary>The finished statement: on PostgreSQL, PascalCase identifiers quoted (idempotent).</summary>
    public abstract string Finish(string sql);

    /// <summary>Column type of a UTC instant (SQLite: EF's text format; PostgreSQL: timestamptz).</summary>
    public abstract string InstantType { get; }

    public abstract string RealType { get; }

    /// <summary>Column type of the daily totals' text keys (days, months, kinds): compared as bytes on both.</summary>
    public abstract string KeyType { get; }

    public abstract string WithoutRowId { get; }

    /// <summary>The always-true condition.</summary>
    public abstract string True { get; }

    /// <summary>A condition as 0/1 (SQLite's conditions already are numbers).</summary>
    public abstract string Flag(string condition);

    /// <summary>The ids of the JSON array parameter, as a SELECT.</summary>
    public abstract string IdSet(string parameter);

    /// <summary>The texts of the JSON array parameter, as a table function whose column is `value`.</summary>
    public abstract string TextRows(string parameter);

    /// <summary>The texts of the JSON array parameter, as a SELECT.</summary>
    public string TextSet(string parameter) => $"SELECT value FROM {TextRows(parameter)}";

    /// <summary>Constant integers as a table aliased <paramref name="alias"/> whose column is `value`.</summary>
    public abstract string IntRows(IReadOnlyList<int> values, string alias);

    /// <summary>The Paris calendar day (yyyy-MM-dd) of a stored UTC instant.</summary>
    public abstract string ParisDay(string instant);

    /// <summary>The instants <paramref name="instant"/> of the Paris day <paramref name="day"/> (text yyyy-MM-dd).</summary>
    public abstract string OnParisDay(string instant, string day);

    /// <summary>The instants of the Paris month <paramref name="month"/> (text yyyy-MM).</summary>
    public abstract string OnParisMonth(string instant, string month);

    /// <summary>A date column as text yyyy-MM-dd.</summary>
    public abstract string DateText(string date);

    /// <summary>A date column equal to a text day.</summary>
    public abstract string DateIs(string date, string day);

    /// <summary>A text yyyy-MM-dd parameter as a date to compare with a date column.</summary>
    public abstract string AsDate(string day);

    /// <summary>Days (fractional) from <paramref name="earlier"/> to <paramref name="later"/>.</summary>
    public abstract string DaysBetween(string later, string earlier);

    /// <summary>A text sorting the axes: the title, the unit separator, the position on three digits.</summary>
    public abstract string AxisSortText(string title, string position);

    public abstract string Instr { get; }

    /// <summary>SQLite's CROSS JOIN keeps the join order (and takes an ON); PostgreSQL plans a plain JOIN itself.</summary>
    public abstract string CrossJoin { get; }

    /// <summary>SQLite's unary + keeps a column from using an index; PostgreSQL needs none (and has no + on instants).</summary>
    public abstract string NoIndex { get; }

    /// <summary>The alias a derived table needs on PostgreSQL 15 (with its leading space), none on SQLite.</summary>
    public abstract string DerivedAlias(string alias);

    /// <summary>A NULL in the first row of a UNION whose later rows hold a double.</summary>
    public abstract string NullDouble { get; }

    /// <summary>The empty months table (Month, Start, Finish, D1, D2).</summary>
    public abstract string NoMonths { get; }

    /// <summary>A UTC instant as a parameter value compared with stored instants.</summary>
    public abstract object Instant(DateTimeOffset instant);

    private sealed class SqliteDialect : ReportSqlDialect
    {
        /// <summary>The format EF Core's SQLite provider stores date-times in (as UTC); text order is time order.</summary>
        private const string StoredDateTime = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

        public override bool IsPostgres => false;
        public override string Finish(string sql) => sql;
        public override string InstantType => "TEXT";
        public override string RealType => "REAL";
        public override string KeyType => "TEXT";
        public override string WithoutRowId => " WITHOUT ROWID";
        public override string True => "1";
        public override string Flag(string condition) => condition;
        public override string IdSet(string parameter) => $"SELECT value FROM json_each({parameter})";
        public override string TextRows(string parameter) => $"json_each({parameter})";
        public override string IntRows(IReadOnlyList<int> values, string alias) => $"json_each('[{string.Join(",", values)}]') {alias}";

        /// <summary>
        /// Summer time (UTC+2) runs from the last Sunday of March to the last Sunday of October at 01:00 UTC (the EU rule
        /// since 1996), UTC+1 otherwise: SQLite has no time zone database.
        /// </summary>
        public override string ParisDay(string instant) =>
            $"date({instant}, CASE WHEN {instant} >= date(substr({instant}, 1, 4) || '-03-25', 'weekday 0') || ' 01:00:00' " +
            $"AND {instant} < date(substr({instant}, 1, 4) || '-10-25', 'weekday 0') || ' 01:00:00' THEN '+2 hours' ELSE '+1 hour' END)";

        public override string OnParisDay(string instant, string day) =>
            $"{instant} >= date({day}, '-1 day') AND {instant} < date({day}, '+1 day') AND {ParisDay(instant)} = {day}";

        public override string OnParisMonth(string instant, string month) =>
            $"{instant} >= date({month} || '-01', '-1 day') AND {instant} < date({month} || '-01', '+1 month', '+1 day') AND substr({ParisDay(instant)}, 1, 7) = {month}";

        public override string DateText(string date) => date;
        public override string DateIs(string date, string day) => $"{date} = {day}";
        public override string AsDate(string day) => day;
        public override string DaysBetween(string later, string earlier) => $"julianday({later}) - julianday({earlier})";
        public override string AxisSortText(string title, string position) => $"{title} || char(31) || printf('%03d', {position})";
        public override string Instr => "instr";
        public override string CrossJoin => "CROSS JOIN";
        public override string NoIndex => "+";
        public override string DerivedAlias(string alias) => "";
        public override string NullDouble => "NULL";
        public override string NoMonths => "SELECT NULL, NULL, NULL, NULL, NULL WHERE 0";
        public override object Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString(StoredDateTime, CultureInfo.InvariantCulture);
    }

    private sealed partial class PostgresDialect : ReportSqlDialect
    {
        private const string Paris = "'Europe/Paris'";

        public override bool IsPostgres => true;

        /// <summary>String literals, parameters and quoted names are kept; a bare name starting with a capital and holding
        /// a small letter (Merchants, ClubId, Axis0) is quoted. Keywords and the report's own one-letter columns (N, A, B,
        /// G) are capitals only and stay as they are.</summary>
        public override string Finish(string sql) => Tokens().Replace(sql, token =>
            token.Value[0] is '\'' or '@' or '"' || !char.IsUpper(token.Value[0]) || !token.Value.Any(char.IsLower)
                ? token.Value
                : $"\"{token.Value}\"");

        [GeneratedRegex(@"'(?:[^']|'')*'|""[^""]*""|@\w+|\b[A-Za-z_][A-Za-z0-9_]*\b")]
        private static partial Regex Tokens();

        public override string InstantType => "timestamptz";
        public override string RealType => "double precision";
        public override string KeyType => "text COLLATE \"C\"";
        public override string WithoutRowId => "";
        public override string True => "TRUE";
        public override string Flag(string condition) => $"CAST({condition} AS integer)";
        public override string IdSet(string parameter) => $"SELECT CAST(value AS integer) FROM {TextRows(parameter)}";
        public override string TextRows(string parameter) => $"jsonb_array_elements_text(CAST({parameter} AS jsonb))";
        public override string IntRows(IReadOnlyList<int> values, string alias) => $"unnest(ARRAY[{string.Join(",", values)}]) AS {alias}(value)";
        public override string ParisDay(string instant) => $"to_char({instant} AT TIME ZONE {Paris}, 'YYYY-MM-DD')";

        // A local midnight AT TIME ZONE Paris is the instant it starts: the bounds are exact, DST included.
        public override string OnParisDay(string instant, string day) =>
            $"{instant} >= CAST({day} AS timestamp) AT TIME ZONE {Paris} AND {instant} < (CAST({day} AS timestamp) + interval '1 day') AT TIME ZONE {Paris}";

        public override string OnParisMonth(string instant, string month) =>
            $"{instant} >= CAST({month} || '-01' AS timestamp) AT TIME ZONE {Paris} AND {instant} < (CAST({month} || '-01' AS timestamp) + interval '1 month') AT TIME ZONE {Paris}";

        public override string DateText(string date) => $"to_char({date}, 'YYYY-MM-DD')";
        public override string DateIs(string date, string day) => $"{date} = CAST({day} AS date)";
        public override string AsDate(string day) => $"CAST({day} AS date)";
        public override string DaysBetween(string later, string earlier) => $"CAST(EXTRACT(EPOCH FROM {later} - {earlier}) AS double precision) / 86400";
        public override string AxisSortText(string title, string position) => $"{title} || chr(31) || lpad(CAST({position} AS text), 3, '0')";
        public override string Instr => "strpos";
        public override string CrossJoin => "JOIN";
        public override string NoIndex => "";
        public override string DerivedAlias(string alias) => " " + alias;
        public override string NullDouble => "CAST(NULL AS double precision)";
        public override string NoMonths =>
            "SELECT CAST(NULL AS text), CAST(NULL AS timestamptz), CAST(NULL AS timestamptz), CAST(NULL AS text), CAST(NULL AS text) WHERE FALSE";
        public override object Instant(DateTimeOffset instant) => instant.ToUniversalTime();
    }
}
