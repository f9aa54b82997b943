using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TokenPolicy.Analyzers.Sinks
{
    /// <summary>Turns sink tables into per-compilation matchers (matched by name, see <see cref="SinkMethods{TSink}"/>) and finds arguments by parameter name.</summary>
    internal static class SinkResolver
    {
        /// <param name="extensionBlocks">
        /// Also match the members of a table type's C# 14 extension blocks (unspeakable nested types of a static class: a
        /// C# 14 compiler binds a call to the block's member rather than to the static implementation method the table names).
        /// </param>
        public static SinkMethods<TSink> Resolve<TSink>(
            Compilation compilation,
            ImmutableArray<TSink> table,
            Func<TSink, string> typeName,
            Func<TSink, string> memberName,
            Func<TSink, IMethodSymbol, bool> accepts,
            bool extensionBlocks = false)
            where TSink : class
            => new(compilation, table, typeName, memberName, accepts, extensionBlocks);

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
    /// A rule's sink methods in one compilation. A method is a sink when its containing type has the metadata name of a
    /// table row (<see cref="MetadataTypeName"/>), its name is the row's member name and the row accepts it; the first
    /// such row in table order is its row. Nothing is looked up front: a lookup by metadata name would load the type's
    /// namespace in every referenced assembly at the first operation of a build (most of a sink table's cost there), while
    /// every method an operation calls is built already. An operation's method is asked by its type's name first (a set
    /// lookup, no allocation); the answer for a method whose type's name is a table type's is kept.
    /// </summary>
    /// <remarks>
    /// The same methods as resolving each row's type and taking its members of the row's name: members declared on the
    /// type itself (not inherited), in referenced assemblies and in source alike; a type of that name in more than one
    /// assembly matches in each of them.
    /// </remarks>
    internal sealed class SinkMethods<TSink>
        where TSink : class
    {
        private const string Ctor = WellKnownMemberNames.InstanceConstructorName;

        private readonly Compilation _compilation;
        private readonly Dictionary<string, TypeRows[]> _byTypeName = new(StringComparer.Ordinal);
        private readonly List<TypeRows> _types = new();
        private readonly ConcurrentDictionary<IMethodSymbol, Answer> _answers = new(SymbolEqualityComparer.Default);
        private readonly Func<TSink, string> _memberName;
        private readonly Func<TSink, IMethodSymbol, bool> _accepts;
        private readonly bool _extensionBlocks;
        private int _isEmpty;

        public SinkMethods(Compilation compilation, ImmutableArray<TSink> table, Func<TSink, string> typeName, Func<TSink, string> memberName, Func<TSink, IMethodSymbol, bool> accepts, bool extensionBlocks)
        {
            _compilation = compilation;
            _memberName = memberName;
            _accepts = accepts;
            _extensionBlocks = extensionBlocks;
            var byText = new Dictionary<string, TypeRows>(StringComparer.Ordinal);
            foreach (var row in table)
            {
                var text = typeName(row);
                if (!byText.TryGetValue(text, out var rows))
                {
                    rows = new TypeRows(MetadataTypeName.Parse(text));
                    byText.Add(text, rows);
                    _types.Add(rows);
                }

                rows.Rows.Add(row);
            }

            foreach (var rows in _types)
            {
                _byTypeName[rows.Type.Name] = _byTypeName.TryGetValue(rows.Type.Name, out var known) ? Append(known, rows) : new[] { rows };
            }
        }

        /// <summary>
        /// No table type is in the compilation (in references or in source): looked up on first use, one type at a time
        /// until one is found (a rule that asks skips a compilation that cannot call its sinks).
        /// </summary>
        public bool IsEmpty
        {
            get
            {
                var known = Volatile.Read(ref _isEmpty);
                if (known == 0)
                {
                    known = 1;
                    foreach (var rows in _types)
                    {
                        if (TypeLookup.Find(_compilation, rows.Type.Text) is not null)
                        {
                            known = 2;
                            break;
                        }
                    }

                    Volatile.Write(ref _isEmpty, known);
                }

                return known == 1;
            }
        }

        /// <summary>The sink row of <paramref name="definition"/> (an original definition), if it is a sink.</summary>
        public bool TryGetValue(IMethodSymbol definition, out TSink sink)
        {
            sink = null!;
            if (definition.ContainingType is not { } type || definition.MethodKind == MethodKind.ReducedExtension)
            {
                return false;
            }

            // Most calls end here: their type's name is no table type's (nor, for an extension block, is its container's).
            if (!_byTypeName.ContainsKey(type.Name)
                && !(_extensionBlocks && type.ContainingType is { IsStatic: true } container && _byTypeName.ContainsKey(container.Name) && !type.CanBeReferencedByName))
            {
                return false;
            }

            if (!_answers.TryGetValue(definition, out var answer))
            {
                answer = _answers.GetOrAdd(definition, new Answer(Find(definition)));
            }

            sink = answer.Row!;
            return answer.Row is not null;
        }

        private TSink? Find(IMethodSymbol definition)
        {
            var type = definition.ContainingType;
            if (Find(definition, type, extension: false) is { } row)
            {
                return row;
            }

            return _extensionBlocks && !type.CanBeReferencedByName && type.ContainingType is { IsStatic: true } container
                ? Find(definition, container, extension: true)
                : null;
        }

        private TSink? Find(IMethodSymbol definition, INamedTypeSymbol type, bool extension)
        {
            if (!_byTypeName.TryGetValue(type.Name, out var candidates))
            {
                return null;
            }

            foreach (var rows in candidates)
            {
                if (!rows.Type.Matches(type))
                {
                    continue;
                }

                foreach (var row in rows.Rows)
                {
                    var member = _memberName(row);
                    if (string.Equals(member, definition.Name, StringComparison.Ordinal) && !(extension && member == Ctor) && _accepts(row, definition))
                    {
                        return row;
                    }
                }
            }

            return null;
        }

        private static TypeRows[] Append(TypeRows[] known, TypeRows rows)
        {
            var result = new TypeRows[known.Length + 1];
            known.CopyTo(result, 0);
            result[known.Length] = rows;
            return result;
        }

        /// <summary>One table type and its rows, in table order.</summary>
        private sealed class TypeRows
        {
            public TypeRows(MetadataTypeName type) => Type = type;

            public MetadataTypeName Type { get; }

            public List<TSink> Rows { get; } = new();
        }

        /// <summary>A kept answer (a class, so a method that is no sink is kept too).</summary>
        private sealed class Answer
        {
            public Answer(TSink? row) => Row = row;

            public TSink? Row { get; }
        }
    }
}
