using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// The cycle guard of one walk (value evaluation, method summaries): what is in progress, and whether the walk was
    /// cut short since a result was started. A result computed while the walk was cut (by a cycle or a bound) depends
    /// on where the walk began, so it is returned but never cached: answers do not depend on evaluation order.
    /// </summary>
    internal sealed class WalkGuard<TKey>
        where TKey : notnull
    {
        private readonly HashSet<TKey> _inProgress;

        public WalkGuard(IEqualityComparer<TKey> comparer)
        {
            _inProgress = new HashSet<TKey>(comparer);
        }

        /// <summary>True once a cycle or a bound cut the current result short.</summary>
        public bool Incomplete { get; private set; }

        /// <summary>A bound was hit: the result being computed is not complete.</summary>
        public void Cut() => Incomplete = true;

        /// <summary>Enters <paramref name="key"/>; false (and the walk marked incomplete) when it is already in progress.</summary>
        public bool TryEnter(TKey key)
        {
            if (_inProgress.Add(key))
            {
                return true;
            }

            Incomplete = true;
            return false;
        }

        public void Exit(TKey key) => _inProgress.Remove(key);

        /// <summary>
        /// <paramref name="compute"/> for <paramref name="key"/>, cached in <paramref name="cache"/> only when complete;
        /// <paramref name="whenCut"/> on a cycle.
        /// </summary>
        public TValue Cached<TCacheKey, TValue>(TKey key, ConcurrentDictionary<TCacheKey, TValue> cache, TCacheKey cacheKey, Func<TValue> compute, TValue whenCut)
            where TCacheKey : notnull
        {
            if (!TryEnter(key))
            {
                return whenCut;
            }

            var outer = Incomplete;
            Incomplete = false;
            try
            {
                var result = compute();
                if (!Incomplete)
                {
                    cache.TryAdd(cacheKey, result);
                }

                return result;
            }
            finally
            {
                Exit(key);
                Incomplete |= outer;
            }
        }
    }
}
