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
        private static readonly ConditionalWeakTable<SyntaxTree, Memo> Memos = new();

        /// <summary>Whether a fact is kept under <paramref name="key"/> for <paramref name="tree"/>.</summary>
        public static bool Contains(SyntaxTree tree, string key)
            => Memos.TryGetValue(tree, out var memo) && memo.Find(key) is not null;

        public static T Get<T>(SyntaxTree tree, string key, Func<T> compute)
            where T : class
        {
            var memo = Memos.GetValue(tree, static _ => new Memo());
            return (T)(memo.Find(key) ?? memo.Add(key, compute()));
        }

        /// <summary>
        /// One tree's facts: a few keys (the text, its quoted pieces and word filter, each family's candidates), kept in a
        /// small array that is replaced, never changed, so reading takes no lock; past <see cref="MaxListed"/> keys (the
        /// readers of many tainted names in one tree) the rest go to a dictionary. The first value added for a key is the
        /// one every caller gets.
        /// </summary>
        /// <remarks>
        /// Hand-written rather than a <see cref="ConcurrentDictionary{TKey, TValue}"/> per tree: the analyzers of one build
        /// scan the same trees at the same time from two threads, and a dictionary per tree (its buckets and locks, a lock
        /// taken on each add) cost them more in allocation and lock waits than the facts themselves.
        /// </remarks>
        private sealed class Memo
        {
            private const int MaxListed = 24;
            private static readonly object[] Empty = Array.Empty<object>();

            // Keys and values alternating: [key0, value0, key1, value1, ...].
            private object[] _entries = Empty;
            private ConcurrentDictionary<string, object>? _more;

            public object? Find(string key)
            {
                if (FindIn(Volatile.Read(ref _entries), key) is { } found)
                {
                    return found;
                }

                var more = Volatile.Read(ref _more);
                return more is not null && more.TryGetValue(key, out var value) ? value : null;
            }

            public object Add(string key, object value)
            {
                while (true)
                {
                    var entries = Volatile.Read(ref _entries);
                    if (FindIn(entries, key) is { } existing)
                    {
                        return existing;
                    }

                    if (entries.Length >= MaxListed * 2)
                    {
                        var more = Volatile.Read(ref _more);
                        if (more is null)
                        {
                            Interlocked.CompareExchange(ref _more, new ConcurrentDictionary<string, object>(StringComparer.Ordinal), null);
                            more = _more!;
                        }

                        return more.GetOrAdd(key, value);
                    }

                    var grown = new object[entries.Length + 2];
                    Array.Copy(entries, grown, entries.Length);
                    grown[entries.Length] = key;
                    grown[entries.Length + 1] = value;
                    if (ReferenceEquals(Interlocked.CompareExchange(ref _entries, grown, entries), entries))
                    {
                        return value;
                    }
                }
            }

            private static object? FindIn(object[] entries, string key)
            {
                for (var i = 0; i < entries.Length; i += 2)
                {
                    var listed = (string)entries[i];
                    if (ReferenceEquals(listed, key) || string.Equals(listed, key, StringComparison.Ordinal))
                    {
                        return entries[i + 1];
                    }
                }

                return null;
            }
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
