using System;
using Microsoft.CodeAnalysis;

namespace TokenPolicy.Analyzers.Sinks
{
    /// <summary>
    /// A type's metadata name (<c>System.Net.Http.Headers.HttpHeaders</c>, <c>Outer+Inner`1</c>) matched against a type
    /// symbol by its names and those of its containers, without looking the type up. A lookup by metadata name loads the
    /// namespace in every referenced assembly the first time it is asked, before the compiler has needed it: asked at
    /// the first operation of a build, that is most of what a table of sink types costs. The symbols an operation calls
    /// are built already, so comparing their names costs a few string comparisons and loads nothing.
    /// </summary>
    /// <remarks>
    /// Every type of that name matches, in whichever assembly (a package's own copy of a framework type too): a call to
    /// either copy is the same sink. No string is allocated while matching.
    /// </remarks>
    internal sealed class MetadataTypeName
    {
        /// <summary>Namespace segments, outermost first.</summary>
        private readonly string[] _namespace;

        /// <summary>The type and the types it is nested in, outermost first: name without arity suffix, and arity.</summary>
        private readonly (string Name, int Arity)[] _types;

        private MetadataTypeName(string text, string[] ns, (string Name, int Arity)[] types)
        {
            Text = text;
            _namespace = ns;
            _types = types;
        }

        /// <summary>The metadata name as written in the table.</summary>
        public string Text { get; }

        /// <summary>The type's own name, as <see cref="ISymbol.Name"/> gives it (no arity suffix).</summary>
        public string Name => _types[_types.Length - 1].Name;

        /// <summary>Parses a metadata name: namespaces separated by '.', nested types by '+', arity after a backtick.</summary>
        public static MetadataTypeName Parse(string metadataName)
        {
            if (string.IsNullOrEmpty(metadataName))
            {
                throw new ArgumentException("A metadata type name is required.", nameof(metadataName));
            }

            var firstNested = metadataName.IndexOf('+');
            var typeStart = metadataName.LastIndexOf('.', firstNested < 0 ? metadataName.Length - 1 : firstNested) + 1;
            var ns = typeStart == 0 ? Array.Empty<string>() : metadataName.Substring(0, typeStart - 1).Split('.');
            var segments = metadataName.Substring(typeStart).Split('+');
            var types = new (string Name, int Arity)[segments.Length];
            for (var i = 0; i < segments.Length; i++)
            {
                var segment = segments[i];
                var tick = segment.IndexOf('`');
                types[i] = tick < 0
                    ? (segment, 0)
                    : (segment.Substring(0, tick), int.Parse(segment.Substring(tick + 1), System.Globalization.CultureInfo.InvariantCulture));
                if (types[i].Name.Length == 0)
                {
                    throw new ArgumentException($"'{metadataName}' is not a metadata type name.", nameof(metadataName));
                }
            }

            return new MetadataTypeName(metadataName, ns, types);
        }

        /// <summary>Whether <paramref name="type"/> (an original definition) has this metadata name.</summary>
        public bool Matches(INamedTypeSymbol? type)
        {
            var current = type;
            for (var i = _types.Length - 1; i >= 0; i--)
            {
                if (current is null || current.Arity != _types[i].Arity || !string.Equals(current.Name, _types[i].Name, StringComparison.Ordinal))
                {
                    return false;
                }

                if (i > 0)
                {
                    current = current.ContainingType;
                }
            }

            if (current!.ContainingType is not null)
            {
                return false;
            }

            var ns = current.ContainingNamespace;
            for (var i = _namespace.Length - 1; i >= 0; i--)
            {
                if (ns is null || ns.IsGlobalNamespace || !string.Equals(ns.Name, _namespace[i], StringComparison.Ordinal))
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
            }

            return ns is { IsGlobalNamespace: true };
        }

        public override string ToString() => Text;
    }
}
