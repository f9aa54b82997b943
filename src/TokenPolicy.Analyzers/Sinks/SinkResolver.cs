using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TokenPolicy.Analyzers.Sinks
{
    /// <summary>Turns sink tables into symbol lookups (once per compilation) and finds arguments by parameter name.</summary>
    internal static class SinkResolver
    {
        public static SinkMethods<TSink> Resolve<TSink>(
            Compilation compilation,
            ImmutableArray<TSink> table,
            Func<TSink, string> typeName,
            Func<TSink, string> memberName,
            Func<TSink, IMethodSymbol, bool> accepts)
            where TSink : class
        {
            var result = new SinkMethods<TSink>(memberName, accepts);
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

                result.AddRow(type, row);
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
    /// <summary>
    /// A rule's sink methods in one compilation, by definition. The members of referenced assemblies' sink types are
    /// resolved at once. A sink type declared in the compilation's own source (a library analysed in its own repository:
    /// Octokit's <c>Credentials</c>) is resolved on the first call into it instead: asking for a source type's members
    /// makes the compiler build all of them, and their parameter types, for the analyzer that asks first, while by the time
    /// an operation calls into the type the compiler has built them for that call. The answers are the same either way.
    /// </summary>
    internal sealed class SinkMethods<TSink>
        where TSink : class
    {
        private readonly Dictionary<IMethodSymbol, TSink> _methods = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, List<TSink>> _deferred = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, Dictionary<IMethodSymbol, TSink>> _inSource = new(SymbolEqualityComparer.Default);
        private readonly Func<TSink, string> _memberName;
        private readonly Func<TSink, IMethodSymbol, bool> _accepts;

        public SinkMethods(Func<TSink, string> memberName, Func<TSink, IMethodSymbol, bool> accepts)
        {
            _memberName = memberName;
            _accepts = accepts;
        }

        /// <summary>No sink type was found (in references or in source).</summary>
        public bool IsEmpty => _methods.Count == 0 && _deferred.Count == 0;

        public bool ContainsKey(IMethodSymbol method) => _methods.ContainsKey(method);

        /// <summary>Adds a resolved sink method (while the table is built, before it is shared).</summary>
        public void Add(IMethodSymbol method, TSink row) => _methods.Add(method, row);

        /// <summary>A table row whose type was found: its methods now, or on the first call for a type declared in source.</summary>
        internal void AddRow(INamedTypeSymbol type, TSink row)
        {
            if (type.Locations is { IsEmpty: false } locations && locations[0].IsInSource)
            {
                if (!_deferred.TryGetValue(type, out var rows))
                {
                    _deferred.Add(type, rows = new List<TSink>());
                }

                rows.Add(row);
                return;
            }

            AddMembers(type, row, _methods);
        }

        /// <summary>The row's methods of <paramref name="type"/>; a method already there keeps the earlier row (table order decides).</summary>
        private void AddMembers(INamedTypeSymbol type, TSink row, Dictionary<IMethodSymbol, TSink> methods)
        {
            foreach (var member in type.GetMembers(_memberName(row)))
            {
                if (member is IMethodSymbol method && _accepts(row, method) && !methods.ContainsKey(method))
                {
                    methods.Add(method, row);
                }
            }
        }

        /// <summary>The sink row of <paramref name="definition"/> (an original definition), if it is a sink.</summary>
        public bool TryGetValue(IMethodSymbol definition, out TSink sink)
        {
            if (_methods.TryGetValue(definition, out sink!))
            {
                return true;
            }

            if (_deferred.Count == 0 || definition.ContainingType is not { } type || !_deferred.TryGetValue(type.OriginalDefinition, out var rows))
            {
                return false;
            }

            return _inSource.GetOrAdd(type.OriginalDefinition, t => ResolveInSource(t, rows)).TryGetValue(definition, out sink!);
        }

        private Dictionary<IMethodSymbol, TSink> ResolveInSource(INamedTypeSymbol type, List<TSink> rows)
        {
            // The table's order decides which row a method gets, as for a referenced type.
            var methods = new Dictionary<IMethodSymbol, TSink>(SymbolEqualityComparer.Default);
            foreach (var row in rows)
            {
                AddMembers(type, row, methods);
            }

            return methods;
        }
    }
}
