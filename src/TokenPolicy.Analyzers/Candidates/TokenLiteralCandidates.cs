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
            // An escape sequence makes the value differ from the text: such a text gets the looser test of every word.
            if (quotedText.IndexOf('\\') >= 0)
            {
                return MayContainAnyWord(quotedText);
            }

            // One pass over the words (split at white space, char.IsWhiteSpace asked only of non-ASCII characters), and in
            // each word over its runs (split at '{', '}' and ':'): what the classifier can call a token is a whole run.
            var words = 0;
            var likely = false;
            var i = 0;
            while (i < quotedText.Length)
            {
                if (IsWhiteSpace(quotedText[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < quotedText.Length && !IsWhiteSpace(quotedText[i]))
                {
                    i++;
                }

                if (++words > MaxWords)
                {
                    return false;
                }

                likely = likely || LikelyWord(quotedText.Slice(start, i - start));
            }

            return likely;
        }

        /// <summary>
        /// Whether a word (no white space) can hold a value the classifier calls a token. A token, a JWT, base64 Basic
        /// credentials and a random string are made of the token alphabet (letters, digits and <c>-_.+/=~</c>) and are a
        /// whole run of the word between <c>{</c>, <c>}</c> (an interpolation's holes) and <c>:</c> (a header line's
        /// <c>Authorization:</c>), of at least the minimum length, with letters and digits, and do not start with
        /// <c>/ . ~ -</c>; a vendor token starts like one at the start of a run (<c>perm:</c> holds a colon); a Telegram
        /// bot token is its 8 to 10 digit id, a colon and the secret. URLs, format strings, paths and rule ids mix in other
        /// characters, so most long words of real code end here.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private bool LikelyWord(ReadOnlySpan<char> word)
        {
            if (word.Length >= _minLength && IsTelegramLike(word))
            {
                return true;
            }

            var runStart = 0;
            bool letter = false, digit = false, alphabet = true;
            for (var i = 0; i <= word.Length; i++)
            {
                var c = i < word.Length ? word[i] : ':';
                if (c is '{' or '}' or ':')
                {
                    var length = i - runStart;
                    if (length >= _minLength && letter && digit && alphabet && word[runStart] is not ('/' or '.' or '~' or '-'))
                    {
                        return true;
                    }

                    letter = false;
                    digit = false;
                    alphabet = true;
                    runStart = i + 1;
                    continue;
                }

                if (i == runStart && word.Length - i >= 3 && TokenClassifier.StartsLikeToken(word.Slice(i)))
                {
                    return true;
                }

                var isLetter = (uint)((c | 0x20) - 'a') < 26;
                var isDigit = (uint)(c - '0') < 10;
                letter |= isLetter;
                digit |= isDigit;
                alphabet &= isLetter || isDigit || c is '-' or '_' or '.' or '+' or '/' or '=' or '~';
            }

            return false;
        }

        /// <summary>8 to 10 digits and a colon: the start of a Telegram bot token (the whole word is the token).</summary>
        private static bool IsTelegramLike(ReadOnlySpan<char> word)
        {
            var colon = word.IndexOf(':');
            if (colon is < 8 or > 10)
            {
                return false;
            }

            foreach (var c in word.Slice(0, colon))
            {
                if ((uint)(c - '0') >= 10)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The looser test, for a text with an escape sequence (whose value is not its text): some word of at least the
        /// minimum length mixes letters and digits, or starts like a token.
        /// </summary>
        internal bool MayContainAnyWord(ReadOnlySpan<char> quotedText)
        {
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
        public override bool IsCandidate(string value) => MayContain(value.AsSpan()) && IsTokenValue(value);

        /// <summary>The classifier's verdict alone, without the cheap test first (what that test must never reject).</summary>
        internal bool IsTokenValue(string value)
        {
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
