using Microsoft.CodeAnalysis;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>The string-producing methods the evaluator understands.</summary>
    internal enum KnownStringMethod
    {
        None,
        GetEnvironmentVariable,
        Concat,
        PathCombine,
        PathJoin,

        /// <summary><c>ToString()</c> on a string or char: the receiver's own text.</summary>
        TextToString,

        /// <summary><c>Trim</c>/<c>TrimStart</c>/<c>TrimEnd</c>, <c>Replace</c>, <c>ToLower(Invariant)</c>/<c>ToUpper(Invariant)</c> of a string.</summary>
        Transform,

        /// <summary><c>Path.GetFullPath</c>.</summary>
        FullPath,

        /// <summary><c>string.Format</c> (composite formatting).</summary>
        Format,

        /// <summary><c>string.Join</c>.</summary>
        Join,

        /// <summary><c>StringBuilder.ToString()</c>.</summary>
        BuilderToString,

        /// <summary><c>text.AsSpan()</c>/<c>AsMemory()</c> of a whole string: the text itself.</summary>
        SpanOfText,

        /// <summary>One element of a sequence: LINQ <c>First</c>/<c>FirstOrDefault</c>/<c>Single</c>/<c>Last</c>/<c>ElementAt</c>, <c>List.Find</c>, <c>Array.Find</c>.</summary>
        PickElement,
    }

    /// <summary>Framework symbols the evaluator needs, looked up once per compilation.</summary>
    internal sealed class WellKnownTypes
    {
        private static readonly ValueSet SeparatorValue = ValueSet.Literal("/");
        private static readonly ValueSet EmptyValue = ValueSet.Literal(string.Empty);

        private readonly INamedTypeSymbol? _path;
        private readonly INamedTypeSymbol? _environment;
        private readonly INamedTypeSymbol? _fileInfo;
        private readonly INamedTypeSymbol _string;
        private readonly INamedTypeSymbol? _enumerable;
        private readonly INamedTypeSymbol? _stringBuilder;
        private readonly INamedTypeSymbol? _list;
        private readonly INamedTypeSymbol? _keyValuePair;

        public WellKnownTypes(Compilation compilation)
        {
            _path = TokenPolicy.Analyzers.Sinks.TypeLookup.Get(compilation, "System.IO.Path");
            _environment = TokenPolicy.Analyzers.Sinks.TypeLookup.Get(compilation, "System.Environment");
            _fileInfo = TokenPolicy.Analyzers.Sinks.TypeLookup.Get(compilation, "System.IO.FileInfo");
            _string = compilation.GetSpecialType(SpecialType.System_String);
            _enumerable = TokenPolicy.Analyzers.Sinks.TypeLookup.Get(compilation, "System.Linq.Enumerable");
            _stringBuilder = TokenPolicy.Analyzers.Sinks.TypeLookup.Get(compilation, "System.Text.StringBuilder");
            _list = TokenPolicy.Analyzers.Sinks.TypeLookup.Get(compilation, "System.Collections.Generic.List`1");
            _keyValuePair = TokenPolicy.Analyzers.Sinks.TypeLookup.Get(compilation, "System.Collections.Generic.KeyValuePair`2");
        }

        /// <summary><c>ReadOnlySpan&lt;char&gt;</c> or <c>ReadOnlyMemory&lt;char&gt;</c>: text, as <c>Path.Join</c>'s span overloads take it.</summary>
        public static bool IsCharSpan(ITypeSymbol? type)
            => type is INamedTypeSymbol { Name: "ReadOnlySpan" or "ReadOnlyMemory", TypeArguments.Length: 1 } named
               && named.TypeArguments[0].SpecialType == SpecialType.System_Char && named.ContainingNamespace?.Name == "System";

        public bool IsStringBuilder(ITypeSymbol? type) => _stringBuilder is not null && SymbolEqualityComparer.Default.Equals(type, _stringBuilder);

        public bool IsKeyValuePair(ITypeSymbol? type) => _keyValuePair is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, _keyValuePair);

        public bool IsFileInfo(ITypeSymbol? type) => _fileInfo is not null && SymbolEqualityComparer.Default.Equals(type, _fileInfo);

        public KnownStringMethod Classify(IMethodSymbol method)
        {
            var type = method.ContainingType;
            switch (method.Name)
            {
                case "GetEnvironmentVariable" when SymbolEqualityComparer.Default.Equals(type, _environment):
                    return KnownStringMethod.GetEnvironmentVariable;
                case "Concat" when SymbolEqualityComparer.Default.Equals(type, _string) && ReturnsString(method):
                    return KnownStringMethod.Concat;
                case "Combine" when SymbolEqualityComparer.Default.Equals(type, _path):
                    return KnownStringMethod.PathCombine;
                case "Join" when SymbolEqualityComparer.Default.Equals(type, _path) && ReturnsString(method):
                    return KnownStringMethod.PathJoin;
                case "ToString" when method.Parameters.IsEmpty && type?.SpecialType is SpecialType.System_String or SpecialType.System_Char:
                    return KnownStringMethod.TextToString;
                case "ToString" when method.Parameters.IsEmpty && IsCharSpan(type):
                    return KnownStringMethod.TextToString;
                case "AsSpan" or "AsMemory" when method.Parameters.Length == 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                    && type?.Name == "MemoryExtensions":
                    return KnownStringMethod.SpanOfText;
                case "ToString" when method.Parameters.IsEmpty && IsStringBuilder(type):
                    return KnownStringMethod.BuilderToString;
                case "Trim" or "TrimStart" or "TrimEnd" or "ToLowerInvariant" or "ToUpperInvariant" or "ToLower" or "ToUpper"
                    when !method.IsStatic && SymbolEqualityComparer.Default.Equals(type, _string):
                    return KnownStringMethod.Transform;
                case "Replace" when !method.IsStatic && method.Parameters.Length == 2 && SymbolEqualityComparer.Default.Equals(type, _string):
                    return KnownStringMethod.Transform;
                case "GetFullPath" when SymbolEqualityComparer.Default.Equals(type, _path):
                    return KnownStringMethod.FullPath;
                case "Format" when method.IsStatic && SymbolEqualityComparer.Default.Equals(type, _string) && ReturnsString(method):
                    return KnownStringMethod.Format;
                case "Join" when method.IsStatic && SymbolEqualityComparer.Default.Equals(type, _string) && ReturnsString(method):
                    return KnownStringMethod.Join;
                case "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault" or "ElementAt" or "ElementAtOrDefault"
                    when SymbolEqualityComparer.Default.Equals(type, _enumerable):
                case "Find" or "FindLast" when SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, _list) || type?.SpecialType == SpecialType.System_Array:
                    return KnownStringMethod.PickElement;
                default:
                    return KnownStringMethod.None;
            }
        }

        /// <summary>Framework fields with a known value: the directory separators and <c>string.Empty</c>.</summary>
        public ValueSet? GetWellKnownFieldValue(IFieldSymbol field)
        {
            var type = field.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(type, _path)
                && field.Name is "DirectorySeparatorChar" or "AltDirectorySeparatorChar")
            {
                return SeparatorValue;
            }

            if (SymbolEqualityComparer.Default.Equals(type, _string) && field.Name == "Empty")
            {
                return EmptyValue;
            }

            return null;
        }

        private static bool ReturnsString(IMethodSymbol method) => method.ReturnType.SpecialType == SpecialType.System_String;
    }
}
