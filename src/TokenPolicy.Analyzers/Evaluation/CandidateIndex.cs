using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// Where the candidates of one <see cref="CandidateFilter"/> can flow in a compilation: the names (of locals and
    /// parameters in their scope, of fields, properties and methods anywhere) whose value may hold a candidate literal.
    /// Built once per compilation, lazily, on the first question; it binds nothing.
    /// </summary>
    /// <remarks>
    /// <para>Work is proportional to the candidates, not to the code: literals are found by a text scan for quotes (no
    /// syntax walk), each candidate's flow is followed up its own syntax spine, and the readers of a tainted name are
    /// found by a text search for the name inside the scope that can see it (its member for a local or parameter, every
    /// tree for a member, its own tree for a private member of a type declared in one part).</para>
    /// <para>The taint is an over-approximation by name: a name is tainted when a candidate may flow into it by
    /// initializer, assignment, return, string operation, collection element, loop or pattern; names are not resolved,
    /// so two members that share a name share their taint. The precise answer stays with the
    /// <see cref="ValueEvaluator"/>, which is asked only where <see cref="MayCarry"/> says yes. The result is a set closed
    /// under the flow rules, so it does not depend on the order in which it was built. When the closure would outgrow its
    /// bounds it is saturated and <see cref="MayCarry"/> answers yes everywhere: never guess.</para>
    /// <para>Knowingly not seen: a candidate that appears only on a line of a multi-line verbatim or raw string that holds
    /// no quote; a candidate word split across literals; a token path or token assembled only from constants of
    /// referenced assemblies inside a non-constant expression; a value passed into a method of the compilation whose
    /// parameter it returns (the call's arguments are candidates themselves, so the call is asked about anyway); in a tree
    /// with no candidate literal, no tainted local and no tainted member name in its text (<see cref="MayCarryIn"/>), a
    /// candidate constant that is only part of a non-constant value (a constant field of a referenced assembly in
    /// <c>flag ? Other.Token : x</c>): a value that is itself constant is always tested.</para>
    /// </remarks>
    internal sealed class CandidateIndex
    {
        private const int MaxNames = 256;
        private const int MaxLiterals = 4096;
        private const int MaxReferenceChecks = 1_500;
        private const int MaxFlowSteps = 64;
        private const int MaxValueOperations = 512;
        private const int MaxKeptConstants = 8192;

        /// <summary>The member name of an indexer (<see cref="IPropertySymbol.Name"/>), tainted by a return in its body.</summary>
        private const string IndexerName = "this[]";

        /// <summary>Invoked names whose result carries their arguments' or receiver's text (string operations, path and URI building, LINQ picks).</summary>
        private static readonly HashSet<string> Transforms = new(StringComparer.Ordinal)
        {
            "Concat", "Combine", "Join", "Format", "Trim", "TrimStart", "TrimEnd", "Replace", "ToLower", "ToUpper",
            "ToLowerInvariant", "ToUpperInvariant", "ToString", "GetFullPath", "GetEnvironmentVariable", "Substring",
            "Append", "AppendLine", "AppendFormat", "Insert", "First", "FirstOrDefault", "Single", "SingleOrDefault",
            "Last", "LastOrDefault", "ElementAt", "ElementAtOrDefault", "ToArray", "ToList", "AsSpan", "AsMemory",
            "GetValueOrDefault", "FileInfo", "Uri", "StringBuilder", "Lazy", "FromResult", "ConfigureAwait",
            "KeyValuePair", "Create", "Tuple", "ValueTuple", "UriBuilder", "HttpRequestMessage",
        };

        /// <summary>Invoked names that store an argument in their receiver (a collection or builder of candidates).</summary>
        private static readonly HashSet<string> Stores = new(StringComparer.Ordinal)
        {
            "Add", "AddRange", "Append", "AppendLine", "AppendFormat", "Insert", "Push", "Enqueue", "TryAdd", "Set", "Prepend",
        };

        private readonly Compilation _compilation;
        private readonly CandidateFilter _filter;
        private readonly object _gate = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _constants = new(StringComparer.Ordinal);
        private int _keptConstants;
        private Closure? _closure;

        public CandidateIndex(Compilation compilation, CandidateFilter filter)
        {
            _compilation = compilation;
            _filter = filter;
        }

        /// <summary>
        /// False when <paramref name="value"/> cannot hold a candidate: it is a constant that is none, or nothing under it
        /// is a candidate constant or reads a tainted name. Cheap: constants first, the closure is built once.
        /// </summary>
        public bool MayCarry(IOperation? value, CancellationToken cancellationToken)
            => value is not null && MayCarry(value, MayCarryIn(value.Syntax.SyntaxTree, cancellationToken), cancellationToken);

        /// <summary>
        /// <see cref="MayCarry(IOperation?, CancellationToken)"/> for a value of a tree whose <see cref="MayCarryIn"/> answer
        /// is <paramref name="treeMayCarry"/> (asked once per operation, not once per argument).
        /// </summary>
        public bool MayCarry(IOperation? value, bool treeMayCarry, CancellationToken cancellationToken)
        {
            if (value is null)
            {
                return false;
            }

            var closure = GetClosure(cancellationToken);
            var constantValue = value.ConstantValue;
            if (constantValue.HasValue)
            {
                return constantValue.Value is string constant && IsCandidateConstant(closure, value, constant);
            }

            if (!treeMayCarry)
            {
                return false;
            }

            if (closure.Saturated)
            {
                return true;
            }

            var visited = 0;
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (++visited > MaxValueOperations)
                {
                    return true;
                }

                var operationValue = operation.ConstantValue;
                if (operationValue.HasValue)
                {
                    if (operationValue.Value is string text && IsCandidateConstant(closure, operation, text))
                    {
                        return true;
                    }

                    continue;
                }

                if (closure.IsEmpty)
                {
                    continue;
                }

                switch (operation)
                {
                    case ILocalReferenceOperation local when closure.HasScoped(local.Local, cancellationToken):
                    case IParameterReferenceOperation parameter when closure.HasScoped(parameter.Parameter, cancellationToken):
                    case IFieldReferenceOperation field when closure.Members.Contains(field.Field.Name):
                    case IPropertyReferenceOperation property when closure.Members.Contains(property.Property.Name):
                    case IInvocationOperation invocation when closure.Members.Contains(invocation.TargetMethod.Name)
                        || (invocation.TargetMethod.MethodKind == MethodKind.LocalFunction && closure.HasScoped(invocation.TargetMethod, cancellationToken)):
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether some argument may carry a candidate into a parameter <paramref name="follows"/> accepts (every argument,
        /// default values too, when it is null). In a tree whose <see cref="MayCarryIn"/> answer is
        /// <paramref name="treeMayCarry"/> false only a string constant can, and that is asked before the parameter.
        /// </summary>
        public bool AnyArgumentMayCarry(ImmutableArray<IArgumentOperation> arguments, bool treeMayCarry, Func<IParameterSymbol, bool>? follows, CancellationToken cancellationToken)
        {
            foreach (var argument in arguments)
            {
                if ((treeMayCarry || IsStringConstant(argument.Value))
                    && (follows is null || (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter && follows(parameter)))
                    && MayCarry(argument.Value, treeMayCarry, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <paramref name="value"/> is a string constant, asked of the type first: a constant of another type (an
        /// <c>int</c>, an enum) is never a candidate, and reading its value boxes it on every read.
        /// </summary>
        public static bool IsStringConstant(IOperation value)
            => value.Type?.SpecialType == SpecialType.System_String && value.ConstantValue.HasValue;

        /// <summary>
        /// False when no value of <paramref name="tree"/> that is not itself a constant can carry a candidate: the tree has
        /// no candidate literal of its own, no tainted local or parameter, and its text holds no tainted member name (a
        /// constant of another tree is a tainted member). A few set lookups, asked once per operation.
        /// </summary>
        public bool MayCarryIn(SyntaxTree tree, CancellationToken cancellationToken) => GetClosure(cancellationToken).MayCarryIn(tree);

        /// <summary>
        /// Whether a string constant is a candidate. A plain one-line literal of a tree of the compilation is answered from the
        /// tree's candidate positions, found by the scan with the same test (a binary search instead of the filter's test
        /// on each constant an operation holds, which most arguments are); any other constant (an escape, a quote inside,
        /// several lines, a folded or referenced constant) is tested.
        /// </summary>
        private bool IsCandidateConstant(Closure closure, IOperation operation, string value)
        {
            if (value.Length >= 2
                && operation is ILiteralOperation { Syntax: LiteralExpressionSyntax { Token: var token } }
                && IsPlainOneLine(token)
                && closure.LiteralsIn(operation.Syntax.SyntaxTree) is { } positions)
            {
                return Array.BinarySearch(positions, token.SpanStart) >= 0;
            }

            return IsCandidateValue(value);
        }

        /// <summary>
        /// The filter's test of a constant that is not a plain literal (a constant field, a folded or escaped value), kept
        /// per value: the same header and URL constants are passed at thousands of calls. The filter is a pure function of
        /// the value, so the answer does not depend on which call asked first; past <see cref="MaxKeptConstants"/> values
        /// are tested again instead of kept.
        /// </summary>
        private bool IsCandidateValue(string value)
        {
            if (_constants.TryGetValue(value, out var known))
            {
                return known;
            }

            var candidate = _filter.IsCandidate(value);
            if (Volatile.Read(ref _keptConstants) < MaxKeptConstants && _constants.TryAdd(value, candidate))
            {
                Interlocked.Increment(ref _keptConstants);
            }

            return candidate;
        }

        /// <summary>
        /// A regular or verbatim string literal on one line with no quote, backslash or line break between its quotes: the
        /// scan saw its whole value as one piece between two quotes (<see cref="TreeCandidates"/>), so its position is among
        /// the tree's candidates exactly when the filter accepts its value.
        /// </summary>
        private static bool IsPlainOneLine(SyntaxToken token)
        {
            if (!token.IsKind(SyntaxKind.StringLiteralToken))
            {
                return false;
            }

            var text = token.Text;
            var open = text.Length > 0 && text[0] == '@' ? 2 : 1;
            return text.Length >= open + 1
                && text[text.Length - 1] == '"'
                && text.AsSpan(open, text.Length - open - 1).IndexOfAny(PlainBreakers) < 0;
        }

        private static readonly char[] PlainBreakers = { '"', '\\', '\n', '\r' };

        /// <summary>Whether a candidate literal of this index's filter starts inside <paramref name="span"/> of <paramref name="tree"/>.</summary>
        public bool HasLiteralIn(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
        {
            var positions = GetClosure(cancellationToken).LiteralsIn(tree) ?? TreeCandidates.Get(tree, _filter, cancellationToken);
            var index = Array.BinarySearch(positions, span.Start);
            if (index < 0)
            {
                index = ~index;
            }

            return index < positions.Length && positions[index] < span.End;
        }

        /// <summary>Whether the closure has been built (or taken from another compilation over the same trees) already.</summary>
        public bool IsBuilt => Volatile.Read(ref _closure) is not null;

        /// <summary>The candidates' flow closure, built on first use; a build cut short by cancellation is not kept.</summary>
        public Closure GetClosure(CancellationToken cancellationToken)
        {
            var closure = Volatile.Read(ref _closure);
            if (closure is not null)
            {
                return closure;
            }

            if (!Monitor.TryEnter(_gate))
            {
                // Another thread is building it: scan trees for it instead of waiting (a thread blocked here is charged the
                // whole build); the builder then finds their candidates kept.
                HelpScan(cancellationToken);
                Monitor.Enter(_gate);
            }

            try
            {
                closure = _closure;
                if (closure is null)
                {
                    // The closure depends on the trees and the filter alone: another compilation over the same trees has it.
                    var key = _filter.MemoKey;
                    if (!TreeSetCache.TryGet<Closure>(key, _compilation, out var cached))
                    {
                        cached = new Builder(this, cancellationToken).Build();
                        TreeSetCache.Add(key, _compilation, cached);
                    }

                    closure = cached;

                    Volatile.Write(ref _closure, closure);
                }

                return closure;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        /// <summary>
        /// While another thread builds the closure: the trees' candidate scans (<see cref="TreeCandidates"/>, kept per tree),
        /// taken from the end of the builder's order backwards until the two meet or the closure is done. The results are
        /// what the builder would compute itself, so the closure is the same; only who computes a tree's scan changes.
        /// </summary>
        private void HelpScan(CancellationToken cancellationToken)
        {
            var order = Builder.ScanOrder(_compilation.SyntaxTrees, _filter.Key);
            var key = _filter.MemoKey;
            for (var i = order.Count - 1; i >= 0 && Volatile.Read(ref _closure) is null; i--)
            {
                if (TreeMemo.Contains(order[i], key))
                {
                    // The builder (or an earlier helper) has been here: the rest is scanned already.
                    return;
                }

                TreeCandidates.Get(order[i], _filter, cancellationToken);
            }
        }

        /// <summary>
        /// The scope a local, parameter or local function is visible in: its member declaration (a primary constructor's
        /// parameter: its type; top-level statements: the compilation unit).
        /// </summary>
        internal static SyntaxNode? ScopeOf(SyntaxNode node)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ParameterListSyntax { Parent: TypeDeclarationSyntax type }:
                        return type;
                    case GlobalStatementSyntax:
                        return current.Parent;
                    case MemberDeclarationSyntax:
                        return current;
                }
            }

            return null;
        }

        /// <summary>What the index found.</summary>
        internal sealed class Closure
        {
            private readonly HashSet<SyntaxTree> _scopedTrees = new();
            private readonly HashSet<string> _scopedNamesAnywhere = new(StringComparer.Ordinal);
            private readonly HashSet<(SyntaxTree Tree, string Name)> _scopedNames = new();

            private readonly Dictionary<SyntaxTree, int[]> _literalPositions;

            private readonly HashSet<SyntaxTree> _memberTrees;
            private readonly bool _membersReadAnywhere;

            public Closure(int literals, Dictionary<SyntaxTree, int[]> literalPositions, HashSet<string> members, HashSet<SyntaxTree> memberTrees, HashSet<(SyntaxTree Tree, int Scope, string Name)> scoped, bool saturated)
            {
                Literals = literals;
                _memberTrees = memberTrees;

                // An indexer is read without its name in the text (`headers[key]`): any tree may read a tainted one.
                _membersReadAnywhere = members.Contains(IndexerName);
                _literalPositions = literalPositions;
                Members = members;
                Scoped = scoped;
                Saturated = saturated;
                foreach (var item in scoped)
                {
                    _scopedTrees.Add(item.Tree);
                    _scopedNamesAnywhere.Add(item.Name);
                    _scopedNames.Add((item.Tree, item.Name));
                }
            }

            /// <summary>
            /// The start positions of <paramref name="tree"/>'s candidate literals, in order (kept per tree by
            /// <see cref="TreeCandidates"/>, here by reference for the per-operation questions); null for a tree that is
            /// not one of the compilation's.
            /// </summary>
            public int[]? LiteralsIn(SyntaxTree tree) => _literalPositions.TryGetValue(tree, out var positions) ? positions : null;

            /// <summary>Some local, parameter or local function of <paramref name="tree"/> may hold a candidate.</summary>
            public bool HasScopedIn(SyntaxTree tree) => _scopedTrees.Contains(tree);

            /// <summary>
            /// Whether a value of <paramref name="tree"/> that is not a constant may carry a candidate: the closure is
            /// saturated, or the tree has a candidate literal, a tainted local or parameter, or a tainted member name in its
            /// text (found while the closure was built: the trees each round's names may occur in); true for a tree that is
            /// not one of the compilation's.
            /// </summary>
            public bool MayCarryIn(SyntaxTree tree)
            {
                // The driver runs a tree's operations together, and every rule asks this once per operation: the last
                // tree's answer is kept (one pair per closure, replaced whole, so a reader sees a tree with its answer).
                var last = Volatile.Read(ref _lastTree);
                if (last is not null && ReferenceEquals(last.Item1, tree))
                {
                    return last.Item2;
                }

                var answer = Saturated || LiteralsIn(tree) is not { Length: 0 } || _scopedTrees.Contains(tree) || _membersReadAnywhere || _memberTrees.Contains(tree);
                Volatile.Write(ref _lastTree, Tuple.Create(tree, answer));
                return answer;
            }

            private Tuple<SyntaxTree, bool>? _lastTree;

            /// <summary>How many candidate literals the compilation has.</summary>
            public int Literals { get; }

            /// <summary>Names of fields, properties and methods that may hold or return a candidate.</summary>
            public HashSet<string> Members { get; }

            /// <summary>Locals, parameters and local functions that may hold one: (tree, start of their scope, name).</summary>
            public HashSet<(SyntaxTree Tree, int Scope, string Name)> Scoped { get; }

            /// <summary>The closure outgrew its bounds: every value may carry a candidate.</summary>
            public bool Saturated { get; }

            public bool IsEmpty => Members.Count == 0 && Scoped.Count == 0;

            public bool HasScoped(ISymbol symbol, CancellationToken cancellationToken)
            {
                // The name first (no tree has a tainted local or parameter of that name: most references end here), then
                // the symbol's declarations, which the compiler builds on each request for a parameter.
                if (Scoped.Count == 0 || !_scopedNamesAnywhere.Contains(symbol.Name))
                {
                    return false;
                }

                foreach (var reference in symbol.DeclaringSyntaxReferences)
                {
                    // The name in the tree first (a set lookup); the declaration's scope only for a name that is tainted there.
                    if (!_scopedNames.Contains((reference.SyntaxTree, symbol.Name)))
                    {
                        continue;
                    }

                    if (ScopeOf(reference.GetSyntax(cancellationToken)) is { } scope && Scoped.Contains((reference.SyntaxTree, scope.SpanStart, symbol.Name)))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        private sealed class Builder
        {
            private readonly CandidateIndex _owner;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<string> _members = new(StringComparer.Ordinal);
            private readonly HashSet<(SyntaxTree Tree, int Scope, string Name)> _scoped = new();
            private readonly List<(string Name, SyntaxTree? OnlyIn)> _pendingMembers = new();

            /// <summary>
            /// Where each tainted member name is looked for: null for every tree, else the trees whose private members of
            /// that name were tainted (a private member of a type declared in one part is read in that part's tree only).
            /// </summary>
            private readonly Dictionary<string, HashSet<SyntaxTree>?> _memberScopes = new(StringComparer.Ordinal);
            private readonly List<(SyntaxTree Tree, SyntaxNode Scope, string Name)> _pendingScoped = new();
            private readonly Dictionary<SyntaxTree, int[]> _literalPositions = new();
            private readonly HashSet<SyntaxTree> _memberTrees = new();
            private bool _saturated;

            public Builder(CandidateIndex owner, CancellationToken cancellationToken)
            {
                _owner = owner;
                _cancellationToken = cancellationToken;
            }

            public Closure Build()
            {
                var literals = 0;
                foreach (var tree in ScanOrder(_owner._compilation.SyntaxTrees, _owner._filter.Key))
                {
                    var positions = TreeCandidates.Get(tree, _owner._filter, _cancellationToken);
                    _literalPositions[tree] = positions;
                    if (positions.Length == 0)
                    {
                        continue;
                    }

                    literals += positions.Length;
                    Apply(Recorded(tree, "taint-literals:" + _owner._filter.Key, () =>
                    {
                        var root = tree.GetRoot(_cancellationToken);
                        foreach (var position in positions)
                        {
                            var token = root.FindToken(position);
                            if (token.Parent is ExpressionSyntax expression)
                            {
                                FollowFrom(expression);
                            }
                            else if (token.Parent is InterpolatedStringTextSyntax { Parent: ExpressionSyntax interpolated })
                            {
                                FollowFrom(interpolated);
                            }
                        }
                    }));
                }

                if (literals > MaxLiterals)
                {
                    // Too many candidates to follow by name: every value may carry one.
                    return new Closure(literals, _literalPositions, _members, _memberTrees, _scoped, saturated: true);
                }

                // Breadth first, in rounds; a tree's text is read once a round.
                while ((_pendingMembers.Count > 0 || _pendingScoped.Count > 0) && !_saturated)
                {
                    var scoped = _pendingScoped.ToArray();
                    _pendingScoped.Clear();

                    // The round's member names readable anywhere, and those readable in one tree (private members); a
                    // name that is both this round is looked for everywhere.
                    var everywhere = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var (name, onlyIn) in _pendingMembers)
                    {
                        if (onlyIn is null)
                        {
                            everywhere.Add(name);
                        }
                    }

                    Dictionary<SyntaxTree, List<string>>? privateNames = null;
                    foreach (var (name, onlyIn) in _pendingMembers)
                    {
                        if (onlyIn is not null && !everywhere.Contains(name))
                        {
                            privateNames ??= new Dictionary<SyntaxTree, List<string>>();
                            if (!privateNames.TryGetValue(onlyIn, out var names))
                            {
                                privateNames.Add(onlyIn, names = new List<string>());
                            }

                            // Once per name and tree: AddMember answers true once for each.
                            names.Add(name);
                        }
                    }

                    _pendingMembers.Clear();

                    // The round's names readable anywhere: hashed once, looked for in one pass over each tree's text.
                    var members = new string[everywhere.Count];
                    everywhere.CopyTo(members);
                    var memberWords = new WordSet(members);
                    var memberKeys = KeysOf(members);

                    // A tree's local, parameter and local function names of the round, grouped once.
                    var localsByTree = new Dictionary<SyntaxTree, List<(SyntaxNode Scope, string Name)>>();
                    foreach (var item in scoped)
                    {
                        if (!localsByTree.TryGetValue(item.Tree, out var list))
                        {
                            localsByTree.Add(item.Tree, list = new List<(SyntaxNode, string)>());
                        }

                        list.Add((item.Scope, item.Name));
                    }

                    foreach (var tree in _owner._compilation.SyntaxTrees)
                    {
                        localsByTree.TryGetValue(tree, out var local);
                        List<string>? privates = null;
                        privateNames?.TryGetValue(tree, out privates);

                        var anyMember = members.Length > 0 && memberWords.MayOccurIn(tree, _cancellationToken);
                        if (anyMember || privates is not null)
                        {
                            // Every round's names are looked for in every tree they can be read in, so these are the trees
                            // a tainted member name may occur in (Closure.MayCarryIn).
                            _memberTrees.Add(tree);
                        }

                        if (!anyMember && privates is null && local is null)
                        {
                            continue;
                        }

                        // The names looked for in this tree: the round's names readable anywhere (when one may occur
                        // here), then its private ones.
                        var treeMembers = members;
                        var treeKeys = memberKeys;
                        var treeWords = memberWords;
                        if (privates is not null)
                        {
                            var names = new List<string>(anyMember ? members : Array.Empty<string>());
                            names.AddRange(privates);
                            treeMembers = names.ToArray();
                            treeKeys = KeysOf(treeMembers);
                            treeWords = new WordSet(treeMembers);
                        }
                        else if (!anyMember)
                        {
                            treeMembers = Array.Empty<string>();
                        }

                        string? text = null;
                        SyntaxNode? root = null;
                        Dictionary<string, List<int>>? occurrences = null;
                        for (var i = 0; i < treeMembers.Length; i++)
                        {
                            var name = treeMembers[i];
                            Apply(Recorded(tree, treeKeys[i], () =>
                            {
                                text ??= TreeText.Get(tree, _cancellationToken);
                                root ??= tree.GetRoot(_cancellationToken);
                                occurrences ??= Occurrences(tree, text, treeMembers, treeKeys, treeWords);
                                FollowPositions(root, occurrences.TryGetValue(name, out var positions) ? positions : NoPositions);
                            }));
                        }

                        local ??= NoLocals;

                        foreach (var (scope, name) in local)
                        {
                            Apply(Recorded(tree, "taint-scoped:" + scope.SpanStart.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + name, () =>
                            {
                                text ??= TreeText.Get(tree, _cancellationToken);
                                root ??= tree.GetRoot(_cancellationToken);
                                FollowReferences(text, root, name, scope.Span.Start, Math.Min(scope.Span.End, text.Length));
                            }));
                        }

                        if (_saturated)
                        {
                            break;
                        }
                    }
                }

                return new Closure(literals, _literalPositions, _members, _memberTrees, _scoped, _saturated);
            }

            private static readonly List<(SyntaxNode Scope, string Name)> NoLocals = new();

            /// <summary>The memo key of each name's readers in a tree.</summary>
            private static string[] KeysOf(string[] members)
            {
                var keys = new string[members.Length];
                for (var i = 0; i < members.Length; i++)
                {
                    keys[i] = "taint-refs:" + members[i];
                }

                return keys;
            }

            /// <summary>
            /// The trees from a place fixed by the family (a hash of its key), wrapping around. The rules of a build ask for
            /// their indexes at the same time from different threads, and every family reads the same per-tree text and
            /// quoted pieces (<see cref="TreeCandidates"/>): started at the same tree they would compute those twice, side by
            /// side, instead of one family finding them ready. The closure is a set, the same in any order.
            /// </summary>
            internal static IReadOnlyList<SyntaxTree> ScanOrder(IEnumerable<SyntaxTree> trees, string familyKey)
            {
                var all = trees as IReadOnlyList<SyntaxTree> ?? new List<SyntaxTree>(trees);
                if (all.Count == 0)
                {
                    return all;
                }

                var start = (int)((uint)WordIndex.Hash(familyKey.AsSpan()) % (uint)all.Count);
                var order = new SyntaxTree[all.Count];
                for (var i = 0; i < order.Length; i++)
                {
                    order[i] = all[(start + i) % all.Count];
                }

                return order;
            }

            /// <summary>What following a value found: a member name, or a local/parameter in its scope, that may hold a candidate.</summary>
            private readonly struct Taint
            {
                public Taint(string name, SyntaxNode? declaration, SyntaxTree? onlyIn = null)
                {
                    Name = name;
                    Declaration = declaration;
                    OnlyIn = onlyIn;
                }

                /// <summary>
                /// For a member name: the one tree that can read it (a private member of a type declared in one part), or
                /// null when any tree may.
                /// </summary>
                public SyntaxTree? OnlyIn { get; }

                public string Name { get; }

                /// <summary>The local's or parameter's declaration; null for a member name.</summary>
                public SyntaxNode? Declaration { get; }
            }

            private const string SaturateMarker = "\0saturated";

            /// <summary>
            /// What the <see cref="Recorded"/> calls in progress have found, innermost last: one list for the whole build
            /// (each call records from its own start and takes its part away when it ends), so a tree and name whose
            /// following taints nothing, which is most of them, allocates nothing but the shared empty answer.
            /// </summary>
            private readonly List<Taint> _recording = new();

            /// <summary>What <paramref name="follow"/> taints in <paramref name="tree"/>, computed once per tree (it reads the tree alone).</summary>
            private Taint[] Recorded(SyntaxTree tree, string key, Action follow)
                => TreeMemo.Get(tree, key, () =>
                {
                    var start = _recording.Count;
                    try
                    {
                        follow();
                        if (_recording.Count == start)
                        {
                            return Array.Empty<Taint>();
                        }

                        var taints = new Taint[_recording.Count - start];
                        _recording.CopyTo(start, taints, 0, taints.Length);
                        return taints;
                    }
                    finally
                    {
                        _recording.RemoveRange(start, _recording.Count - start);
                    }
                });

            private void Apply(Taint[] taints)
            {
                foreach (var taint in taints)
                {
                    if (_saturated)
                    {
                        return;
                    }

                    if (ReferenceEquals(taint.Name, SaturateMarker))
                    {
                        _saturated = true;
                        return;
                    }

                    if (taint.Declaration is null)
                    {
                        if (AddMember(taint.Name, taint.OnlyIn))
                        {
                            _pendingMembers.Add((taint.Name, taint.OnlyIn));
                            CheckBound();
                        }
                    }
                    else if (ScopeOf(taint.Declaration) is { } scope && _scoped.Add((taint.Declaration.SyntaxTree, scope.SpanStart, taint.Name)))
                    {
                        _pendingScoped.Add((taint.Declaration.SyntaxTree, scope, taint.Name));
                        CheckBound();
                    }
                }
            }

            /// <summary>
            /// Records that <paramref name="name"/> is tainted, readable in <paramref name="onlyIn"/> alone (null: any tree).
            /// True when that widens where the name is looked for (a new name, a new tree, or every tree now): the name's
            /// readers there are then followed. The scopes only grow, so the closure is the same in any order.
            /// </summary>
            private bool AddMember(string name, SyntaxTree? onlyIn)
            {
                if (!_memberScopes.TryGetValue(name, out var trees))
                {
                    _members.Add(name);
                    _memberScopes.Add(name, onlyIn is null ? null : new HashSet<SyntaxTree> { onlyIn });
                    return true;
                }

                if (trees is null)
                {
                    return false;
                }

                if (onlyIn is null)
                {
                    _memberScopes[name] = null;
                    return true;
                }

                return trees.Add(onlyIn);
            }

            /// <summary>A field, property or method (by return) of that name may hold a candidate, unless its declared type (when known here) cannot hold a string.</summary>
            private void TaintMember(string name, TypeSyntax? declaredType = null, SyntaxTree? onlyIn = null)
            {
                if (name.Length > 0 && (declaredType is null || SyntaxTypes.CanHoldString(declaredType)))
                {
                    _recording.Add(new Taint(name, null, onlyIn));
                }
            }

            /// <summary>
            /// The tree of <paramref name="member"/> when no other tree can read it: a private member (the <c>private</c>
            /// modifier without <c>protected</c>, or no access modifier) of a class, struct or record that is not partial
            /// (its whole body, nested types included, is in this tree). Null otherwise.
            /// </summary>
            internal static SyntaxTree? PrivateTree(MemberDeclarationSyntax member)
            {
                if (member.Parent is not TypeDeclarationSyntax type || type is InterfaceDeclarationSyntax || type.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return null;
                }

                var isPrivate = true;
                foreach (var modifier in member.Modifiers)
                {
                    if (modifier.IsKind(SyntaxKind.PublicKeyword) || modifier.IsKind(SyntaxKind.InternalKeyword) || modifier.IsKind(SyntaxKind.ProtectedKeyword))
                    {
                        isPrivate = false;
                        break;
                    }
                }

                return isPrivate ? member.SyntaxTree : null;
            }

            /// <summary>A local, parameter or local function of that name in its scope; skipped when its declared type cannot hold a string.</summary>
            private void TaintScoped(SyntaxNode declaration, string name)
            {
                if (DeclaredType(declaration) is { } type && !SyntaxTypes.CanHoldString(type))
                {
                    return;
                }

                _recording.Add(new Taint(name, declaration));
            }

            private static TypeSyntax? DeclaredType(SyntaxNode declaration) => declaration switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax variables } => variables.Type,
                ParameterSyntax parameter => parameter.Type,
                LocalFunctionStatementSyntax localFunction => localFunction.ReturnType,
                ForEachStatementSyntax loop => loop.Type,
                _ => null,
            };

            /// <summary>Whether a member's type can hold a string (or a sequence, task, builder or path of one).</summary>
            private static bool CanHoldString(ITypeSymbol type)
            {
                switch (type)
                {
                    case { SpecialType: SpecialType.System_String or SpecialType.System_Object }:
                        return true;
                    case IArrayTypeSymbol array:
                        return CanHoldString(array.ElementType);
                    case INamedTypeSymbol named:
                        if (named.Name is "FileInfo" or "StringBuilder" or "Uri" or "StringValues")
                        {
                            return true;
                        }

                        foreach (var argument in named.TypeArguments)
                        {
                            if (CanHoldString(argument))
                            {
                                return true;
                            }
                        }

                        return false;
                    case ITypeParameterSymbol:
                        return true;
                    default:
                        return false;
                }
            }

            private void CheckBound()
            {
                if (_members.Count + _scoped.Count > MaxNames)
                {
                    _saturated = true;
                }
            }

            /// <summary>
            /// Follows a value up its syntax spine: through conversions, string operations and collections, to the local,
            /// parameter, field, property or method (by return) that holds it.
            /// </summary>
            private void FollowFrom(ExpressionSyntax start)
            {
                SyntaxNode current = start;
                for (var step = 0; step < MaxFlowSteps; step++)
                {
                    var parent = current.Parent;
                    switch (parent)
                    {
                        case null:
                            return;

                        case ParenthesizedExpressionSyntax:
                        case CastExpressionSyntax:
                        case InterpolationSyntax:
                        case InterpolatedStringExpressionSyntax:
                        case AwaitExpressionSyntax:
                        case ArrayCreationExpressionSyntax:
                        case ImplicitArrayCreationExpressionSyntax:
                        case InitializerExpressionSyntax:
                        case CollectionExpressionSyntax:
                        case ExpressionElementSyntax:
                        case SpreadElementSyntax:
                        case TupleExpressionSyntax:
                        case CheckedExpressionSyntax:
                        case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression }:
                        case LambdaExpressionSyntax:
                        case AnonymousMethodExpressionSyntax:
                        case RefExpressionSyntax:
                            break;

                        case SwitchExpressionArmSyntax arm when arm.Expression == current:
                            break;

                        case SwitchExpressionSyntax switchExpression:
                            if (switchExpression.GoverningExpression == current)
                            {
                                // value switch { string p => p, ... }: the arms' pattern variables are the value.
                                foreach (var arm in switchExpression.Arms)
                                {
                                    TaintDesignations(arm.Pattern);
                                }
                            }

                            break;

                        case ArgumentSyntax { Parent: TupleExpressionSyntax }:
                            // (dir, "token"): an element of a tuple.
                            break;

                        case BaseObjectCreationExpressionSyntax creation when creation.Initializer == current && IsCollectionInitializer(creation.Initializer):
                            // new List<string> { "..." }, new() { ["Authorization"] = "..." }: the collection holds it. (An
                            // object initializer's member is the object's own: following the object would taint every
                            // client created with a credential in it.)
                            break;

                        case ConditionalExpressionSyntax conditional when conditional.Condition != current:
                            break;

                        case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.CoalesceExpression):
                            break;

                        case ArgumentSyntax { Parent: BaseArgumentListSyntax { Parent: { } call } }:
                            if (!FlowsThroughCall(call))
                            {
                                return;
                            }

                            parent = call;
                            break;

                        case MemberAccessExpressionSyntax access when access.Expression == current && access.Parent is InvocationExpressionSyntax invoked && invoked.Expression == access:
                            // value.Trim(), builder.ToString(), paths.First()
                            if (!Transforms.Contains(access.Name.Identifier.ValueText))
                            {
                                return;
                            }

                            parent = invoked;
                            break;

                        case EqualsValueClauseSyntax equals:
                            TaintDeclared(equals.Parent);
                            return;

                        case AssignmentExpressionSyntax assignment when assignment.Right == current:
                            // In an object initializer (`new UriBuilder { Path = ... }`) the member is the new object's: the
                            // object carries the value on (tainting the member's name everywhere, `Path` among them, would
                            // follow every `Path.Combine` of the compilation).
                            if (assignment.Parent is not InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression or (int)SyntaxKind.WithInitializerExpression })
                            {
                                TaintAssigned(assignment.Left);
                            }

                            break;

                        case ReturnStatementSyntax:
                        case ArrowExpressionClauseSyntax:
                        case YieldStatementSyntax:
                            if (!TaintFunction(parent, out var lambda))
                            {
                                return;
                            }

                            parent = lambda!;
                            break;

                        case ForEachStatementSyntax loop when loop.Expression == current:
                            TaintScoped(loop, loop.Identifier.ValueText);
                            return;

                        case ForEachVariableStatementSyntax loopVariables when loopVariables.Expression == current:
                            TaintDesignations(loopVariables.Variable);
                            return;

                        case IsPatternExpressionSyntax isPattern when isPattern.Expression == current:
                            TaintDesignations(isPattern.Pattern);
                            return;

                        case SwitchStatementSyntax switchStatement when switchStatement.Expression == current:
                            // switch (value) { case string p when ...: }: the pattern variables are the value.
                            foreach (var section in switchStatement.Sections)
                            {
                                foreach (var label in section.Labels)
                                {
                                    if (label is CasePatternSwitchLabelSyntax patternLabel)
                                    {
                                        TaintDesignations(patternLabel.Pattern);
                                    }
                                }
                            }

                            return;

                        case ExpressionStatementSyntax:
                        default:
                            return;
                    }

                    current = parent;
                }
            }

            /// <summary>A collection initializer, or a dictionary's <c>{ ["key"] = value }</c>; not an object initializer of other members.</summary>
            private static bool IsCollectionInitializer(InitializerExpressionSyntax initializer)
            {
                if (initializer.IsKind(SyntaxKind.CollectionInitializerExpression))
                {
                    return true;
                }

                foreach (var expression in initializer.Expressions)
                {
                    if (expression is not AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax })
                    {
                        return false;
                    }
                }

                return initializer.Expressions.Count > 0;
            }

            /// <summary>A call whose result carries its arguments (a string operation or a path builder); stores into a receiver are tainted on the way.</summary>
            private bool FlowsThroughCall(SyntaxNode call)
            {
                switch (call)
                {
                    case InvocationExpressionSyntax invocation:
                        var name = invocation.Expression switch
                        {
                            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                            GenericNameSyntax generic => generic.Identifier.ValueText,
                            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                            _ => string.Empty,
                        };

                        if (Stores.Contains(name) && invocation.Expression is MemberAccessExpressionSyntax { Expression: var receiver })
                        {
                            // builder.Append("a").Append(value): the store is into the chain's root.
                            while (receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } && (Stores.Contains(inner.Name.Identifier.ValueText) || Transforms.Contains(inner.Name.Identifier.ValueText)))
                            {
                                receiver = inner.Expression;
                            }

                            TaintAssigned(receiver);
                        }

                        // A string operation, or an unqualified call (a method of this type or a local function, such as
                        // `Env(name)`), may return what it is given: the value flows on; the evaluator decides what the call
                        // really returns. Qualified calls of other objects (`logger.Log(...)`) end the flow.
                        return Transforms.Contains(name) || invocation.Expression is IdentifierNameSyntax or GenericNameSyntax;

                    case ObjectCreationExpressionSyntax creation:
                        return creation.Type switch
                        {
                            IdentifierNameSyntax identifier => Transforms.Contains(identifier.Identifier.ValueText),
                            QualifiedNameSyntax qualified => Transforms.Contains(qualified.Right.Identifier.ValueText),
                            GenericNameSyntax generic => Transforms.Contains(generic.Identifier.ValueText),
                            _ => false,
                        };

                    case ImplicitObjectCreationExpressionSyntax:
                        // new(path): the type is not in the syntax; the value may flow on.
                        return true;

                    default:
                        return false;
                }
            }

            /// <summary>The holder of an initializer: a local or parameter (scoped), or a field or property.</summary>
            private void TaintDeclared(SyntaxNode? declaration)
            {
                switch (declaration)
                {
                    case VariableDeclaratorSyntax declarator:
                        if (declarator.Parent?.Parent is BaseFieldDeclarationSyntax field)
                        {
                            TaintMember(declarator.Identifier.ValueText, (declarator.Parent as VariableDeclarationSyntax)?.Type, field is FieldDeclarationSyntax ? PrivateTree(field) : null);
                        }
                        else
                        {
                            TaintScoped(declarator, declarator.Identifier.ValueText);
                        }

                        break;

                    case PropertyDeclarationSyntax property:
                        TaintMember(property.Identifier.ValueText, property.Type, property.ExplicitInterfaceSpecifier is null ? PrivateTree(property) : null);
                        break;

                    case ParameterSyntax parameter:
                        TaintScoped(parameter, parameter.Identifier.ValueText);

                        // A record's positional parameter is also its property (`record Settings(string Token = "...")`).
                        if (parameter.Parent?.Parent is RecordDeclarationSyntax)
                        {
                            TaintMember(parameter.Identifier.ValueText, parameter.Type);
                        }

                        break;
                }
            }

            /// <summary>The target of an assignment: a name, a member of something, an element of a collection, a tuple.</summary>
            private void TaintAssigned(ExpressionSyntax target)
            {
                switch (target)
                {
                    case IdentifierNameSyntax identifier:
                        var name = identifier.Identifier.ValueText;

                        // Unresolved: a local or parameter of this scope, or else a member of that name.
                        if (ScopeOf(identifier) is { } scope && DeclaresVariable(scope, name) is { } variable)
                        {
                            TaintScoped(variable, name);
                        }
                        else
                        {
                            TaintMember(name);
                        }

                        break;

                    case MemberAccessExpressionSyntax access:
                        TaintMember(access.Name.Identifier.ValueText);
                        break;

                    case ElementAccessExpressionSyntax element:
                        TaintAssigned(element.Expression);
                        break;

                    case DeclarationExpressionSyntax declaration:
                        TaintDesignations(declaration.Designation);
                        break;

                    case TupleExpressionSyntax tuple:
                        foreach (var argument in tuple.Arguments)
                        {
                            TaintAssigned(argument.Expression);
                        }

                        break;
                }
            }

            /// <summary>Every variable a pattern or deconstruction declares.</summary>
            private void TaintDesignations(SyntaxNode node)
            {
                foreach (var designation in node.DescendantNodesAndSelf())
                {
                    if (designation is SingleVariableDesignationSyntax single)
                    {
                        TaintScoped(single, single.Identifier.ValueText);
                    }
                }
            }

            /// <summary>A return: into its method or property (a member name), its local function, or on from its lambda.</summary>
            private bool TaintFunction(SyntaxNode returned, out SyntaxNode? lambda)
            {
                lambda = null;
                for (var current = returned.Parent; current is not null; current = current.Parent)
                {
                    switch (current)
                    {
                        case AnonymousFunctionExpressionSyntax function:
                            lambda = function;
                            return true;
                        case LocalFunctionStatementSyntax localFunction:
                            TaintScoped(localFunction, localFunction.Identifier.ValueText);
                            return false;
                        case MethodDeclarationSyntax method:
                            TaintMember(method.Identifier.ValueText, method.ReturnType);
                            return false;
                        case PropertyDeclarationSyntax property:
                            TaintMember(property.Identifier.ValueText, property.Type);
                            return false;
                        case IndexerDeclarationSyntax:
                            TaintMember(IndexerName);
                            return false;
                        case MemberDeclarationSyntax:
                            return false;
                    }
                }

                return false;
            }

            /// <summary>The declaration of a local or parameter called <paramref name="name"/> in <paramref name="scope"/>, if any.</summary>
            private static SyntaxNode? DeclaresVariable(SyntaxNode scope, string name)
            {
                foreach (var node in scope.DescendantNodes())
                {
                    switch (node)
                    {
                        case VariableDeclaratorSyntax declarator when declarator.Identifier.ValueText == name && declarator.Parent?.Parent is not BaseFieldDeclarationSyntax:
                            return declarator;
                        case ParameterSyntax parameter when parameter.Identifier.ValueText == name:
                            return parameter;
                        case SingleVariableDesignationSyntax designation when designation.Identifier.ValueText == name:
                            return designation;
                        case ForEachStatementSyntax loop when loop.Identifier.ValueText == name:
                            return loop;
                    }
                }

                return null;
            }

            private static readonly List<int> NoPositions = new();

            /// <summary>
            /// Where the round's member names occur in the tree (one pass over its text), for the names whose readers in this
            /// tree are not known yet (known ones are kept per tree and name).
            /// </summary>
            private Dictionary<string, List<int>> Occurrences(SyntaxTree tree, string text, string[] members, string[] keys, WordSet all)
            {
                var missing = new List<string>();
                for (var i = 0; i < members.Length; i++)
                {
                    if (!TreeMemo.Contains(tree, keys[i]))
                    {
                        missing.Add(members[i]);
                    }
                }

                var found = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                foreach (var (at, word) in (missing.Count == members.Length ? all : new WordSet(missing)).Occurrences(text, _cancellationToken))
                {
                    if (!found.TryGetValue(word, out var positions))
                    {
                        found.Add(word, positions = new List<int>());
                    }

                    positions.Add(at);
                }

                return found;
            }

            /// <summary>Follows the readers of a name at <paramref name="positions"/> (its whole-word occurrences in the tree's text).</summary>
            private void FollowPositions(SyntaxNode root, List<int> positions)
            {
                var checks = 0;
                foreach (var found in positions)
                {
                    if (!FollowAt(root, found, ref checks))
                    {
                        return;
                    }
                }
            }

            /// <summary>Follows every reader of <paramref name="name"/> in <c>[start, end)</c> of the tree's text.</summary>
            private void FollowReferences(string text, SyntaxNode root, string name, int start, int end)
            {
                var checks = 0;
                for (var found = TreeText.IndexOfWord(text, name, start, end); found >= 0; found = TreeText.IndexOfWord(text, name, found + name.Length, end))
                {
                    if (!FollowAt(root, found, ref checks))
                    {
                        return;
                    }
                }
            }

            /// <summary>Follows the reader at <paramref name="found"/>; false once too many were followed (the closure then saturates).</summary>
            private bool FollowAt(SyntaxNode root, int found, ref int checks)
            {
                if (++checks > MaxReferenceChecks)
                {
                    // Too many readers to follow: the closure cannot be bounded, so it saturates (recorded, so it does again).
                    _recording.Add(new Taint(SaturateMarker, null));
                    return false;
                }

                _cancellationToken.ThrowIfCancellationRequested();
                var token = root.FindToken(found);
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.Parent is not SimpleNameSyntax reference)
                {
                    return true;
                }

                ExpressionSyntax node = reference;
                if (node.Parent is MemberAccessExpressionSyntax access && access.Name == node)
                {
                    node = access;
                }
                else if (node.Parent is MemberBindingExpressionSyntax binding && binding.Name == node)
                {
                    node = binding;
                }

                if (node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node)
                {
                    node = invocation;
                }

                FollowFrom(node);
                return true;
            }
        }
    }
}
