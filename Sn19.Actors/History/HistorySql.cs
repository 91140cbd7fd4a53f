namespace Sn19.Actors.History;

using System.Data.Common;

/// <summary>The small pieces of ADO.NET both databases take alike: named parameters, nullable columns, times as
/// Unix milliseconds (one integer type on both, and ordered like the times).</summary>
internal static class HistorySql
{
    public static DbCommand Command(DbConnection connection, string text, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = transaction;
        return command;
    }

    public static DbParameter Parameter(DbCommand command, string name, object? value = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public static object Value(object? value) => value ?? DBNull.Value;

    public static long Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static DateTimeOffset Time(DbDataReader reader, int column) => DateTimeOffset.FromUnixTimeMilliseconds(Long(reader, column));

    public static long Long(DbDataReader reader, int column) => Convert.ToInt64(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);

    public static int Int(DbDataReader reader, int column) => (int)Long(reader, column);

    public static double? NullableDouble(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : Convert.ToDouble(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);

    public static double Double(DbDataReader reader, int column) => NullableDouble(reader, column) ?? 0;

    public static ushort? Uid(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : (ushort)Long(reader, column);

    public static string? NullableString(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
