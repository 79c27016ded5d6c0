using System.Collections;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

using Ltv.Core.IO;

using Parquet;
using Parquet.Schema;

namespace Ltv.Core.Parquet;

/// <summary>
/// A forward-only <see cref="DbDataReader"/> over the flat columns of a Parquet file, one row group in memory at a
/// time, so that <see cref="IO.Db.DbLogReader"/> reads a Parquet log with the rules, reject reports and messages it
/// has for database results (row and column numbers are the file's, from 1).
/// </summary>
/// <remarks>
/// Only top-level, non-repeated columns are visible; a column is decoded the first time a row group asks for it, so
/// columns nobody reads cost nothing. Values keep the CLR type Parquet.Net gives them (strings, integers, floating
/// point, decimals, <see cref="DateTime"/> for dates and timestamps).
/// </remarks>
internal sealed class ParquetDataReader : DbDataReader
{
    private readonly ParquetReader _file;
    private readonly string _source;
    private readonly DataField[] _fields;
    private readonly Column?[] _columns;
    private readonly bool[] _used;
    private ParquetRowGroupReader? _group;
    private int _groupIndex = -1;
    private int _groupRows;
    private int _row = -1;
    private bool _closed;

    private ParquetDataReader(ParquetReader file, string source)
    {
        _file = file;
        _source = source;
        _fields = [.. file.Schema.Fields.OfType<DataField>().Where(f => !f.IsArray)];
        _columns = new Column?[_fields.Length];
        _used = new bool[_fields.Length];
    }

