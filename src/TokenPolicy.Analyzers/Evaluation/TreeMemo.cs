using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

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
}
