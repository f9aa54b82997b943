using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using TokenPolicy.Analyzers.Core;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// A set of names looked for as whole words in the trees' text, hashed once: whether a tree may hold one of them (its
    /// <see cref="WordIndex"/> filter), and every occurrence of any of them in one pass over the tree's text. Finding
    /// <c>n</c> names this way reads each tree once, where one search per name read it <c>n</c> times.
    /// </summary>
    /// <remarks>
    /// A whole word is a run of word characters (<see cref="TreeText.IsWordChar"/>) that starts with a word start and is
    /// bounded by non-word characters on both sides: what an identifier search with word-boundary checks finds.
    /// </remarks>
    internal sealed class WordSet
    {
        private readonly Dictionary<int, string[]> _byHash = new();
        private readonly int[] _hashes;

        public WordSet(IReadOnlyCollection<string> words)
        {
            var hashes = new List<int>(words.Count);
            foreach (var word in words)
            {
                var hash = WordIndex.Hash(word.AsSpan());
                if (_byHash.TryGetValue(hash, out var same))
                {
                    if (Array.IndexOf(same, word) < 0)
                    {
                        var grown = new string[same.Length + 1];
                        same.CopyTo(grown, 0);
                        grown[same.Length] = word;
                        _byHash[hash] = grown;
                    }
                }
                else
                {
                    _byHash.Add(hash, new[] { word });
                    hashes.Add(hash);
                }
            }

            _hashes = hashes.ToArray();
            var all = new List<string>();
            foreach (var same in _byHash.Values)
            {
                all.AddRange(same);
            }

            all.Sort(StringComparer.Ordinal);
            Words = all;
        }

        /// <summary>The words, each once, sorted ordinally (a key for what was looked for).</summary>
        public IReadOnlyList<string> Words { get; }

        /// <summary>How many words are looked for directly in the text rather than in the tree's <see cref="WordIndex"/> filter.</summary>
        private const int DirectSearchLimit = 4;

        /// <summary>True when <paramref name="tree"/> may hold one of the words (false is exact).</summary>
        /// <remarks>
        /// A few words are searched for in the text itself (a vectorised ordinal search per word reads the text several
        /// times faster than building the tree's word filter, which hashes every word of it); more words, or a tree
        /// whose filter exists already, ask the filter.
        /// </remarks>
        public bool MayOccurIn(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (Words.Count <= DirectSearchLimit && !WordIndex.IsBuilt(tree))
            {
                var text = TreeText.Get(tree, cancellationToken);
                for (var i = 0; i < Words.Count; i++)
                {
                    if (TreeText.IndexOfWord(text, Words[i], 0, text.Length) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            return WordIndex.MayContainAnyHash(tree, _hashes, cancellationToken);
        }


        /// <summary>Every whole-word occurrence of one of the words in <paramref name="text"/>, in text order.</summary>
        [MethodImpl(HotPath.Optimized)]
        public List<(int Position, string Word)> Occurrences(string text, CancellationToken cancellationToken)
        {
            var found = new List<(int, string)>();
            var length = text.Length;
            var i = 0;
            var nextCheck = 0;
            while (i < length)
            {
                if (i >= nextCheck)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    nextCheck = i + 65536;
                }

                var c = text[i];
                if (!TreeText.IsWordChar(c))
                {
                    i++;
                    continue;
                }

                var start = i;
                unchecked
                {
                    var hash = (int)2166136261;
                    while (i < length && TreeText.IsWordChar(text[i]))
                    {
                        hash = (hash ^ text[i]) * 16777619;
                        i++;
                    }

                    if (TreeText.IsWordStart(c) && _byHash.TryGetValue(hash, out var words))
                    {
                        foreach (var word in words)
                        {
                            if (word.Length == i - start && string.CompareOrdinal(text, start, word, 0, word.Length) == 0)
                            {
                                found.Add((start, word));
                            }
                        }
                    }
                }
            }

            return found;
        }
    }
}
