using System;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// Which string literals a rule cares about ("candidates"): a token path fragment, a token-like string. The engine
    /// knows nothing of rules; each rule family hands it one filter. Candidates are rare in real code, and every finding
    /// needs one to reach a sink, so the engine spends its flow analysis only where a candidate can flow.
    /// </summary>
    internal abstract class CandidateFilter
    {
        /// <summary>Identifies the filter's behaviour (family and settings): per-tree results are shared by equal keys.</summary>
        public abstract string Key { get; }

        private string? _memoKey;

        /// <summary>The key of this filter's candidate literals in a tree's memo (asked per value on the hot path: built once).</summary>
        public string MemoKey => _memoKey ??= "candidates:" + Key;

        /// <summary>
        /// A cheap test on raw source text between two quotes on one line (it may be code between two literals, or part of
        /// a literal cut at an escaped quote). False only when no literal with this text can be a candidate.
        /// </summary>
        public abstract bool MayContain(ReadOnlySpan<char> quotedText);

        /// <summary>
        /// <see cref="MayContain(ReadOnlySpan{char})"/> of a text whose <see cref="Letters"/> are
        /// <paramref name="letters"/> (found once per quoted piece and shared by every family): a family that looks for
        /// fixed words rejects a text missing one of their letters without searching it.
        /// </summary>
        public virtual bool MayContain(ReadOnlySpan<char> quotedText, ulong letters) => MayContain(quotedText);

        /// <summary>Bit of a text's <see cref="Letters"/>: it has a character outside ASCII (which may match a letter in any case).</summary>
        public const ulong NonAscii = 1UL << 63;

        /// <summary>Bit of a text's <see cref="Letters"/>: it has an ASCII digit.</summary>
        private const ulong Digit = 1UL << 26;

        /// <summary>
        /// The bits of <see cref="Letters"/> that ignore case: the ASCII letters in any case (bits 0 to 25) and the digits
        /// (bit 26). A word searched in any case is tested on these alone (<see cref="MayHold"/>).
        /// </summary>
        public const ulong Folded = (1UL << 27) - 1;

        /// <summary>Bit of a text's <see cref="Letters"/> for an upper-case ASCII letter (<c>'A'</c> + n is bit 27 + n).</summary>
        private const int UpperShift = 27;

        /// <summary>Bits of a text's <see cref="Letters"/> for the punctuation of token prefixes: <c>_</c>, <c>-</c>, <c>.</c>, <c>:</c>.</summary>
        private const ulong Underscore = 1UL << 53, Hyphen = 1UL << 54, Dot = 1UL << 55, Colon = 1UL << 56;

        /// <summary>
        /// Which ASCII letters (any case: bits 0 to 25; <see cref="Folded"/>), digits (bit 26), upper-case ASCII letters
        /// (bits 27 to 52), the punctuation <c>_ - . :</c> (bits 53 to 56) and non-ASCII characters (<see cref="NonAscii"/>)
        /// <paramref name="text"/> has. The case-sensitive bits let a family that matches exact prefixes
        /// (<see cref="MayHoldExactly"/>) reject a text without reading it.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(Core.HotPath.Optimized)]
        public static ulong Letters(ReadOnlySpan<char> text)
        {
            // One table lookup per ASCII character (every quoted piece of every tree is read here once).
            var table = AsciiBits;
            var letters = 0UL;
            foreach (var c in text)
            {
                letters |= c < 128 ? table[c] : NonAscii;
            }

            return letters;
        }

        /// <summary>What each ASCII character adds to <see cref="Letters"/>.</summary>
        private static readonly ulong[] AsciiBits = CreateAsciiBits();

        private static ulong[] CreateAsciiBits()
        {
            var bits = new ulong[128];
            for (var c = (char)0; c < 128; c++)
            {
                var letter = (uint)((c | 0x20) - 'a');
                if (letter < 26)
                {
                    bits[c] = (1UL << (int)letter) | (c < 'a' ? 1UL << (UpperShift + (int)letter) : 0UL);
                }
                else if ((uint)(c - '0') < 10)
                {
                    bits[c] = Digit;
                }
                else
                {
                    bits[c] = c switch { '_' => Underscore, '-' => Hyphen, '.' => Dot, ':' => Colon, _ => 0UL };
                }
            }

            return bits;
        }

        /// <summary>Whether a text with <paramref name="letters"/> has an ASCII digit.</summary>
        public static bool HasDigit(ulong letters) => (letters & Digit) != 0;

        /// <summary>
        /// The bits a text must have (<see cref="Letters"/>) to hold <paramref name="word"/> exactly (ordinally): the
        /// <see cref="Letters"/> bits of each of its ASCII characters (a lower-case letter's folded bit, which either case
        /// sets; an upper-case letter's own bit too); characters outside ASCII add nothing (the test stays one that a text
        /// holding the word always passes).
        /// </summary>
        public static ulong ExactBits(string word)
        {
            // A character's own bits (an upper-case letter's folded bit too, which a text with it always has as well).
            var bits = 0UL;
            foreach (var c in word)
            {
                bits |= c < 128 ? AsciiBits[c] : 0UL;
            }

            return bits;
        }

        /// <summary>Whether a text with <paramref name="letters"/> may hold a word whose <see cref="ExactBits"/> are <paramref name="word"/>.</summary>
        public static bool MayHoldExactly(ulong letters, ulong word) => (letters & word) == word;

        /// <summary>
        /// Whether a text with <paramref name="letters"/> may hold <paramref name="word"/> in any case (OrdinalIgnoreCase):
        /// it has each of the word's ASCII letters and digits, or a non-ASCII character (which may fold to one).
        /// </summary>
        public static bool MayHold(ulong letters, ulong word) => (letters & NonAscii) != 0 || (letters & word) == word;

        /// <summary>
        /// Whether <paramref name="text"/> (with <paramref name="letters"/>) holds one of <paramref name="words"/> in any
        /// case (OrdinalIgnoreCase); a word is searched only when the text may hold it (<see cref="MayHold"/>) and is not
        /// shorter than it. <paramref name="wordLetters"/> are the words' letters, in the same order.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(Core.HotPath.Optimized)]
        public static bool HoldsAny(ReadOnlySpan<char> text, ulong letters, System.Collections.Immutable.ImmutableArray<string> words, System.Collections.Immutable.ImmutableArray<ulong> wordLetters)
        {
            for (var i = 0; i < words.Length; i++)
            {
                var word = words[i];
                if (MayHold(letters, wordLetters[i]) && text.Length >= word.Length && text.IndexOf(word.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The precise test on a literal's (or constant's) value. True only where <see cref="MayContain"/> is true of the
        /// same text: the scan skips a piece the cheap test rejects, and the candidate index answers a plain literal from
        /// the scan's positions.
        /// </summary>
        public abstract bool IsCandidate(string value);
    }
}
