using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// For each tree of a compilation, a small Bloom filter of the identifier-like words in its text: answers "may this
    /// tree mention <c>Name</c>?" without reading the tree again. Built once per compilation, lazily, from one pass over
    /// the text (no syntax walk); about one bit per two characters. A "no" is exact, a "yes" may be wrong (a few percent).
    /// </summary>
    /// <remarks>
    /// A filter depends on its tree alone, so it is kept per tree (weakly) and shared by every compilation that holds the
    /// tree: after an edit in the IDE only the edited tree is read again.
    /// </remarks>
    internal static class WordIndex
    {
        /// <summary>True when <paramref name="tree"/> may contain one of <paramref name="words"/> as a whole word.</summary>
        public static bool MayContainAny(SyntaxTree tree, IEnumerable<string> words, CancellationToken cancellationToken)
        {
            var bits = Bits(tree, cancellationToken);
            foreach (var word in words)
            {
                if (Contains(bits, Hash(word.AsSpan())))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="tree"/> may contain a word of one of <paramref name="hashes"/> (<see cref="Hash"/>).</summary>
        public static bool MayContainAnyHash(SyntaxTree tree, int[] hashes, CancellationToken cancellationToken)
        {
            var bits = Bits(tree, cancellationToken);
            foreach (var hash in hashes)
            {
                if (Contains(bits, hash))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the filter of <paramref name="tree"/> exists already (nothing is built).</summary>
        public static bool IsBuilt(SyntaxTree tree) => TreeMemo.Contains(tree, Key);

        private const string Key = "words";

        private static ulong[] Bits(SyntaxTree tree, CancellationToken cancellationToken)
            => TreeMemo.Get(tree, Key, () => Build(tree, cancellationToken));

        private static ulong[] Build(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var buffer = TreeText.Get(tree, cancellationToken);
            var length = buffer.Length;
            var bits = new ulong[Math.Max(16, length / 128)];
            var i = 0;
            while (i < length)
            {
                var c = buffer[i];
                if (!TreeText.IsWordStart(c))
                {
                    i++;
                    continue;
                }

                unchecked
                {
                    var hash = (int)2166136261;
                    while (i < length && TreeText.IsWordChar(buffer[i]))
                    {
                        hash = (hash ^ buffer[i]) * 16777619;
                        i++;
                    }

                    Set(bits, hash);
                }
            }

            return bits;
        }

        internal static int Hash(ReadOnlySpan<char> word)
        {
            unchecked
            {
                var hash = (int)2166136261;
                foreach (var c in word)
                {
                    hash = (hash ^ c) * 16777619;
                }

                return hash;
            }
        }

        private static void Set(ulong[] bits, int hash)
        {
            var size = (uint)bits.Length * 64;
            var first = (uint)hash % size;
            var second = (uint)((hash >> 15) | (hash << 17)) % size;
            bits[first >> 6] |= 1UL << (int)(first & 63);
            bits[second >> 6] |= 1UL << (int)(second & 63);
        }

        private static bool Contains(ulong[] bits, int hash)
        {
            var size = (uint)bits.Length * 64;
            var first = (uint)hash % size;
            var second = (uint)((hash >> 15) | (hash << 17)) % size;
            return (bits[first >> 6] & (1UL << (int)(first & 63))) != 0 && (bits[second >> 6] & (1UL << (int)(second & 63))) != 0;
        }
    }
}
