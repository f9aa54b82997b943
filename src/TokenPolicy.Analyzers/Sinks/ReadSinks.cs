using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Sinks
{
    /// <summary>Which argument of a read sink holds the path.</summary>
    internal enum PathSource
    {
        /// <summary>The argument bound to <see cref="ReadSink.ParameterName"/>.</summary>
        Parameter,

        /// <summary>The receiver (a <c>FileInfo</c> that stands for its path).</summary>
        Instance,
    }

    /// <summary>One row of the read-sink table: a member that reads the file named by one of its inputs.</summary>
    internal sealed class ReadSink : SinkRow
    {
        private readonly bool _yieldsText;

        public ReadSink(string typeName, string memberName, string? parameterName, bool checkAccess = false, bool yieldsText = false, bool reader = false, FixKind fixKind = FixKind.None)
            : base(ValueReading.Path, yieldsText ? FixKind.FileText : reader ? FixKind.FileReader : fixKind)
        {
            TypeName = typeName;
            MemberName = memberName;
            ParameterName = parameterName;
            CheckAccess = checkAccess;
            _yieldsText = yieldsText;
            var simpleType = typeName.Substring(typeName.LastIndexOf('.') + 1);
            Name = memberName == WellKnownMemberNames.InstanceConstructorName ? "new " + simpleType : simpleType + "." + memberName;
        }

        /// <summary>Metadata name of the declaring type.</summary>
        public string TypeName { get; }

        /// <summary>Method name, or <c>.ctor</c>.</summary>
        public string MemberName { get; }

        /// <summary>Name of the path parameter; null when the receiver holds the path.</summary>
        public string? ParameterName { get; }

        public PathSource Source => ParameterName is null ? PathSource.Instance : PathSource.Parameter;

        /// <summary>The call may open for writing only (decided by its FileMode/FileAccess arguments).</summary>
        public bool CheckAccess { get; }

        /// <summary>The call returns the file's content (text, bytes or lines): what the code fix can replace with the resolver's token in that form.</summary>
        public override bool YieldsText => _yieldsText || FixKind is FixKind.FileBytes or FixKind.FileLines;

        /// <summary>How the sink is named in messages: <c>File.ReadAllText</c>, <c>new StreamReader</c>.</summary>
        public string Name { get; }

        public override string DisplayName(in SinkMatch match) => Name;

        public override string MemberId(in SinkMatch match) => TypeName + "." + MemberName;
    }

    /// <summary>The file-read sinks of TP0001 as data, resolved to symbols once per compilation.</summary>
    internal sealed class ReadSinks : ISinkMatcher
    {
        private const string File = "System.IO.File";
        private const string FileInfo = "System.IO.FileInfo";
        private const string Ctor = WellKnownMemberNames.InstanceConstructorName;

        /// <summary>The table. Matching is by parameter name, never by position.</summary>
        public static readonly ImmutableArray<ReadSink> Table = ImmutableArray.Create(
            new ReadSink(File, "ReadAllText", "path", yieldsText: true),
            new ReadSink(File, "ReadAllTextAsync", "path", yieldsText: true),
            new ReadSink(File, "ReadAllBytes", "path", fixKind: FixKind.FileBytes),
            new ReadSink(File, "ReadAllBytesAsync", "path", fixKind: FixKind.FileBytes),
            new ReadSink(File, "ReadAllLines", "path", fixKind: FixKind.FileLines),
            new ReadSink(File, "ReadAllLinesAsync", "path", fixKind: FixKind.FileLines),
            new ReadSink(File, "ReadLines", "path", fixKind: FixKind.FileLines),
            new ReadSink(File, "ReadLinesAsync", "path"),
            new ReadSink(File, "OpenRead", "path", fixKind: FixKind.FileStream),
            new ReadSink(File, "OpenText", "path", reader: true),
            new ReadSink(File, "Open", "path", checkAccess: true, fixKind: FixKind.FileStream),
            new ReadSink(File, "OpenHandle", "path", checkAccess: true),
            new ReadSink("System.IO.FileStream", Ctor, "path", checkAccess: true, fixKind: FixKind.FileStream),
            new ReadSink("System.IO.StreamReader", Ctor, "path", reader: true),
            new ReadSink(FileInfo, "OpenText", null, reader: true),
            new ReadSink(FileInfo, "OpenRead", null, fixKind: FixKind.FileStream),
            new ReadSink(FileInfo, "Open", null, checkAccess: true, fixKind: FixKind.FileStream));

        /// <summary>Where the table's names are found in source text (<see cref="Evaluation.SinkReach"/>).</summary>
        public static readonly ImmutableArray<string> Needles = ImmutableArray.Create("ReadAll", "ReadLines", "OpenRead", "OpenText", "OpenHandle", ".Open(", "FileStream", "StreamReader");

        private static readonly HashSet<string> Names = SinkNames();

        private readonly SinkMethods<ReadSink> _byMethod;

        private ReadSinks(SinkMethods<ReadSink> byMethod)
        {
            _byMethod = byMethod;
        }

        public bool IsEmpty => _byMethod.IsEmpty;

        /// <summary>A member or type name of the table (<c>ReadAllText</c>, <c>StreamReader</c>).</summary>
        public static bool IsSinkName(string word) => Names.Contains(word);

        private static HashSet<string> SinkNames()
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var sink in Table)
            {
                names.Add(sink.MemberName == Ctor ? sink.TypeName.Substring(sink.TypeName.LastIndexOf('.') + 1) : sink.MemberName);
            }

            return names;
        }

        public static ReadSinks Resolve(Compilation compilation)
            => new(SinkResolver.Resolve(compilation, Table, static s => s.TypeName, static s => s.MemberName, static (s, m) => s.ParameterName is null ? !m.IsStatic : HasParameter(m, s.ParameterName)));

        /// <summary>The one match of TP0001's sinks, used at the read itself and inside method summaries.</summary>
        public bool TryMatch(IOperation operation, out SinkMatch match)
        {
            var (method, instance, arguments) = operation switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Instance, invocation.Arguments),
                IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, null, creation.Arguments),
                _ => (null, null, default(ImmutableArray<IArgumentOperation>)),
            };

            if (method is not null && TryGet(method, out var sink) && MayRead(sink, arguments) && PathOperation(sink, instance, arguments) is { } path)
            {
                match = new SinkMatch(operation, path, sink, arguments);
                return true;
            }

            match = default;
            return false;
        }

        public bool Accepts(in SinkMatch match, ValueEvaluator evaluator, System.Threading.CancellationToken cancellationToken) => true;

        public bool TryDefer(in SinkMatch match, ValueEvaluator evaluator, System.Threading.CancellationToken cancellationToken, out ValueSet template, out SinkRow row)
        {
            template = ValueSet.Unknown;
            row = null!;
            return false;
        }

        public bool TryGet(IMethodSymbol method, out ReadSink sink)
            => _byMethod.TryGetValue(method.OriginalDefinition, out sink!);

        /// <summary>The operation that holds the path for <paramref name="sink"/>, or null.</summary>
        public static IOperation? PathOperation(ReadSink sink, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
            => sink.Source == PathSource.Instance ? instance : SinkResolver.Argument(arguments, sink.ParameterName!);

        /// <summary>
        /// False when constant <c>FileMode</c>/<c>FileAccess</c> arguments (or the <c>Mode</c>/<c>Access</c> set in a
        /// <c>new FileStreamOptions { ... }</c> argument) say the call cannot return the file's existing content:
        /// write-only access, or a mode that creates, truncates or appends.
        /// </summary>
        public static bool MayRead(ReadSink sink, ImmutableArray<IArgumentOperation> arguments)
        {
            if (!sink.CheckAccess)
            {
                return true;
            }

            var access = SinkResolver.Argument(arguments, "access");
            var mode = SinkResolver.Argument(arguments, "mode");
            if (SinkResolver.Argument(arguments, "options") is { } options)
            {
                FileStreamOptionsMembers(options, ref mode, ref access);
            }

            return !IsWriteOnlyAccess(access) && !IsNonReadingMode(mode);
        }

        // FileAccess: Read = 1, Write = 2, ReadWrite = 3.
        private static bool IsWriteOnlyAccess(IOperation? access)
            => access?.ConstantValue is { HasValue: true, Value: int value } && value == 2;

        // FileMode: CreateNew = 1, Create = 2, Open = 3, OpenOrCreate = 4, Truncate = 5, Append = 6.
        // CreateNew, Create and Truncate start from an empty file; Append is write-only.
        private static bool IsNonReadingMode(IOperation? mode)
            => mode?.ConstantValue is { HasValue: true, Value: int value } && value is 1 or 2 or 5 or 6;

        private static void FileStreamOptionsMembers(IOperation options, ref IOperation? mode, ref IOperation? access)
        {
            while (options is IConversionOperation { Conversion.IsUserDefined: false } conversion)
            {
                options = conversion.Operand;
            }

            if (options is not IObjectCreationOperation { Initializer: { } initializer })
            {
                return;
            }

            foreach (var initialization in initializer.Initializers)
            {
                if (initialization is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    switch (property.Property.Name)
                    {
                        case "Mode":
                            mode = assignment.Value;
                            break;
                        case "Access":
                            access = assignment.Value;
                            break;
                    }
                }
            }
        }

        private static bool HasParameter(IMethodSymbol method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name && parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
