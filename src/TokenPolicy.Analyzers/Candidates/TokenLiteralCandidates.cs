using System;
using System.Runtime.CompilerServices;
using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Core;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Candidates
{
    /// <summary>
    /// Candidates of the hardcoded-token rule (TP0002): literals that are a token (a JWT, a vendor token, a high-entropy
    /// string, a random hex key for a credential slot, base64 Basic credentials whose password is one), a header value
    /// (any token scheme, <c>Basic</c>) or header line carrying one (<c>Bearer x</c>, <c>Authorization: Bearer x</c>), or that
    /// start like one (<c>eyJ</c>, a vendor prefix: the first piece of a token assembled from several). The judgement
    /// at a sink needs the whole value to be a token or a scheme and a token, so prose, code and other long texts that
    /// merely contain a token-like word are not candidates.
    /// </summary>
    internal sealed class TokenLiteralCandidates : CandidateFilter
    {
        public const string Family = "token-literal";

        /// <summary><c>Authorization: Bearer x</c>: three words.</summary>
        private const int MaxWords = 3;

        private readonly double _entropyThreshold;
        private readonly int _minLength;

        public TokenLiteralCandidates(TokenPolicyOptions options)
        {
            _entropyThreshold = options.EntropyThreshold;
            _minLength = Math.Min(options.MinLength, TokenPolicyOptions.DefaultMinLength);
            Key = Family + "|" + _entropyThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + _minLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public override string Key { get; }

        [MethodImpl(HotPath.Optimized)]
        public override bool MayContain(ReadOnlySpan<char> quotedText)
        {
            // One pass: words are split at white space (char.IsWhiteSpace, asked only of non-ASCII characters), and each
            // word's letters and digits are noted as it is read.
            var words = 0;
            var likely = false;
            var start = -1;
            bool letter = false, digit = false;
            for (var i = 0; i <= quotedText.Length; i++)
            {
                if (i < quotedText.Length)
                {
                    var c = quotedText[i];
                    if (!IsWhiteSpace(c))
                    {
                        if (start < 0)
                        {
                            start = i;
                            letter = false;
                            digit = false;
                        }

                        letter |= (uint)((c | 0x20) - 'a') < 26;
                        digit |= (uint)(c - '0') < 10;
                        continue;
                    }
                }

                if (start < 0)
                {
                    continue;
                }

                if (++words > MaxWords)
                {
                    return false;
                }

                // A high-entropy token mixes letters and digits; JWTs and vendor tokens start like one.
                var length = i - start;
                likely = likely
                    || (length >= _minLength && letter && digit)
                    || (length >= 3 && TokenClassifier.StartsLikeToken(quotedText.Slice(start, length)));
                start = -1;
            }

            return likely;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsWhiteSpace(char c) => c <= ' ' ? c == ' ' || (uint)(c - '\t') <= '\r' - '\t' : c >= 0x80 && char.IsWhiteSpace(c);

        [MethodImpl(HotPath.Optimized)]
        public override bool IsCandidate(string value)
        {
            if (!MayContain(value.AsSpan()))
            {
                return false;
            }

            // A header value of one word is classified as a credential (or is a scheme alone): the second test is only
            // asked of a value with a scheme.
            var text = value.Trim();
            return TokenClassifier.StartsLikeToken(text.AsSpan())
                || TokenClassifier.ClassifyCredential(text, _entropyThreshold, _minLength).IsToken
                || (TokenClassifier.HasWhitespace(text) && TokenClassifier.ClassifyHeaderValue(text, _entropyThreshold, _minLength).IsToken)
                || TokenClassifier.ClassifyHeaderValue(TokenClassifier.GetAuthorizationHeaderLineValue(text), _entropyThreshold, _minLength).IsToken;
        }
    }
}
