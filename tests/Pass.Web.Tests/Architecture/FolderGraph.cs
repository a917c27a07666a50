using System.Reflection;
using System.Reflection.Emit;

namespace Pass.Web.Tests.Architecture;

/// <summary>
/// Which folders of Pass.Web use which, read from the compiled assembly: a type's folder is the namespace segment after
/// <c>Pass.Web.</c> (a nested or compiler-made type counts for the type it sits in), and a type uses everything its
/// signatures, attributes and method bodies name. A <c>const</c> is copied into its user by the compiler, so a use of
/// another folder's constant alone is not seen.
/// </summary>
public sealed class FolderGraph
{
    private const string Root = "Pass.Web.";
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value, code => code.OperandType);

    private readonly Assembly assembly;

    /// <summary>Every use of one folder's type by another folder's: (from folder, from type) → (to folder, to type).</summary>
    public IReadOnlyList<(string From, Type FromType, string To, Type ToType)> Uses { get; }

    public FolderGraph(Assembly assembly)
    {
        this.assembly = assembly;
        var uses = new HashSet<(string, Type, string, Type)>();
        foreach (var type in assembly.GetTypes())
        {
            if (FolderOf(type) is not { } from)
            {
                continue;
            }

            foreach (var used in Used(type))
            {
                if (used.Assembly == assembly && Outermost(used) is var target && FolderOf(target) is { } to && to != from)
                {
                    uses.Add((from, Outermost(type), to, target));
                }
            }
        }

        Uses = [.. uses];
    }

    public IEnumerable<string> Folders => Uses.Select(use => use.From).Concat(Uses.Select(use => use.To)).Distinct().Order();

    public ILookup<string, string> Edges => Uses.Select(use => (use.From, use.To)).Distinct().ToLookup(edge => edge.From, edge => edge.To);

    /// <summary>Pairs of folders that use each other, "A ⇄ B" with A before B.</summary>
    public IReadOnlyList<string> TwoWayPairs()
    {
        var edges = Uses.Select(use => (use.From, use.To)).ToHashSet();
        return [.. edges.Where(edge => string.CompareOrdinal(edge.From, edge.To) < 0 && edges.Contains((edge.To, edge.From)))
            .Select(edge => $"{edge.From} ⇄ {edge.To}").Order()];
    }

    public static string? FolderOf(Type type)
    {
        var ns = Outermost(type).Namespace;
        if (ns is null || !ns.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[Root.Length..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private IEnumerable<Type> Used(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        foreach (var field in type.GetFields(all))
        {
            named.Add(field.FieldType);
            named.AddRange(field.GetCustomAttributesData().Select(a => a.AttributeType));
        }

        foreach (var property in type.GetProperties(all))
        {
            named.Add(property.PropertyType);
            named.AddRange(property.GetCustomAttributesData().Select(a => a.AttributeType));
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                named.Add(info.ReturnType);
            }

            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            named.AddRange(method.GetCustomAttributesData().Select(a => a.AttributeType));
            named.AddRange(BodyReferences(method));
        }

        return named.OfType<Type>().SelectMany(Expand);
    }

    /// <summary>A type with its element type and generic arguments, recursively.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var inner in Expand(element))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().Where(a => !a.IsGenericParameter).SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }

    /// <summary>Every type, method and field a method body names (what <c>ldtoken</c>, calls, <c>newobj</c> and field access point at).</summary>
    private IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return [];
        }

        var found = new List<Type>();
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            short value = il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }

            var operand = Operands.TryGetValue(value, out var kind) ? kind : OperandType.InlineNone;
            switch (operand)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    at += 4;
                    try
                    {
                        var member = method.Module.ResolveMember(token, typeArgs, methodArgs);
                        switch (member)
                        {
                            case Type t:
                                found.Add(t);
                                break;
                            case MethodBase m:
                                found.AddRange(m.DeclaringType is { } d ? [d] : []);
                                if (m.IsGenericMethod)
                                {
                                    found.AddRange(m.GetGenericArguments());
                                }

                                break;
                            case FieldInfo f when f.DeclaringType is { } owner:
                                found.Add(owner);
                                break;
                        }
                    }
                    catch (ArgumentException)
                    {
                        // A token outside this module's tables (vararg call sites); no Pass.Web type is named that way.
                    }

                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                default:
                    at += 4;
                    break;
            }
        }

        return found.Where(t => t.Assembly == assembly || t.IsGenericType).SelectMany(Expand);
    }
}
