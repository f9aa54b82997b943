using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
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
        /// One tree's facts: a few keys (the text, its quoted pieces and word filter, each family's candidates), kept in an
        /// immutable list that a new fact is put in front of, so reading takes no lock and adding one allocates one entry;
        /// past <see cref="MaxListed"/> keys (the readers of many tainted names in one tree) the rest go to a dictionary.
        /// The first value added for a key is the one every caller gets.
        /// </summary>
        /// <remarks>
        /// Hand-written rather than a <see cref="ConcurrentDictionary{TKey, TValue}"/> per tree: the analyzers of one build
        /// scan the same trees at the same time from two threads, and a dictionary per tree (its buckets and locks, a lock
        /// taken on each add) cost them more in allocation and lock waits than the facts themselves. A list rather than an
        /// array copied on each add: the copies of a tree with many keys cost as much as a dictionary.
        /// </remarks>
        private sealed class Memo
        {
            private const int MaxListed = 24;

            private Entry? _head;
            private ConcurrentDictionary<string, object>? _more;

            public object? Find(string key)
            {
                if (FindIn(Volatile.Read(ref _head), key) is { } found)
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
                    var head = Volatile.Read(ref _head);
                    if (FindIn(head, key) is { } existing)
                    {
                        return existing;
                    }

                    var count = head is null ? 0 : head.Count;
                    if (count >= MaxListed)
                    {
                        var more = Volatile.Read(ref _more);
                        if (more is null)
                        {
                            Interlocked.CompareExchange(ref _more, new ConcurrentDictionary<string, object>(StringComparer.Ordinal), null);
                            more = _more!;
                        }

                        return more.GetOrAdd(key, value);
                    }

                    if (ReferenceEquals(Interlocked.CompareExchange(ref _head, new Entry(key, value, head), head), head))
                    {
                        return value;
                    }
                }
            }

            private static object? FindIn(Entry? entry, string key)
            {
                for (; entry is not null; entry = entry.Next)
                {
                    if (ReferenceEquals(entry.Key, key) || string.Equals(entry.Key, key, StringComparison.Ordinal))
                    {
                        return entry.Value;
                    }
                }

                return null;
            }

            /// <summary>One fact and the ones added before it; never changed once published.</summary>
            private sealed class Entry
            {
                public Entry(string key, object value, Entry? next)
                {
                    Key = key;
                    Value = value;
                    Next = next;
                    Count = next is null ? 1 : next.Count + 1;
                }

                public string Key { get; }

                public object Value { get; }

                public Entry? Next { get; }

                /// <summary>How many entries this list holds.</summary>
                public int Count { get; }
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
            => TreeMemo.Get(tree, "text", () => AsString(tree.GetText(cancellationToken), cancellationToken));

        /// <summary>Above this length a text that is not a string already is copied by <see cref="CopyOf"/>.</summary>
        private const int CopiedAbove = 8 * 1024;

        [ThreadStatic]
        private static char[]? t_chunk;

        /// <summary>
        /// The text as one string. A string-based text gives its string; a longer text of any other kind (the compiler
        /// reads a file of more than about 40,000 characters into chunks) is copied once into a string of its length
        /// (<see cref="CopyOf"/>): <see cref="SourceText.ToString()"/> would build it in a string builder first, which
        /// allocates the text twice, the second time on the large object heap.
        /// </summary>
        internal static string AsString(SourceText text, CancellationToken cancellationToken)
            => text.Length <= CopiedAbove || text.GetType().Name == "StringText" ? text.ToString() : CopyOf(text, cancellationToken);

        /// <summary>
        /// A copy of <paramref name="text"/> written into a new string through a small per-thread buffer. Hand-written: the
        /// analyzers target netstandard2.0, which has no <c>string.Create</c>; the string is written only before anyone
        /// else can see it.
        /// </summary>
        internal static unsafe string CopyOf(SourceText text, CancellationToken cancellationToken)
        {
            var length = text.Length;
            if (length == 0)
            {
                return string.Empty;
            }

            var chunk = t_chunk ??= new char[4096];
            var result = new string('\0', length);
            fixed (char* target = result)
            {
                for (var position = 0; position < length; position += chunk.Length)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var count = Math.Min(chunk.Length, length - position);
                    text.CopyTo(position, chunk, 0, count);
                    new ReadOnlySpan<char>(chunk, 0, count).CopyTo(new Span<char>(target + position, count));
                }
            }

            return result;
        }

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
