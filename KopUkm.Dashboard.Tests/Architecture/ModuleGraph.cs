using Mono.Cecil;
using Mono.Cecil.Cil;

namespace KopUkm.Dashboard.Tests.Architecture;

/// <summary>
/// Which top-level parts of the app use which, read from the compiled assembly (so Razor markup, injected services
/// and lambdas count as well as plain code). A module is a folder under the app: <c>Data</c>, <c>Common</c>,
/// <c>Host</c>, or <c>Features.X</c> for each feature.
/// </summary>
public sealed class ModuleGraph
{
    private const string Root = "KopUkm.Dashboard";

    private ModuleGraph(Dictionary<string, Dictionary<string, HashSet<string>>> edges) => Edges = edges;

    /// <summary>Module → used module → the using types (for messages).</summary>
    public IReadOnlyDictionary<string, Dictionary<string, HashSet<string>>> Edges { get; }

    public static ModuleGraph Load()
    {
        var path = typeof(Program).Assembly.Location;
        using var assembly = AssemblyDefinition.ReadAssembly(path);
        var edges = new Dictionary<string, Dictionary<string, HashSet<string>>>();
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var from = ModuleOf(OutermostNamespace(type));
            if (from is null)
            {
                continue;
            }

            foreach (var used in References(type))
            {
                var to = ModuleOf(OutermostNamespace(used));
                if (to is null || to == from)
                {
                    continue;
                }

                if (!edges.TryGetValue(from, out var targets))
                {
                    edges[from] = targets = [];
                }

                if (!targets.TryGetValue(to, out var users))
                {
                    targets[to] = users = [];
                }

                users.Add(Outermost(type).FullName);
            }
        }

        return new ModuleGraph(edges);
    }

    public IEnumerable<string> UsesOf(string module) =>
        Edges.TryGetValue(module, out var targets) ? targets.Keys : [];

    /// <summary>Every cycle among <paramref name="modules"/>, each as its path (first module repeated at the end).</summary>
    /// <param name="extraEdge">An edge to pretend exists, to prove the finder on a known circle.</param>
    public IReadOnlyList<string> Cycles(IReadOnlySet<string> modules, (string From, string To)? extraEdge = null)
    {
        var cycles = new List<string>();
        var state = new Dictionary<string, int>();
        var stack = new List<string>();

        void Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            var uses = UsesOf(node).Concat(extraEdge is { } extra && extra.From == node ? [extra.To] : []);
            foreach (var next in uses.Where(modules.Contains).Distinct().Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var start = stack.IndexOf(next);
                    cycles.Add(string.Join(" → ", stack.Skip(start).Append(next)) + $"  [e.g. {Example(node, next)}]");
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
        }

        foreach (var module in modules.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(module) == 0)
            {
                Visit(module);
            }
        }

        return cycles;
    }

    /// <summary>One type of <paramref name="from"/> that uses <paramref name="to"/>.</summary>
    public string Example(string from, string to) =>
        Edges.TryGetValue(from, out var targets) && targets.TryGetValue(to, out var users) ? users.Order(StringComparer.Ordinal).First() : "?";

    /// <summary>The module a namespace belongs to, or null outside the app.</summary>
    public static string? ModuleOf(string? ns)
    {
        if (ns is null || !(ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal)))
        {
            return null;
        }

        var parts = ns.Split('.');
        if (parts.Length < 3)
        {
            return "App";
        }

        return parts[2] == "Features" && parts.Length > 3 ? $"Features.{parts[3]}" : parts[2];
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static string? OutermostNamespace(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    private static List<TypeReference> References(TypeDefinition type)
    {
        var found = new List<TypeReference>();

        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }

                    return;
                case TypeSpecification spec:
                    Add(spec.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(reference);
                    return;
            }
        }

        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments)
                {
                    Add(argument.Type);
                    if (argument.Value is TypeReference typeArgument)
                    {
                        Add(typeArgument);
                    }
                }
            }
        }

        void AddMethod(MethodReference method)
        {
            Add(method.DeclaringType);
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType);
            }

            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        AddAttributes(type);
        foreach (var implemented in type.Interfaces)
        {
            Add(implemented.InterfaceType);
        }

        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
            AddAttributes(property);
        }

        foreach (var method in type.Methods)
        {
            AddMethod(method);
            AddAttributes(method);
            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference operandType:
                        Add(operandType);
                        break;
                    case MethodReference operandMethod:
                        AddMethod(operandMethod);
                        break;
                    case FieldReference operandField:
                        Add(operandField.DeclaringType);
                        Add(operandField.FieldType);
                        break;
                }
            }
        }

        return found;
    }
}
