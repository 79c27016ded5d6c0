using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ltv.Core.Tests.PublicApi;

/// <summary>
/// Keeps the public API visible in review: the public surface of each package is compared with a
/// checked-in snapshot (<c>Ltv.Core.api.txt</c>, <c>Ltv.Core.Datasets.api.txt</c>). An intended change is
/// recorded by running the tests with <c>LTV_UPDATE_API_SNAPSHOT=1</c> and committing the updated files.
/// </summary>
public class PublicApiSnapshotTests
{
    [Theory]
    [InlineData("Ltv.Core")]
    [InlineData("Ltv.Core.Datasets")]
    [InlineData("Ltv.Core.Parquet")]
    public void Public_api_matches_the_snapshot(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var actual = Describe(assembly);
        var path = Path.Combine(SourceDirectory(), assemblyName + ".api.txt");

        if (Environment.GetEnvironmentVariable("LTV_UPDATE_API_SNAPSHOT") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"No API snapshot at {path}; run the tests with LTV_UPDATE_API_SNAPSHOT=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(
            expected == actual,
            $"The public API of {assemblyName} changed. If intended, run the tests with LTV_UPDATE_API_SNAPSHOT=1 and commit {assemblyName}.api.txt.\n" + Diff(expected, actual));
    }

    internal static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";
            var baseType = type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum) ? " : " + Name(b) : string.Empty;
            lines.Add($"{kind} {Name(type)}{baseType}");
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(flags))
            {
                var text = member switch
                {
                    ConstructorInfo c => $"  ctor({Parameters(c.GetParameters())})",
                    MethodInfo m when !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal) =>
                        $"  {(m.IsStatic ? "static " : string.Empty)}{Name(m.ReturnType)} {m.Name}{Generic(m)}({Parameters(m.GetParameters())})",
                    PropertyInfo p => $"  {(p.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name} {{{(p.GetMethod?.IsPublic == true ? " get;" : string.Empty)}{(p.SetMethod?.IsPublic == true ? (IsInit(p.SetMethod) ? " init;" : " set;") : string.Empty)} }}",
                    FieldInfo f => $"  {(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{Name(f.FieldType)} {f.Name}",
                    EventInfo e => $"  event {Name(e.EventHandlerType!)} {e.Name}",
                    _ => null,
                };
                if (text is not null && !IsCompilerNoise(member))
                {
                    lines.Add($"{Name(type)}:{text}");
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines) + "\n";
    }

    private static bool IsCompilerNoise(MemberInfo member) =>
        member.Name is "<Clone>$" or "EqualityContract" || member.GetCustomAttribute<CompilerGeneratedAttribute>() is not null && member is not PropertyInfo and not MethodInfo;

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static string Generic(MethodInfo m) => m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(Name)) + ">" : string.Empty;

    private static string Parameters(ParameterInfo[] parameters) =>
        string.Join(", ", parameters.Select(p => $"{(p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : string.Empty)}{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)}"));

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;

        if (type.IsGenericType)
        {
            name = name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return name;
    }

    private static string Diff(string expected, string actual)
    {
        var before = expected.Split('\n').ToHashSet(StringComparer.Ordinal);
        var after = actual.Split('\n').ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var line in before.Except(after).Take(40))
        {
            text.Append("- ").AppendLine(line);
        }

        foreach (var line in after.Except(before).Take(40))
        {
            text.Append("+ ").AppendLine(line);
        }

        return text.ToString();
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
