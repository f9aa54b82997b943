using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using TokenPolicy.Analyzers.Core;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// Facts computed from one syntax tree alone (its text and syntax, nothing bound), kept per tree (weakly) and shared by
    /// every compilation that holds the tree. In the IDE a keystroke makes a new compilation but keeps the other trees,
    /// so only the edited tree's facts are computed again.
    /// </summary>
    internal static class TreeMemo
    {
        private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<string, object>> Memos = new();

        /// <summary>Whether a fact is kept under <paramref name="key"/> for <paramref name="tree"/>.</summary>
        public static bool Contains(SyntaxTree tree, string key)
            => Memos.TryGetValue(tree, out var memo) && memo.ContainsKey(key);

        public static T Get<T>(SyntaxTree tree, string key, Func<T> compute)
            where T : class
        {
            var memo = Memos.GetValue(tree, static _ => new ConcurrentDictionary<string, object>(StringComparer.Ordinal));
            if (memo.TryGetValue(key, out var cached))
            {
                return (T)cached;
            }

            return (T)memo.GetOrAdd(key, compute());
        }
    }

    /// <summary>A tree's text as one string, and what counts as a word character in it.</summary>
    internal static class TreeText
    {
        /// <summary>
        /// The tree's text as one string, kept per tree: every scan of the tree (words, candidate literals, sink names,
        /// references) reads this one string instead of copying the text again. A text parsed from a string holds that
        /// string, and <see cref="Microsoft.CodeAnalysis.Text.SourceText.ToString()"/> returns it without a copy; other
        /// texts (large files read in chunks, edited texts in the IDE) are copied once per tree.
        /// </summary>
        public static string Get(SyntaxTree tree, CancellationToken cancellationToken)
            => TreeMemo.Get(tree, "text", () => tree.GetText(cancellationToken).ToString());

        /// <summary>
        /// The first whole-word occurrence of <paramref name="word"/> (an identifier) in <c>[start, end)</c> of
        /// <paramref name="text"/>, or -1: bounded by non-word characters, or by <paramref name="end"/> on the right.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static int IndexOfWord(string text, string word, int start, int end)
        {
            var position = start;
            while (word.Length > 0 && position <= end - word.Length)
            {
                var offset = text.AsSpan(position, end - position).IndexOf(word.AsSpan(), StringComparison.Ordinal);
                if (offset < 0)
                {
                    return -1;
                }

                var found = position + offset;
                position = found + word.Length;
                if ((found == 0 || !IsWordChar(text[found - 1])) && (position == end || !IsWordChar(text[position])))
                {
                    return found;
                }
            }

            return -1;
        }

        /// <summary>A character of an identifier-like word: letters (any non-ASCII counts as one), digits, underscore.</summary>
        public static bool IsWordChar(char c) => IsWordStart(c) || (uint)(c - '0') < 10;

        /// <summary>A character that can start an identifier-like word.</summary>
        public static bool IsWordStart(char c) => (uint)((c | 0x20) - 'a') < 26 || c == '_' || c > 0x7F;
    }
}
