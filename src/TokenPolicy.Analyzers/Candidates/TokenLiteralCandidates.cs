using System;
using System.Linq;
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

        /// <summary>The characters each of <see cref="TokenClassifier.TokenStarts"/> needs (<see cref="CandidateFilter.ExactBits"/>).</summary>
        private static readonly ulong[] TokenStartBits = TokenClassifier.TokenStarts.Select(ExactBits).ToArray();

        /// <summary>
        /// A text without an ASCII digit can only be a candidate through a word that starts like a token (a random run, a
        /// Telegram bot token and the looser test of an escaped text all need digits): when its characters rule out every
        /// such start (<see cref="CandidateFilter.MayHoldExactly"/>), it is rejected without reading it. The same answer as
        /// <see cref="MayContain(ReadOnlySpan{char})"/>: a text that holds a start has every character of it.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public override bool MayContain(ReadOnlySpan<char> quotedText, ulong letters)
        {
            if (!HasDigit(letters))
            {
                var anyStart = false;
                foreach (var bits in TokenStartBits)
                {
                    if (MayHoldExactly(letters, bits))
                    {
                        anyStart = true;
                        break;
                    }
                }

                if (!anyStart)
                {
                    return false;
                }
            }

            return MayContain(quotedText);
        }

        [MethodImpl(HotPath.Optimized)]
        public override bool MayContain(ReadOnlySpan<char> quotedText)
        {
            // One pass over the words (split at white space; char.IsWhiteSpace asked only of non-ASCII characters) and the
            // runs of each word (split at '{', '}' and ':'). What the classifier can call a token is a whole run: a token,
            // a JWT, base64 Basic credentials and a random string are made of the token alphabet (letters, digits and
            // -_.+/=~), at least the minimum length, with letters and digits, not starting with / . ~ -. A vendor token
            // starts like one at the start of a run (perm: holds a colon), and a Telegram bot token is a whole word: its 8
            // to 10 digit id, a colon and the secret. URLs, format strings, paths and rule ids mix in other characters, so
            // most long words of real code end here.
            var words = 0;
            var wordStart = -1;
            var runStart = -1;
            byte runFlags = 0;
            for (var i = 0; i <= quotedText.Length; i++)
            {
                var c = i < quotedText.Length ? quotedText[i] : ' ';
                byte flags = c < 128 ? Classes[c] : char.IsWhiteSpace(c) ? Space : Outside;
                if ((flags & (Space | Separator | Backslash)) != 0)
                {
                    if (flags == Backslash)
                    {
                        // An escape sequence makes the value differ from the text: such a text gets the looser test.
                        return MayContainAnyWord(quotedText);
                    }

                    if (runStart >= 0)
                    {
                        // (A run with no character outside the token alphabet is all ASCII: its first one has a class.)
                        if ((runFlags & (Letter | Digit | Outside)) == (Letter | Digit) && i - runStart >= _minLength && (Classes[quotedText[runStart]] & NoStart) == 0)
                        {
                            return WordsAtMost(quotedText, i, MaxWords - words);
                        }

                        runStart = -1;
                    }

                    if ((flags & Space) != 0 && wordStart >= 0)
                    {
                        if (i - wordStart >= _minLength && TokenClassifier.TelegramIdLength(quotedText.Slice(wordStart, i - wordStart)) >= 0)
                        {
                            return WordsAtMost(quotedText, i, MaxWords - words);
                        }

                        wordStart = -1;
                    }

                    continue;
                }

                if (wordStart < 0)
                {
                    wordStart = i;
                    if (++words > MaxWords)
                    {
                        return false;
                    }
                }

                if (runStart < 0)
                {
                    runStart = i;
                    runFlags = 0;

                    // A prefix holds no white space, so it is tested on the rest of the text, not only of the word.
                    if ((flags & PrefixStart) != 0 && TokenClassifier.StartsLikeToken(quotedText.Slice(i)))
                    {
                        return WordsAtMost(quotedText, i, MaxWords - words);
                    }
                }

                runFlags |= flags;
            }

            return false;
        }

        /// <summary>Whether <paramref name="text"/> from <paramref name="from"/> on starts at most <paramref name="more"/> more words.</summary>
        private static bool WordsAtMost(ReadOnlySpan<char> text, int from, int more)
        {
            var inWord = true;
            for (var i = from; i < text.Length; i++)
            {
                var space = IsWhiteSpace(text[i]);
                if (!space && !inWord && --more < 0)
                {
                    return false;
                }

                inWord = !space;
            }

            return true;
        }

        private const byte Space = 1;
        private const byte Separator = 2;
        private const byte Letter = 4;
        private const byte Digit = 8;
        private const byte NoStart = 16;
        private const byte PrefixStart = 32;
        private const byte Backslash = 64;

        /// <summary>Outside the token alphabet: other punctuation, and any character outside ASCII that is no white space.</summary>
        private const byte Outside = 128;

        /// <summary>What each ASCII character is to <see cref="MayContain"/>.</summary>
        private static readonly byte[] Classes = CreateClasses();

        private static byte[] CreateClasses()
        {
            var classes = new byte[128];
            for (var c = 0; c < 128; c++)
            {
                byte flags = 0;
                if (IsWhiteSpace((char)c))
                {
                    flags |= Space;
                }
                else if (c is '{' or '}' or ':')
                {
                    flags |= Separator;
                }
                else if (c == '\\')
                {
                    flags |= Backslash;
                }
                else if ((uint)((c | 0x20) - 'a') < 26)
                {
                    flags |= Letter;
                }
                else if ((uint)(c - '0') < 10)
                {
                    flags |= Digit;
                }
                else if (!TokenClassifier.IsRandomTokenSeparator((char)c))
                {
                    flags |= Outside;
                }

                if (TokenClassifier.CannotStartRandomToken((char)c))
                {
                    flags |= NoStart;
                }

                if ((flags & (Space | Separator | Backslash)) == 0 && TokenClassifier.MayStartToken((char)c))
                {
                    flags |= PrefixStart;
                }

                classes[c] = flags;
            }

            return classes;
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
