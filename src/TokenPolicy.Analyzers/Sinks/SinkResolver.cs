using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TokenPolicy.Analyzers.Sinks
{
    /// <summary>Turns sink tables into symbol lookups (once per compilation) and finds arguments by parameter name.</summary>
    internal static class SinkResolver
    {
        public static Dictionary<IMethodSymbol, TSink> Resolve<TSink>(
            Compilation compilation,
            ImmutableArray<TSink> table,
            Func<TSink, string> typeName,
            Func<TSink, string> memberName,
            Func<TSink, IMethodSymbol, bool> accepts)
        {
            var result = new Dictionary<IMethodSymbol, TSink>(SymbolEqualityComparer.Default);
            var types = new Dictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);
            foreach (var row in table)
            {
                var name = typeName(row);
                if (!types.TryGetValue(name, out var type))
                {
                    type = TypeLookup.Find(compilation, name);
                    types.Add(name, type);
                }

                if (type is null)
                {
                    continue;
                }

                foreach (var member in type.GetMembers(memberName(row)))
                {
                    if (member is IMethodSymbol method && accepts(row, method) && !result.ContainsKey(method))
                    {
                        result.Add(method, row);
                    }
                }
            }

            return result;
        }

        /// <summary>The value passed for the parameter called <paramref name="parameterName"/> (named, positional or default).</summary>
        public static IOperation? Argument(ImmutableArray<IArgumentOperation> arguments, string parameterName)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && parameter.Name == parameterName)
                {
                    return argument.Value;
                }
            }

            return null;
        }
    }
}
