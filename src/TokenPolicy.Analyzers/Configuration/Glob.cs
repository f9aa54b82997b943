using System;

namespace TokenPolicy.Analyzers.Configuration
{
    /// <summary>Path globs: <c>*</c> (within one segment), <c>**</c> (any number of segments), <c>?</c>. Case-insensitive.</summary>
    internal static class Glob
    {
        public static bool IsMatch(string pattern, string path) => Match(pattern, 0, path, 0);

        private static bool Match(string pattern, int p, string text, int t)
        {
            while (p < pattern.Length)
            {
                var c = pattern[p];
                if (c == '*')
                {
                    var doubleStar = p + 1 < pattern.Length && pattern[p + 1] == '*';
                    var next = doubleStar ? p + 2 : p + 1;
                    for (var i = t; i <= text.Length; i++)
                    {
                        if (Match(pattern, next, text, i))
                        {
                            return true;
                        }

                        if (i < text.Length && !doubleStar && text[i] == '/')
                        {
                            return false;
                        }
                    }

                    return false;
                }

                if (t >= text.Length)
                {
                    return false;
                }

                if (c != '?' && char.ToUpperInvariant(c) != char.ToUpperInvariant(text[t]))
                {
                    return false;
                }

                if (c == '?' && text[t] == '/')
                {
                    return false;
                }

                p++;
                t++;
            }

            return t == text.Length;
        }
    }
}
