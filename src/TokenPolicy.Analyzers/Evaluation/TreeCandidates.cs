using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TokenPolicy.Analyzers.Core;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// The candidate literals of one tree for one filter, found from the quotes in its text (no syntax walk). The answer
    /// depends on the tree and the filter's settings alone, so it is kept per tree (weakly) and shared by every
    /// compilation that holds the tree: after an edit in the IDE only the edited tree is read again.
    /// </summary>
    internal static class TreeCandidates
    {
        /// <summary>Start positions of the string literal tokens of <paramref name="tree"/> whose value is a candidate, ascending.</summary>
        public static int[] Get(SyntaxTree tree, CandidateFilter filter, CancellationToken cancellationToken)
            => TreeMemo.Get(tree, filter.MemoKey, () => Scan(tree, filter, cancellationToken));

        [MethodImpl(HotPath.Optimized)]
        private static int[] Scan(SyntaxTree tree, CandidateFilter filter, CancellationToken cancellationToken)
        {
            var buffer = TreeText.Get(tree, cancellationToken);
            var pieces = Pieces(tree, buffer, cancellationToken);
            SyntaxNode? root = null;
            HashSet<int>? seen = null;
            List<int>? results = null;
            for (var i = 0; i < pieces.Bounds.Length; i += 2)
            {
                var quote = pieces.Bounds[i];
                var end = pieces.Bounds[i + 1];
                var text = buffer.AsSpan(quote + 1, end - quote - 1);
                if (!filter.MayContain(text, pieces.Letters[i / 2]))
                {
                    continue;
                }

                // A piece that is a plain literal's whole value when it is a literal at all (no escape, no interpolation,
                // not verbatim, raw or next to another quote) is decided here by the precise test, without finding its
                // token in the syntax: most pieces that pass the cheap test are URLs, messages and code between literals.
                if (IsWholeValue(buffer, quote, end) && !filter.IsCandidate(text.ToString()))
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                root ??= tree.GetRoot(cancellationToken);
                seen ??= new HashSet<int>();
                for (var token = root.FindToken(quote + 1); token.SpanStart < end && !token.IsKind(SyntaxKind.None); token = token.GetNextToken())
                {
                    if (IsStringToken(token) && seen.Add(token.SpanStart) && filter.IsCandidate(token.ValueText))
                    {
                        (results ??= new List<int>()).Add(token.SpanStart);
                    }

                    if (token.Span.End >= end)
                    {
                        break;
                    }
                }
            }

            if (results is null)
            {
                return Array.Empty<int>();
            }

            // In text order (the callers search it): a later piece finds no earlier token that is not already seen.
            results.Sort();
            return results.ToArray();
        }

        /// <summary>The bounds found in the tree being read, reused by the next tree this thread reads (copied out as an array).</summary>
        [ThreadStatic]
        private static List<int>? t_pieces;

        private static readonly char[] EscapeOrBrace = { '\\', '{', '}' };

        /// <summary>
        /// Whether the text between <paramref name="quote"/> and <paramref name="end"/> is, if those quotes delimit a
        /// string literal, that literal's whole value: a regular (or UTF-8) literal with no escape sequence, and no quote
        /// directly before or after (a verbatim literal's doubled quote, a raw literal's delimiter). Interpolated and
        /// verbatim literals (a <c>$</c> or <c>@</c> before the quote) and any text with a brace are left to the syntax.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool IsWholeValue(string buffer, int quote, int end)
        {
            if (quote > 0 && buffer[quote - 1] is '@' or '$' or '"')
            {
                return false;
            }

            if (end + 1 < buffer.Length && buffer[end + 1] == '"')
            {
                return false;
            }

            return buffer.IndexOfAny(EscapeOrBrace, quote + 1, end - quote - 1) < 0;
        }

        private static readonly char[] QuoteOrNewLine = { '"', '\n' };

        /// <summary>
        /// The text between each quote and the next quote on its line (at least two characters), as (quote, closing quote)
        /// pairs, with each piece's letters (<see cref="CandidateFilter.Letters"/>): every quote is tried as an opening one,
        /// so which quotes open literals needs no lexing. Found once per tree and shared by every candidate family (each
        /// then reads only the pieces, not the whole text, and skips a piece without its words' letters unread).
        /// </summary>
        private static QuotedPieces Pieces(SyntaxTree tree, string buffer, CancellationToken cancellationToken)
            => TreeMemo.Get(tree, "quoted-pieces", () => FindPieces(buffer, cancellationToken));

        private sealed class QuotedPieces
        {
            public QuotedPieces(int[] bounds, ulong[] letters)
            {
                Bounds = bounds;
                Letters = letters;
            }

            /// <summary>(quote, closing quote) pairs, in text order.</summary>
            public int[] Bounds { get; }

            /// <summary>The letters of each pair's text.</summary>
            public ulong[] Letters { get; }
        }

        [MethodImpl(HotPath.Optimized)]
        private static QuotedPieces FindPieces(string buffer, CancellationToken cancellationToken)
        {
            var pieces = t_pieces ??= new List<int>();
            pieces.Clear();
            var length = buffer.Length;
            var position = 0;
            while (position < length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var quote = buffer.IndexOf('"', position);
                if (quote < 0)
                {
                    break;
                }

                position = quote + 1;
                var end = position < length ? buffer.IndexOfAny(QuoteOrNewLine, position) : -1;
                if (end < 0)
                {
                    break;
                }

                if (buffer[end] == '"' && end - quote >= 3)
                {
                    pieces.Add(quote);
                    pieces.Add(end);
                }
            }

            var bounds = pieces.ToArray();
            if (pieces.Capacity > 1 << 16)
            {
                // A very large tree's buffer is not kept for the rest of the thread's life.
                t_pieces = null;
            }

            var letters = new ulong[bounds.Length / 2];
            for (var i = 0; i < letters.Length; i++)
            {
                letters[i] = CandidateFilter.Letters(buffer.AsSpan(bounds[2 * i] + 1, bounds[2 * i + 1] - bounds[2 * i] - 1));
            }

            return new QuotedPieces(bounds, letters);
        }

        private static bool IsStringToken(SyntaxToken token)
            => token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken
                or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8StringLiteralToken;
    }
}