    /// <summary>Opens a Parquet stream (readable and seekable).</summary>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="source">How messages name the stream.</param>
    /// <param name="cancellationToken">Stops the open.</param>
    /// <returns>The reader, before its first row.</returns>
    /// <exception cref="InvalidDataException">The stream is not a Parquet file; the message names the source.</exception>
    public static async Task<ParquetDataReader> OpenAsync(Stream stream, string source, CancellationToken cancellationToken)
    {
        try
        {
            var file = await ParquetReader.CreateAsync(stream, new ParquetOptions { TreatByteArrayAsString = true }, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
            return new ParquetDataReader(file, source);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException and not UnauthorizedAccessException and not FileNotFoundException)
        {
            throw new InvalidDataException($"{source}: not a Parquet file, or a damaged one ({OneLine(e.Message)}).", e);
        }
    }

    /// <summary>The number of rows of the file, from its footer.</summary>
    public long TotalRows => _file.RowGroups.Sum(g => g.RowCount);

    /// <inheritdoc/>
    public override int FieldCount => _fields.Length;

    /// <inheritdoc/>
    public override bool HasRows => TotalRows > 0;

    /// <inheritdoc/>
    public override bool IsClosed => _closed;

    /// <inheritdoc/>
    public override int RecordsAffected => -1;

    /// <inheritdoc/>
    public override int Depth => 0;

    /// <inheritdoc/>
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc/>
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc/>
    public override string GetName(int ordinal) => _fields[ordinal].Name;

    /// <inheritdoc/>
    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            if (string.Equals(_fields[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentException($"{_source}: no column '{name}'.", nameof(name));
    }

    /// <inheritdoc/>
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    public override Type GetFieldType(int ordinal) => _fields[ordinal].ClrType switch
    {
        var t when t == typeof(string) || t == typeof(ReadOnlyMemory<char>) => typeof(string),
        var t when t == typeof(long) => typeof(long),
        var t when t == typeof(int) => typeof(int),
        var t when t == typeof(short) => typeof(short),
        var t when t == typeof(sbyte) => typeof(sbyte),
        var t when t == typeof(byte) => typeof(byte),
        var t when t == typeof(ushort) => typeof(ushort),
        var t when t == typeof(uint) => typeof(uint),
        var t when t == typeof(ulong) => typeof(ulong),
        var t when t == typeof(double) => typeof(double),
        var t when t == typeof(float) => typeof(float),
        var t when t == typeof(decimal) => typeof(decimal),
        var t when t == typeof(DateTime) => typeof(DateTime),
        var t when t == typeof(DateOnly) => typeof(DateOnly),
        var t when t == typeof(bool) => typeof(bool),
        _ => typeof(object),
    };

    /// <inheritdoc/>
    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;

    /// <inheritdoc/>
    public override bool Read()
    {
        if (++_row < _groupRows)
        {
            return true;
        }

        return NextGroupAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc/>
    public override Task<bool> ReadAsync(CancellationToken cancellationToken) =>
        ++_row < _groupRows ? Task.FromResult(true) : NextGroupAsync(cancellationToken).AsTask();

    /// <inheritdoc/>
    public override bool NextResult() => false;

    /// <inheritdoc/>
    public override bool IsDBNull(int ordinal) => Load(ordinal).IsNull(_row);

    /// <inheritdoc/>
    public override object GetValue(int ordinal) => Load(ordinal).Get(_row) ?? DBNull.Value;

    /// <inheritdoc/>
    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = Math.Min(values.Length, _fields.Length);
        for (var i = 0; i < n; i++)
        {
            values[i] = GetValue(i);
        }

        return n;
    }

    /// <inheritdoc/>
    public override string GetString(int ordinal) => Load(ordinal) is Column<string?> s ? s.Values[_row] ?? throw Null(ordinal) : Convert.ToString(GetValue(ordinal), CultureInfo.InvariantCulture)!;

    /// <inheritdoc/>
    public override DateTime GetDateTime(int ordinal) => Struct<DateTime>(ordinal);

    /// <inheritdoc/>
    /// <remarks>A column of exactly <typeparamref name="T"/> is read without boxing (a DATE column as <see cref="DateOnly"/>).</remarks>
    public override T GetFieldValue<T>(int ordinal) =>
        Load(ordinal) is Column<T> typed && !(typed.Nulls is { } nulls && nulls[_row]) ? typed.Values[_row] : base.GetFieldValue<T>(ordinal);

    /// <inheritdoc/>
    public override decimal GetDecimal(int ordinal) => Load(ordinal) is Column<decimal> d ? d.Values[_row] : Convert.ToDecimal(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override double GetDouble(int ordinal) => Load(ordinal) is Column<double> d ? d.Values[_row] : Convert.ToDouble(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override float GetFloat(int ordinal) => Convert.ToSingle(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override long GetInt64(int ordinal) => Load(ordinal) is Column<long> d ? d.Values[_row] : Convert.ToInt64(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override int GetInt32(int ordinal) => Load(ordinal) is Column<int> d ? d.Values[_row] : Convert.ToInt32(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override short GetInt16(int ordinal) => Convert.ToInt16(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override byte GetByte(int ordinal) => Convert.ToByte(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override bool GetBoolean(int ordinal) => Convert.ToBoolean(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    /// <inheritdoc/>
    public override Guid GetGuid(int ordinal) => Guid.Parse(GetString(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        throw new NotSupportedException($"{_source}: column '{GetName(ordinal)}': binary columns are not read.");

    /// <inheritdoc/>
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        throw new NotSupportedException($"{_source}: column '{GetName(ordinal)}': use GetString.");

    /// <inheritdoc/>
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <inheritdoc/>
    public override void Close()
    {
        if (!_closed)
        {
            _group?.Dispose();
            _file.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _closed = true;
        }
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _group?.Dispose();
            await _file.DisposeAsync().ConfigureAwait(false);
            _closed = true;
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');

    private T Struct<T>(int ordinal)
        where T : struct
    {
        var column = Load(ordinal);
        if (column is Column<T> typed)
        {
            return typed.Nulls is { } nulls && nulls[_row] ? throw Null(ordinal) : typed.Values[_row];
        }

        return (T)(column.Get(_row) ?? throw Null(ordinal));
    }

    private InvalidCastException Null(int ordinal) => new($"{_source}: column '{GetName(ordinal)}' is NULL in this row.");

    private async ValueTask<bool> NextGroupAsync(CancellationToken cancellationToken)
    {
        while (++_groupIndex < _file.RowGroupCount)
        {
            _group?.Dispose();
            Array.Clear(_columns);
            _group = _file.OpenRowGroupReader(_groupIndex);
            _groupRows = checked((int)_group.RowCount);
            if (_groupRows == 0)
            {
                continue;
            }

            for (var i = 0; i < _fields.Length; i++)
            {
                // Decoded now, asynchronously, only if the previous group used it: the columns a reader asks for.
                if (_used[i])
                {
                    _columns[i] = await ReadColumnAsync(_group, _fields[i], _groupRows, cancellationToken).ConfigureAwait(false);
                }
            }

            _row = 0;
            return true;
        }

        _groupIndex = _file.RowGroupCount;
        _groupRows = 0;
        _row = 0;
        return false;
    }

    private Column Load(int ordinal)
    {
        if (_columns[ordinal] is { } column)
        {
            return column;
        }

        if (_group is null || _row >= _groupRows)
        {
            throw new InvalidOperationException($"{_source}: no current row; call Read first.");
        }

        _used[ordinal] = true;
        return _columns[ordinal] = ReadColumnAsync(_group, _fields[ordinal], _groupRows, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    private async ValueTask<Column> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        var type = field.ClrType;
        try
        {
            if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
            {
                var values = new string?[rows];
                await group.ReadAsync(field, values.AsMemory(), null, ct).ConfigureAwait(false);
                return new Column<string?>(values, null);
            }

            return type switch
            {
                _ when type == typeof(long) => await StructAsync<long>(group, field, rows, ct).ConfigureAwait(false),
                _ when type == typeof(int) => await StructAsync<int>(group, field, rows, ct).ConfigureAwait(false),
                _ when type == typeof(short) => await StructAsync<short>(group, field, rows, ct).ConfigureAwait(false),
                _ when type == typeof(sbyte) => await StructAsync<sbyte>(group, field, rows, ct).ConfigureAwait(false),
                _ when type == typeof(byte) => await StructAsync<byte>(group, field, rows, ct).ConfigureAwait(false),
                _ when type == typeof(ushort) => await StructAsync<ushort>(group, field, rows, ct).ConfigureAwait(false),
                _ when type == typeof(uint) => await StructAsync<uint>(group, field, rows, ct).ConfigureAwait(false),
                _ when type == typeof(ulong) => await StructAsync<ulong>(group, field, rows, ct).ConfigureAwait(false),
                _ when type == typeof(double) => await StructAsync<double>(group, field, rows, ct).ConfigureAwait(false),
                _ when type == typeof(float) => await StructAsync<float>(group, field, rows, ct).ConfigureAwait(false),
                _ when type == typeof(decimal) => await StructAsync<decimal>(group, field, rows, ct).ConfigureAwait(false),
                _ when type == typeof(DateTime) => await StructAsync<DateTime>(group, field, rows, ct).ConfigureAwait(false),
                _ when type == typeof(DateOnly) => await StructAsync<DateOnly>(group, field, rows, ct).ConfigureAwait(false),
                _ when type == typeof(bool) => await StructAsync<bool>(group, field, rows, ct).ConfigureAwait(false),
                _ => throw new InvalidDataException($"{_source}: column '{field.Name}' has the Parquet type {type.Name}, which a purchase log or summary cannot hold (text, integers, floating point, decimals, dates and timestamps can)."),
            };
        }
        catch (Exception e) when (e is not InvalidDataException and not OperationCanceledException and not OutOfMemoryException and not IOException)
        {
            throw new InvalidDataException($"{_source}: row group {_groupIndex + 1}, column '{field.Name}' cannot be decoded ({OneLine(e.Message)}).", e);
        }
    }

    private static async ValueTask<Column> StructAsync<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
        where T : struct
    {
        if (!field.IsNullable)
        {
            var values = new T[rows];
            await group.ReadAsync<T>(field, values.AsMemory(), null, ct).ConfigureAwait(false);
            return new Column<T>(values, null);
        }

        var nullable = new T?[rows];
        await group.ReadAsync<T>(field, nullable.AsMemory(), null, ct).ConfigureAwait(false);
        var plain = new T[rows];
        bool[]? nulls = null;
        for (var i = 0; i < rows; i++)
        {
            if (nullable[i] is { } v)
            {
                plain[i] = v;
            }
            else
            {
                (nulls ??= new bool[rows])[i] = true;
            }
        }

        return new Column<T>(plain, nulls);
    }

    /// <summary>One decoded column of the current row group.</summary>
    private abstract class Column
    {
        public abstract bool IsNull(int row);

        public abstract object? Get(int row);
    }

    /// <summary>A decoded column of values of one type, with the rows that are NULL.</summary>
    private sealed class Column<T>(T[] values, bool[]? nulls) : Column
    {
        public T[] Values { get; } = values;

        public bool[]? Nulls { get; } = nulls;

        public override bool IsNull(int row) => Values[row] is null || (Nulls is { } n && n[row]);

        public override object? Get(int row) => IsNull(row) ? null : Values[row];
    }
}
