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

        public WellKnownTypes(Compilation compilation)
        {
            _path = compilation.GetTypeByMetadataName("System.IO.Path");
            _environment = compilation.GetTypeByMetadataName("System.Environment");
            _fileInfo = compilation.GetTypeByMetadataName("System.IO.FileInfo");
            _string = compilation.GetSpecialType(SpecialType.System_String);
        }

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
