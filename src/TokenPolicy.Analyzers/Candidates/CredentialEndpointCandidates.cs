using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Core;
using TokenPolicy.Analyzers.Evaluation;
using TokenPolicy.Analyzers.Requests;

namespace TokenPolicy.Analyzers.Candidates
{
    /// <summary>
    /// Candidates of TP0004: literals that can be part of a credential-endpoint URL. Every URL of an endpoint holds the
    /// pattern's longest literal piece (<c>credentials</c> for both defaults), so a literal without any pattern's piece
    /// cannot be part of one, unless the piece itself is split across literals (knowingly not followed).
    /// </summary>
    internal sealed class CredentialEndpointCandidates : CandidateFilter
    {
        public const string Family = "credential-endpoint";

        private readonly ImmutableArray<string> _pieces;

        /// <summary>The letters of each piece (<see cref="CandidateFilter.Letters"/>).</summary>
        private readonly ImmutableArray<ulong> _pieceLetters;

        public CredentialEndpointCandidates(TokenPolicyOptions options)
        {
            var pieces = ImmutableArray.CreateBuilder<string>();
            foreach (var pattern in EndpointPatterns.For(options).Patterns)
            {
                if (!Contains(pieces, pattern.LongestLiteral))
                {
                    pieces.Add(pattern.LongestLiteral);
                }
            }

            _pieces = pieces.ToImmutable();
            _pieceLetters = _pieces.Select(p => Letters(p.AsSpan()) & Folded).ToImmutableArray();
            Key = Family + "|" + string.Join(",", _pieces);
        }

        public override string Key { get; }

        [MethodImpl(HotPath.Optimized)]
        public override bool MayContain(ReadOnlySpan<char> quotedText)
        {
            // A text shorter than a piece cannot hold it (most quoted pieces are short): no search is set up for it.
            foreach (var piece in _pieces)
            {
                if (quotedText.Length >= piece.Length && quotedText.IndexOf(piece.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The same search, only when the text has every letter of the piece.</summary>
        public override bool MayContain(ReadOnlySpan<char> quotedText, ulong letters) => HoldsAny(quotedText, letters, _pieces, _pieceLetters);

        public override bool IsCandidate(string value) => MayContain(value.AsSpan());

        private static bool Contains(ImmutableArray<string>.Builder pieces, string piece)
        {
            foreach (var known in pieces)
            {
                if (piece.IndexOf(known, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    // A piece that holds a known one is found by the known one's test already.
                    return true;
                }
            }

            return false;
        }
    }
}
