using System.Globalization;

namespace Ltv.Core.IO.Db;

/// <summary>
/// A column of a <see cref="System.Data.Common.DbDataReader"/>, by name (matched case-insensitively, as
/// <see cref="System.Data.Common.DbDataReader.GetOrdinal(string)"/> does) or by 0-based ordinal. A string or an
/// int converts to it: <c>CustomerColumn = "cust_no"</c> or <c>CustomerColumn = 0</c>.
/// </summary>
public readonly record struct DbColumn
{
    private DbColumn(string? name, int ordinal)
    {
        Name = name;
        Ordinal = ordinal;
    }

    /// <summary>The column name; <see langword="null"/> when the column is given by ordinal.</summary>
    public string? Name { get; }

    /// <summary>The 0-based ordinal; -1 when the column is given by name.</summary>
    public int Ordinal { get; }

    /// <summary>A column by name.</summary>
    /// <param name="name">The name, not blank.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentException">A blank name.</exception>
    public static DbColumn Named(string name) =>
        string.IsNullOrWhiteSpace(name)
            ? throw new ArgumentException($"name must not be empty or blank (was '{name}').", nameof(name))
            : new DbColumn(name, -1);

    /// <summary>A column by 0-based ordinal.</summary>
    /// <param name="ordinal">The ordinal, zero or more.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative ordinal.</exception>
    public static DbColumn At(int ordinal) =>
        ordinal < 0
            ? throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"ordinal must be zero or more (was '{ordinal.ToString(CultureInfo.InvariantCulture)}').")
            : new DbColumn(null, ordinal);

    /// <summary>A column by name.</summary>
    /// <param name="name">The name.</param>
    public static implicit operator DbColumn(string name) => Named(name);

    /// <summary>A column by 0-based ordinal.</summary>
    /// <param name="ordinal">The ordinal.</param>
    public static implicit operator DbColumn(int ordinal) => At(ordinal);

    /// <summary>The name, or <c>#</c> and the ordinal.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name ?? "#" + Ordinal.ToString(CultureInfo.InvariantCulture);
}
