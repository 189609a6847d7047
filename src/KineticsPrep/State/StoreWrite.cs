using Microsoft.Data.Sqlite;

namespace KineticsPrep.State;

/// <summary>
/// The connection of one <see cref="StateStore"/> write (one transaction). Each statement is parsed once and run again
/// with the next row's values: a batch of clips costs one parse per statement, not one per clip.
/// </summary>
internal sealed class StoreWrite(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

    public int Execute(string sql, params (string Name, object Value)[] parameters) => Statement(sql, parameters).ExecuteNonQuery();

    public object? Scalar(string sql) => Statement(sql, []).ExecuteScalar();

    private SqliteCommand Statement(string sql, (string Name, object Value)[] parameters)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _statements.Add(sql, command);
        }
        foreach (var (name, value) in parameters)
        {
            if (command.Parameters.Contains(name))
                command.Parameters[name].Value = value;
            else
                command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
            statement.Dispose();
    }
}
