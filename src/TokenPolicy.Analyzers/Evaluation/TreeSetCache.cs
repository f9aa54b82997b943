using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// Results that depend only on a compilation's syntax trees (and a key naming what was computed), remembered for the
    /// last few tree sets. The analyzer driver may hand each analysis request its own compilation object over the same
    /// trees (one per document in the IDE); this keeps the candidate index and the sink reach from being rebuilt for
    /// each. Trees are held weakly, so an old snapshot is not kept alive.
    /// </summary>
    internal static class TreeSetCache
    {
        private const int Capacity = 8;

        private static readonly object Gate = new();
        private static readonly LinkedList<Entry> Entries = new();

        public static bool TryGet<T>(string key, Compilation compilation, out T value)
            where T : class
        {
            var trees = compilation.SyntaxTrees as IReadOnlyList<SyntaxTree> ?? ImmutableArray.CreateRange(compilation.SyntaxTrees);
            var fingerprint = Fingerprint(trees);
            lock (Gate)
            {
                for (var node = Entries.First; node is not null; node = node.Next)
                {
                    var entry = node.Value;
                    if (entry.Fingerprint == fingerprint && entry.Key == key && entry.Matches(trees) && entry.Value is T found)
                    {
                        Entries.Remove(node);
                        Entries.AddFirst(node);
                        value = found;
                        return true;
                    }
                }
            }

            value = null!;
            return false;
        }

        public static void Add(string key, Compilation compilation, object value)
        {
            var trees = compilation.SyntaxTrees as IReadOnlyList<SyntaxTree> ?? ImmutableArray.CreateRange(compilation.SyntaxTrees);
            var entry = new Entry(key, Fingerprint(trees), trees, value);
            lock (Gate)
            {
                Entries.AddFirst(entry);
                while (Entries.Count > Capacity)
                {
                    Entries.RemoveLast();
                }
            }
        }

        private static long Fingerprint(IReadOnlyList<SyntaxTree> trees)
        {
            unchecked
            {
                long hash = trees.Count;
                foreach (var tree in trees)
                {
                    hash = (hash * 31) + RuntimeHelpers.GetHashCode(tree);
                }

                return hash;
            }
        }

        private sealed class Entry
        {
            private readonly WeakReference<SyntaxTree>[] _trees;

            public Entry(string key, long fingerprint, IReadOnlyList<SyntaxTree> trees, object value)
            {
                Key = key;
                Fingerprint = fingerprint;
                Value = value;
                _trees = new WeakReference<SyntaxTree>[trees.Count];
                for (var i = 0; i < trees.Count; i++)
                {
                    _trees[i] = new WeakReference<SyntaxTree>(trees[i]);
                }
            }

            public string Key { get; }

            public long Fingerprint { get; }

            public object Value { get; }

            public bool Matches(IReadOnlyList<SyntaxTree> trees)
            {
                if (trees.Count != _trees.Length)
                {
                    return false;
                }

                for (var i = 0; i < trees.Count; i++)
                {
                    if (!_trees[i].TryGetTarget(out var tree) || !ReferenceEquals(tree, trees[i]))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
