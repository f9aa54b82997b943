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
            var words = 0;
            var likely = false;
            var start = 0;
            for (var i = 0; i <= quotedText.Length; i++)
            {
                if (i < quotedText.Length && !char.IsWhiteSpace(quotedText[i]))
                {
                    continue;
                }

                var word = quotedText.Slice(start, i - start);
                start = i + 1;
                if (word.Length == 0)
                {
                    continue;
                }

                if (++words > MaxWords)
                {
                    return false;
                }

                // A high-entropy token mixes letters and digits; JWTs and vendor tokens start like one.
                likely |= (word.Length >= _minLength && HasLetterAndDigit(word)) || (word.Length >= 3 && TokenClassifier.StartsLikeToken(word));
            }

            return likely;
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool HasLetterAndDigit(ReadOnlySpan<char> word)
        {
            bool letter = false, digit = false;
            foreach (var c in word)
            {
                letter |= c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
                digit |= c is >= '0' and <= '9';
            }

            return letter && digit;
        }

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
