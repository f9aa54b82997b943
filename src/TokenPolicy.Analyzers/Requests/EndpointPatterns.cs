using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Requests
{
    /// <summary>
    /// One credential-endpoint URL pattern (TP0004): literal text with <c>{name}</c> placeholders. A placeholder at the
    /// start (<c>{backend}</c>) stands for any base address; anywhere else for one non-empty path segment. After the
    /// pattern's end only a query (<c>?</c>) or fragment (<c>#</c>) may follow.
    /// </summary>
    internal sealed class EndpointPattern
    {
        private readonly ImmutableArray<Piece> _pieces;

        private EndpointPattern(string text, ImmutableArray<Piece> pieces)
        {
            Text = text;
            _pieces = pieces;
            var longest = string.Empty;
            foreach (var piece in pieces)
            {
                if (piece.Literal is { } literal)
                {
                    foreach (var run in literal.Split(new[] { '/', '?', '#' }, StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (run.Length > longest.Length)
                        {
                            longest = run;
                        }
                    }
                }
            }

            LongestLiteral = longest;
        }

        /// <summary>The pattern as written (shown in messages).</summary>
        public string Text { get; }

        /// <summary>The longest literal run between separators: every URL of the endpoint holds it.</summary>
        public string LongestLiteral { get; }

        /// <summary>The pattern, or null when it has no literal part of at least 3 characters (it would match anything).</summary>
        public static EndpointPattern? Parse(string text)
        {
            var pieces = ImmutableArray.CreateBuilder<Piece>();
            var i = 0;
            while (i < text.Length)
            {
                var open = text.IndexOf('{', i);
                if (open < 0)
                {
                    pieces.Add(Piece.Text(text.Substring(i)));
                    break;
                }

                if (open > i)
                {
                    pieces.Add(Piece.Text(text.Substring(i, open - i)));
                }

                var close = text.IndexOf('}', open + 1);
                if (close < 0)
                {
                    return null;
                }

                pieces.Add(open == 0 ? Piece.AnyPrefix : Piece.Segment);
                i = close + 1;
            }

            var pattern = new EndpointPattern(text, pieces.ToImmutable());
            return pattern.LongestLiteral.Length >= 3 ? pattern : null;
        }

        /// <summary>
        /// True when <paramref name="value"/> is a URL of this endpoint whatever its unknown parts are (an unknown part may
        /// only stand where the pattern has a placeholder). A value whose literal parts do not pin the path is not a match.
        /// </summary>
        public bool Matches(StringValue value)
        {
            var items = new List<Item>();
            foreach (var segment in value.Segments)
            {
                if (segment.Kind == SegmentKind.Literal)
                {
                    foreach (var c in segment.Text)
                    {
                        items.Add(new Item(c));
                    }
                }
                else
                {
                    items.Add(Item.Hole);
                }
            }

            var flat = new List<Piece>();
            foreach (var piece in _pieces)
            {
                if (piece.Literal is { } literal)
                {
                    foreach (var c in literal)
                    {
                        flat.Add(Piece.Char(c));
                    }
                }
                else
                {
                    flat.Add(piece);
                }
            }

            var memo = new Dictionary<(int, int), bool>();
            return Match(flat, 0, items, 0, memo);
        }

        private static bool Match(List<Piece> pattern, int p, List<Item> items, int v, Dictionary<(int, int), bool> memo)
        {
            if (memo.TryGetValue((p, v), out var known))
            {
                return known;
            }

            bool result;
            if (p == pattern.Count)
            {
                // The path ends: nothing more, or a query or fragment.
                result = v == items.Count || (!items[v].IsHole && items[v].Char is '?' or '#');
            }
            else
            {
                var piece = pattern[p];
                if (piece.Kind == PieceKind.Char)
                {
                    result = v < items.Count && !items[v].IsHole && items[v].Char == piece.Character && Match(pattern, p + 1, items, v + 1, memo);
                }
                else
                {
                    // A placeholder takes one or more items (any prefix also takes none); a segment stops at a separator.
                    result = piece.Kind == PieceKind.AnyPrefix && Match(pattern, p + 1, items, v, memo);
                    for (var end = v + 1; !result && end <= items.Count; end++)
                    {
                        var last = items[end - 1];
                        if (piece.Kind == PieceKind.Segment && !last.IsHole && last.Char is '/' or '?' or '#')
                        {
                            break;
                        }

                        result = Match(pattern, p + 1, items, end, memo);
                    }
                }
            }

            memo[(p, v)] = result;
            return result;
        }

        private enum PieceKind
        {
            Char,
            Literal,
            AnyPrefix,
            Segment,
        }

        private readonly struct Piece
        {
            public static readonly Piece AnyPrefix = new(PieceKind.AnyPrefix, null, '\0');
            public static readonly Piece Segment = new(PieceKind.Segment, null, '\0');

            private Piece(PieceKind kind, string? literal, char character)
            {
                Kind = kind;
                Literal = literal;
                Character = character;
            }

            public PieceKind Kind { get; }

            public string? Literal { get; }

            public char Character { get; }

            public static Piece Text(string text) => new(PieceKind.Literal, text, '\0');

            public static Piece Char(char c) => new(PieceKind.Char, null, c);
        }

        private readonly struct Item
        {
            public static readonly Item Hole = new('\0', true);

            public Item(char c)
                : this(c, false)
            {
            }

            private Item(char c, bool hole)
            {
                Char = c;
                IsHole = hole;
            }

            public char Char { get; }

            public bool IsHole { get; }
        }
    }

    /// <summary>The credential endpoints of one set of options: the two defaults plus <c>tokenpolicy.credential_endpoints</c>.</summary>
    internal sealed class EndpointPatterns
    {
        public static readonly ImmutableArray<string> Defaults = ImmutableArray.Create(
            "{backend}/api/ambient/v1/credentials/{id}/token",
            "{backend}/api/ambient/v1/projects/{project}/credentials/{id}/token");

        private static readonly ConditionalWeakTable<TokenPolicyOptions, EndpointPatterns> Cache = new();

        private EndpointPatterns(ImmutableArray<string> extra)
        {
            var patterns = ImmutableArray.CreateBuilder<EndpointPattern>();
            foreach (var text in Defaults.AddRange(extra))
            {
                if (EndpointPattern.Parse(text) is { } pattern)
                {
                    patterns.Add(pattern);
                }
            }

            Patterns = patterns.ToImmutable();
        }

        public ImmutableArray<EndpointPattern> Patterns { get; }

        /// <summary>Parsed once per options object (options objects are themselves cached per .editorconfig).</summary>
        public static EndpointPatterns For(TokenPolicyOptions options) => Cache.GetValue(options, static o => new EndpointPatterns(o.CredentialEndpoints));

        /// <summary>The first endpoint some value of <paramref name="urls"/> certainly requests; null when none does (or it cannot be told).</summary>
        public EndpointPattern? Match(ValueSet urls)
        {
            foreach (var value in urls.Values)
            {
                foreach (var pattern in Patterns)
                {
                    if (pattern.Matches(value))
                    {
                        return pattern;
                    }
                }
            }

            return null;
        }
    }
}
