using System.Globalization;
using System.Runtime.CompilerServices;

namespace Ltv.Core.Validation;

/// <summary>
/// Argument checks used at construction time. Every failure names the argument and shows the
/// offending value, e.g. <c>churn must be in (0, 1] (was '0').</c>
/// </summary>
internal static class Guard
{
    /// <summary>
    /// Checks that an enum value is one of its type's named values (a cast can make any number an enum value):
    /// <c>unit must be a defined TimeUnit (was '99').</c>
    /// </summary>
    /// <typeparam name="TEnum">The enum type; its name appears in the message.</typeparam>
    /// <param name="value">The value to check.</param>
    /// <param name="paramName">The argument's name, for the exception and its message.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static TEnum Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string paramName = "")
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a defined {typeof(TEnum).Name} (was '{value}').");

    public static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static ArgumentOutOfRangeException OutOfRange(string paramName, string rule, string shownValue) =>
        new(paramName, $"{paramName} must be {rule} (was '{shownValue}').");

    /// <summary>The exception for a result too large for decimal: names the input(s) and shows the value(s) behind it.</summary>
    public static ArgumentOutOfRangeException TooLarge(string paramName, string result, string shownValues) =>
        new(paramName, $"{paramName} must be small enough that {result} fits in decimal (was '{shownValues}').");

    public static decimal NonNegative(decimal value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (value < 0m)
        {
            throw OutOfRange(paramName, "non-negative", Show(value));
        }

        return value;
    }

    public static decimal Positive(decimal value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (value <= 0m)
        {
            throw OutOfRange(paramName, "positive", Show(value));
        }

        return value;
    }

    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!double.IsFinite(value))
        {
            throw OutOfRange(paramName, "a finite number", Show(value));
        }

        return value;
    }

    public static double FiniteNonNegative(double value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!double.IsFinite(value) || value < 0d)
        {
            throw OutOfRange(paramName, "a finite, non-negative number", Show(value));
        }

        return value;
    }

    public static double FinitePositive(double value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!double.IsFinite(value) || value <= 0d)
        {
            throw OutOfRange(paramName, "a finite, positive number", Show(value));
        }

        return value;
    }

    /// <summary>Converts a double to decimal, refusing NaN, infinities and values out of decimal's range.</summary>
    public static decimal ToDecimal(double value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!double.IsFinite(value) || Math.Abs(value) > 7.9e28)
        {
            throw OutOfRange(paramName, "a finite number within decimal range", Show(value));
        }

        return (decimal)value;
    }

    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string paramName = "")
        where T : class =>
        value ?? throw new ArgumentNullException(paramName, $"{paramName} must not be null.");

    public static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName, $"{paramName} must not be null.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{paramName} must not be empty or blank (was '{value}').", paramName);
        }

        return value;
    }
}
