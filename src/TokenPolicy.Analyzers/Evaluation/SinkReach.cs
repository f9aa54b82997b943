using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// The names of the compilation's methods and constructors that may reach one of a rule's sinks: those whose body
    /// mentions a sink's name, those that mention such a method, and the constructors of a type one of whose members
    /// does (a parameter stored in a field may reach it). Found from the text and the syntax alone, once per
    /// compilation, lazily; nothing is bound. A call into a method whose name is not here cannot carry a value into a
    /// sink, so its summary is never built.
    /// </summary>
    /// <remarks>
    /// An over-approximation by name (two methods that share a name share the answer). When the set outgrows its bound it
    /// is saturated and <see cref="MayReach"/> answers yes for every method: never guess.
    /// </remarks>
    internal sealed class SinkReach
    {
        private const int MaxNames = 160;
        private const int MaxRounds = 6;

        /// <summary>How many distinct callees are answered yes before the names are built (see <see cref="MayReach"/>).</summary>
        internal const int DirectCallees = 64;

        private readonly HashSet<IMethodSymbol> _asked = new(SymbolEqualityComparer.Default);

        private readonly Compilation _compilation;
        private readonly ImmutableArray<string> _needles;
        private readonly Func<SyntaxToken, bool> _isSinkWord;
        private readonly object _gate = new();
        private Result? _result;

        /// <param name="needles">Substrings searched (ordinally) in the text to find sink mentions.</param>
        /// <param name="isSinkWord">Whether an identifier or string literal token found at a needle names a sink (its role in the syntax may matter).</param>
        public SinkReach(Compilation compilation, ImmutableArray<string> needles, Func<SyntaxToken, bool> isSinkWord)
        {
            _compilation = compilation;
            _needles = needles;
            _isSinkWord = isSinkWord;
        }

        /// <summary>
        /// True when a call to <paramref name="method"/> may reach a sink (by name). The names are found over every tree of
        /// the compilation, which costs more than the summaries of a few callees: until <see cref="DirectCallees"/>
        /// distinct callees have asked, the answer is yes without building them (the caller then builds the callee's
        /// summary, which is empty for a method that reaches no sink: the same findings either way).
        /// </summary>
        public bool MayReach(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _result) is null)
            {
                lock (_asked)
                {
                    if (_asked.Contains(method) || (_asked.Count < DirectCallees && _asked.Add(method)))
                    {
                        return true;
                    }
                }
            }

            return InReach(method, cancellationToken);
        }

        /// <summary>True when <paramref name="method"/>'s name is in the reach (built now if it is not yet).</summary>
        internal bool InReach(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var result = GetResult(cancellationToken);
            return result.Saturated || result.Names.Contains(NameOf(method));
        }

        /// <summary>Whether the names have been built (for tests).</summary>
        internal bool IsBuilt => Volatile.Read(ref _result) is not null;

        /// <summary>
        /// A method, local function or type (by its constructors) with a parameter that can carry a followed value, read
        /// off the declaration's syntax; fields and properties (a header-name constant) always count.
        /// </summary>
        private static bool TakesFollowedValue(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case BaseMethodDeclarationSyntax method:
                    return AnyFollowed(method.ParameterList);
                case LocalFunctionStatementSyntax localFunction:
                    return AnyFollowed(localFunction.ParameterList);
                case TypeDeclarationSyntax type:
                    if (type.ParameterList is { } primary && AnyFollowed(primary))
                    {
                        return true;
                    }

                    foreach (var member in type.Members)
                    {
                        if (member is ConstructorDeclarationSyntax constructor && AnyFollowed(constructor.ParameterList))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return true;
            }
        }

        private static bool AnyFollowed(ParameterListSyntax parameters)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Type is { } type && !parameter.Modifiers.Any(SyntaxKind.RefKeyword) && !parameter.Modifiers.Any(SyntaxKind.OutKeyword)
                    && SyntaxTypes.MayBeFollowedParameterType(type))
                {
                    return true;
                }
            }

            return false;
        }

        private static string NameOf(IMethodSymbol method)
            => method.MethodKind is MethodKind.Constructor ? method.ContainingType.Name : method.Name;

        private Result GetResult(CancellationToken cancellationToken)
        {
            var result = Volatile.Read(ref _result);
            if (result is not null)
            {
                return result;
            }

            lock (_gate)
            {
                result = _result;
                if (result is null)
                {
                    // The names depend on the trees and the needles alone: another compilation over the same trees has them.
                    var key = "reach:" + string.Join("|", _needles);
                    if (!TreeSetCache.TryGet<Result>(key, _compilation, out var cached))
                    {
                        cached = Build(cancellationToken);
                        TreeSetCache.Add(key, _compilation, cached);
                    }

                    result = cached;

                    Volatile.Write(ref _result, result);
                }

                return result;
            }
        }

        private Result Build(CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var types = new HashSet<string>(StringComparer.Ordinal);
            var pending = new List<string>();

            var bases = new HashSet<string>(StringComparer.Ordinal);
            void Add(string name, bool isType, SyntaxNode declaration)
            {
                // Only a method or constructor with a parameter that can carry a value matters (read off its syntax).
                if (name.Length == 0 || names.Contains(name))
                {
                    return;
                }

                if (!TakesFollowedValue(declaration))
                {
                    // A type whose constructors take nothing still matters as a base: a derived type's constructor may set
                    // a member that the base's members carry to the sink. Followed for its derived types, never a name.
                    if (isType && bases.Add(name))
                    {
                        types.Add(name);
                        pending.Add(name);
                    }

                    return;
                }

                if (isType)
                {
                    types.Add(name);
                }

                names.Add(name);
                pending.Add(name);
            }

            // Seeds: members that mention a sink (per tree, cached: they depend on the tree alone).
            var key = string.Join("|", _needles);
            foreach (var tree in _compilation.SyntaxTrees)
            {
                foreach (var (name, isType, declaration) in Seeds(tree, key, cancellationToken))
                {
                    Add(name, isType, declaration);
                }

                // Past the bound the answer is "every method" whatever else is found: stop reading (the same answer, sooner).
                if (names.Count > MaxNames)
                {
                    return Result.All;
                }
            }

            // Callers, by name, round after round: each tree's text is read once per round for all the round's names.
            for (var round = 0; pending.Count > 0 && round < MaxRounds && names.Count <= MaxNames; round++)
            {
                var wanted = new WordSet(pending);
                var roundKey = "reach-refs:" + string.Join("|", wanted.Words);
                pending.Clear();
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    if (!wanted.MayOccurIn(tree, cancellationToken))
                    {
                        continue;
                    }

                    foreach (var (name, references) in References(tree, roundKey, wanted, cancellationToken))
                    {
                        var isType = types.Contains(name);
                        foreach (var (created, enclosing) in references)
                        {
                            if (!isType || created)
                            {
                                foreach (var (enclosingName, enclosingIsType, declaration) in enclosing)
                                {
                                    Add(enclosingName, enclosingIsType, declaration);
                                }
                            }
                        }
                    }

                    if (names.Count > MaxNames)
                    {
                        return Result.All;
                    }
                }
            }

            return new Result(names, saturated: pending.Count > 0 || names.Count > MaxNames);
        }

        /// <summary>The members of <paramref name="tree"/> that mention one of the sinks (kept per tree and needle set).</summary>
        private List<(string Name, bool IsType, SyntaxNode Declaration)> Seeds(SyntaxTree tree, string key, CancellationToken cancellationToken)
            => TreeMemo.Get(tree, "reach-seeds:" + key, () => FindSeeds(tree, cancellationToken));

        private List<(string Name, bool IsType, SyntaxNode Declaration)> FindSeeds(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var seeds = new List<(string, bool, SyntaxNode)>();
            var buffer = TreeText.Get(tree, cancellationToken);
            SyntaxNode? root = null;
            foreach (var needle in _needles)
            {
                for (var at = buffer.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = IndexOf(buffer, needle, at + needle.Length))
                {
                    root ??= tree.GetRoot(cancellationToken);
                    var token = root.FindToken(at + (char.IsLetter(needle[0]) ? 0 : 1));
                    if ((token.IsKind(SyntaxKind.IdentifierToken) || token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                        && _isSinkWord(token))
                    {
                        AddEnclosing(token.Parent, (name, isType, declaration) => seeds.Add((name, isType, declaration)));
                    }
                }
            }

            return seeds;
        }

        /// <summary>
        /// Every mention of the wanted names in <paramref name="tree"/>, found in one pass over its text: per name found,
        /// whether each mention creates (or derives from) a type of that name, and the members that hold it. Kept per tree
        /// and set of names (it reads the tree alone): another compilation over the tree that looks for the same names
        /// (the IDE after an edit elsewhere) reads nothing again.
        /// </summary>
        private static List<(string Name, List<(bool Created, List<(string, bool, SyntaxNode)> Enclosing)> References)> References(
            SyntaxTree tree, string key, WordSet wanted, CancellationToken cancellationToken)
            => TreeMemo.Get(tree, key, () =>
            {
                var found = new List<(string, List<(bool, List<(string, bool, SyntaxNode)>)>)>();
                var text = TreeText.Get(tree, cancellationToken);
                SyntaxNode? root = null;
                foreach (var (at, word) in wanted.Occurrences(text, cancellationToken))
                {
                    root ??= tree.GetRoot(cancellationToken);
                    var token = root.FindToken(at);
                    if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is SimpleNameSyntax simple)
                    {
                        var enclosing = new List<(string, bool, SyntaxNode)>();
                        AddEnclosing(simple, (n, t, d) => enclosing.Add((n, t, d)));
                        var index = found.FindIndex(f => ReferenceEquals(f.Item1, word));
                        if (index < 0)
                        {
                            found.Add((word, new List<(bool, List<(string, bool, SyntaxNode)>)>()));
                            index = found.Count - 1;
                        }

                        found[index].Item2.Add((IsCreatedType(simple), enclosing));
                    }
                }

                return found;
            });

        /// <summary>
        /// The member that holds <paramref name="node"/>: a method (its name), and its type (whose constructors may store a
        /// parameter that this member then carries to the sink; a type's name counts only where it is created).
        /// </summary>
        private static void AddEnclosing(SyntaxNode? node, Action<string, bool, SyntaxNode> add)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case LocalFunctionStatementSyntax localFunction:
                        add(localFunction.Identifier.ValueText, false, localFunction);
                        break;
                    case MethodDeclarationSyntax method:
                        add(method.Identifier.ValueText, false, method);
                        AddType(method.Parent, add);
                        return;
                    case BaseFieldDeclarationSyntax field:
                        // A constant or field holding a sink's name (a header name): its readers mention the sink.
                        foreach (var variable in field.Declaration.Variables)
                        {
                            add(variable.Identifier.ValueText, false, field);
                        }

                        AddType(current.Parent, add);
                        return;
                    case PropertyDeclarationSyntax property:
                        add(property.Identifier.ValueText, false, property);
                        AddType(current.Parent, add);
                        return;
                    case MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax:
                        AddType(current.Parent, add);
                        return;
                    case TypeDeclarationSyntax type:
                        add(type.Identifier.ValueText, true, type);
                        return;
                }
            }
        }

        private static void AddType(SyntaxNode? node, Action<string, bool, SyntaxNode> add)
        {
            if (node is TypeDeclarationSyntax type)
            {
                add(type.Identifier.ValueText, true, type);
            }
        }

        /// <summary>
        /// The name is used as a value or member, not only as a type: <c>x.Name</c>, <c>Name.Member</c>, <c>new Name(...)</c>,
        /// a base type (its constructor is called), <c>Name = ...</c> in an object initializer. (A model class that happens to be called <c>Authorization</c> does
        /// not name the header.)
        /// </summary>
        internal static bool IsUsedAsValue(SyntaxToken token)
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken))
            {
                return true;
            }

            if (token.Parent is not SimpleNameSyntax name)
            {
                return false;
            }

            return name.Parent switch
            {
                MemberAccessExpressionSyntax access => true,
                MemberBindingExpressionSyntax => true,
                AssignmentExpressionSyntax assignment => assignment.Left == name,
                // new T(...), and a base type whose constructor the derived type's constructors call (`: base(...)`).
                _ => IsCreatedType(name),
            };
        }

        /// <summary><c>new T(...)</c> or a base type: the name is the created type (possibly qualified or generic).</summary>
        private static bool IsCreatedType(SimpleNameSyntax name)
        {
            SyntaxNode current = name;
            while (current.Parent is QualifiedNameSyntax qualified && qualified.Right == current)
            {
                current = qualified;
            }

            // new T(...), and class D : T (D's constructors call T's through base(...)).
            return (current.Parent is ObjectCreationExpressionSyntax creation && creation.Type == current)
                || current.Parent is SimpleBaseTypeSyntax or PrimaryConstructorBaseTypeSyntax;
        }

        private static int IndexOf(string buffer, string needle, int start)
            => start >= buffer.Length ? -1 : buffer.IndexOf(needle, start, StringComparison.Ordinal);


        private sealed class Result
        {
            /// <summary>Saturated: every method may reach a sink.</summary>
            public static readonly Result All = new(new HashSet<string>(StringComparer.Ordinal), saturated: true);

            public Result(HashSet<string> names, bool saturated)
            {
                Names = names;
                Saturated = saturated;
            }

            public HashSet<string> Names { get; }

            public bool Saturated { get; }
        }
    }
}
