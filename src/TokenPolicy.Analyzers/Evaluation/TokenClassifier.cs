using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>The verdict on one constant string: a token of some kind, or not a token.</summary>
    internal readonly struct TokenMatch
    {
        public static readonly TokenMatch None = default;

        public TokenMatch(string kind)
        {
            Kind = kind;
        }

        /// <summary>What kind of token, as the diagnostic names it (<c>JWT</c>, <c>GitHub token</c>, <c>high-entropy token</c>); null when not a token.</summary>
        public string? Kind { get; }

        public bool IsToken => Kind is not null;

        public override string ToString() => Kind ?? "(not a token)";
    }

    /// <summary>
    /// Pure string logic of TP0002: does a constant look like a bearer or API token? Knows JWTs, vendor
    /// prefixes with their minimum lengths, and random-looking strings (Shannon entropy over a minimum length);
    /// never calls placeholders, schemes alone or empty strings tokens.
    /// </summary>
    internal static class TokenClassifier
    {
        public const string JwtKind = "JWT";
        public const string HighEntropyKind = "high-entropy token";

        /// <summary>How much lower the entropy threshold is for strings made only of hex digits (and separators).</summary>
        public const double HexThresholdReduction = 0.5;

        /// <summary>Vendor prefixes: the prefix (ordinal), the shortest body after it and the body's alphabet.</summary>
        private static readonly ImmutableArray<KnownPrefix> Prefixes = ImmutableArray.Create(
            new KnownPrefix("github_pat_", 22, Alphabet.AlphanumericUnderscore, "GitHub token"),
            new KnownPrefix("ghp_", 30, Alphabet.Alphanumeric, "GitHub token"),
            new KnownPrefix("gho_", 30, Alphabet.Alphanumeric, "GitHub token"),
            new KnownPrefix("ghu_", 30, Alphabet.Alphanumeric, "GitHub token"),
            new KnownPrefix("ghs_", 30, Alphabet.Alphanumeric, "GitHub token"),
            new KnownPrefix("ghr_", 30, Alphabet.Alphanumeric, "GitHub token"),
            new KnownPrefix("glpat-", 20, Alphabet.Base64Url, "GitLab token"),
            new KnownPrefix("glrt-", 20, Alphabet.Base64Url, "GitLab token"),
            new KnownPrefix("gldt-", 20, Alphabet.Base64Url, "GitLab token"),
            new KnownPrefix("xoxb-", 16, Alphabet.Base64Url, "Slack token"),
            new KnownPrefix("xoxp-", 16, Alphabet.Base64Url, "Slack token"),
            new KnownPrefix("xoxa-", 16, Alphabet.Base64Url, "Slack token"),
            new KnownPrefix("xoxr-", 16, Alphabet.Base64Url, "Slack token"),
            new KnownPrefix("xoxe-", 16, Alphabet.Base64Url, "Slack token"),
            new KnownPrefix("sk_live_", 20, Alphabet.Alphanumeric, "Stripe key"),
            new KnownPrefix("rk_live_", 20, Alphabet.Alphanumeric, "Stripe key"),
            new KnownPrefix("sk-", 32, Alphabet.Base64Url, "secret API key (sk-)"),
            new KnownPrefix("AKIA", 16, Alphabet.UpperAlphanumeric, "AWS access key ID"),
            new KnownPrefix("ASIA", 16, Alphabet.UpperAlphanumeric, "AWS access key ID"),
            new KnownPrefix("npm_", 36, Alphabet.Alphanumeric, "npm token"),
            new KnownPrefix("pypi-", 50, Alphabet.Base64Url, "PyPI token"),
            new KnownPrefix("hf_", 30, Alphabet.Alphanumeric, "Hugging Face token"),
            new KnownPrefix("AIza", 35, Alphabet.Base64Url, "Google API key"),
            new KnownPrefix("dop_v1_", 64, Alphabet.Alphanumeric, "DigitalOcean token"),
            new KnownPrefix("shpat_", 32, Alphabet.Alphanumeric, "Shopify token"));

        /// <summary>Whole words (split at non-alphanumerics, any case) that mark a placeholder.</summary>
        private static readonly HashSet<string> PlaceholderWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "your", "yours", "changeme", "change", "replaceme", "replace", "placeholder", "example", "examples",
            "dummy", "todo", "tbd", "fixme", "redacted", "fake", "sample", "insert", "here", "xxx", "xxxx",
        };

        /// <summary>Substrings (lower case, separators removed) that mark a placeholder even inside a longer word.</summary>
        private static readonly ImmutableArray<string> PlaceholderFragments = ImmutableArray.Create(
            "yourtoken", "yourapikey", "yourkey", "yoursecret", "changeme", "replaceme", "placeholder", "example",
            "dummy", "redacted", "notareal", "notreal", "xxxxx", "*****", "...", "\u2026");

        /// <summary>
        /// The word starts like a token (<c>eyJ</c>, or a known vendor prefix): a cheap test for a candidate literal that
        /// may be one part of a token assembled from several.
        /// </summary>
        public static bool StartsLikeToken(ReadOnlySpan<char> word)
        {
            if (word.StartsWith("eyJ".AsSpan(), StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var prefix in Prefixes)
            {
                if (word.Length >= prefix.Prefix.Length && word.StartsWith(prefix.Prefix.AsSpan(), StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Classifies a raw credential (what follows the scheme, or a bare token).</summary>
        public static TokenMatch ClassifyToken(string? candidate, double entropyThreshold, int minLength)
        {
            if (candidate is null)
            {
                return TokenMatch.None;
            }

            var text = candidate.Trim();
            if (text.Length == 0 || HasWhitespace(text) || IsPlaceholder(text))
            {
                return TokenMatch.None;
            }

            if (IsJwt(text))
            {
                return new TokenMatch(JwtKind);
            }

            foreach (var prefix in Prefixes)
            {
                if (prefix.Matches(text))
                {
                    return new TokenMatch(prefix.Kind);
                }
            }

            return IsHighEntropy(text, entropyThreshold, minLength) ? new TokenMatch(HighEntropyKind) : TokenMatch.None;
        }

        /// <summary>
        /// Classifies a full <c>Authorization</c> header value: <c>Bearer x</c> or <c>token x</c> (any case) are
        /// classified by their credential; a bare single word is classified as a raw credential; other schemes
        /// (<c>Basic</c>, <c>Digest</c>, ...) and a scheme alone are never tokens.
        /// </summary>
        public static TokenMatch ClassifyHeaderValue(string? headerValue, double entropyThreshold, int minLength)
        {
            if (headerValue is null)
            {
                return TokenMatch.None;
            }

            var text = headerValue.Trim();
            if (text.Length == 0)
            {
                return TokenMatch.None;
            }

            var space = IndexOfWhitespace(text);
            if (space < 0)
            {
                return IsKnownScheme(text) ? TokenMatch.None : ClassifyToken(text, entropyThreshold, minLength);
            }

            var scheme = text.Substring(0, space);
            return IsTokenScheme(scheme) ? ClassifyToken(text.Substring(space + 1), entropyThreshold, minLength) : TokenMatch.None;
        }

        /// <summary>The value of an <c>Authorization: value</c> header line (any case, optional spaces), or null.</summary>
        public static string? GetAuthorizationHeaderLineValue(string? headerLine)
        {
            if (headerLine is null)
            {
                return null;
            }

            var colon = headerLine.IndexOf(':');
            if (colon < 0 || !IsAuthorizationHeaderName(headerLine.Substring(0, colon)))
            {
                return null;
            }

            return headerLine.Substring(colon + 1).Trim();
        }

        /// <summary><c>Authorization</c> in any case (the gRPC metadata key is lower case), surrounding spaces ignored.</summary>
        public static bool IsAuthorizationHeaderName(string? name)
            => name is not null && string.Equals(name.Trim(), "Authorization", StringComparison.OrdinalIgnoreCase);

        /// <summary>The schemes that carry a bearer or API token: <c>Bearer</c> and <c>Token</c>, any case.</summary>
        public static bool IsTokenScheme(string? scheme)
        {
            if (scheme is null)
            {
                return false;
            }

            var text = scheme.Trim();
            return string.Equals(text, "Bearer", StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, "Token", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Placeholders and elided values that must never be reported.</summary>
        public static bool IsPlaceholder(string value)
        {
            var text = value.Trim();
            if (text.Length == 0)
            {
                return true;
            }

            foreach (var c in text)
            {
                // <token>, {token}, {0}, ${TOKEN}, {{token}}, [TOKEN]: template syntax never appears in real tokens.
                if (c is '<' or '>' or '{' or '}' or '[' or ']')
                {
                    return true;
                }
            }

            // $(TOKEN), $TOKEN, %TOKEN%, @TOKEN@
            if (text.IndexOf("$(", StringComparison.Ordinal) >= 0
                || (text[0] == '$' && text.Length > 1 && IsIdentifierLike(text, 1, text.Length))
                || (text.Length > 2 && text[0] == '%' && text[text.Length - 1] == '%')
                || (text.Length > 2 && text[0] == '@' && text[text.Length - 1] == '@'))
            {
                return true;
            }

            // ***, ---, xxxx, XXXX-XXXX: nothing but filler.
            if (IsFiller(text))
            {
                return true;
            }

            var lowered = RemoveSeparators(text).ToLowerInvariant();
            foreach (var fragment in PlaceholderFragments)
            {
                if (lowered.IndexOf(fragment, StringComparison.Ordinal) >= 0 || text.IndexOf(fragment, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            foreach (var word in Words(text))
            {
                if (PlaceholderWords.Contains(word))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Shannon entropy in bits per character.</summary>
        public static double ShannonEntropy(string text)
        {
            if (text.Length == 0)
            {
                return 0;
            }

            var counts = new Dictionary<char, int>();
            foreach (var c in text)
            {
                counts.TryGetValue(c, out var n);
                counts[c] = n + 1;
            }

            double entropy = 0;
            foreach (var count in counts.Values)
            {
                var p = (double)count / text.Length;
                entropy -= p * Math.Log(p, 2);
            }

            return entropy;
        }

        /// <summary>Three base64url segments (the last may be empty: an unsigned token), the header starting <c>eyJ</c> (<c>{"</c>).</summary>
        public static bool IsJwt(string text)
        {
            if (!text.StartsWith("eyJ", StringComparison.Ordinal))
            {
                return false;
            }

            var parts = text.Split('.');
            if (parts.Length != 3 || parts[0].Length < 10 || parts[1].Length < 10)
            {
                return false;
            }

            foreach (var part in parts)
            {
                if (!IsAll(part, Alphabet.Base64Url))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsHighEntropy(string text, double threshold, int minLength)
        {
            if (text.Length < minLength || text.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                return false;
            }

            bool letter = false, digit = false, hex = true;
            foreach (var c in text)
            {
                if (IsAsciiLetter(c))
                {
                    letter = true;
                    hex &= c is (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
                }
                else if (c is >= '0' and <= '9')
                {
                    digit = true;
                }
                else if (c is not ('-' or '_' or '.' or '+' or '/' or '=' or '~'))
                {
                    // Not a token alphabet (spaces, punctuation, non-ASCII): prose, paths, formats.
                    return false;
                }
            }

            // Hex (API keys, GUIDs) has 16 symbols, so a random hex string scores about half a bit lower than base62/64.
            if (hex)
            {
                threshold -= HexThresholdReduction;
            }

            // Mixed character classes: letters and digits. Words, identifiers and numbers are not tokens.
            return letter && digit && ShannonEntropy(text) >= threshold;
        }

        private static bool IsKnownScheme(string word)
            => IsTokenScheme(word)
                || string.Equals(word, "Basic", StringComparison.OrdinalIgnoreCase)
                || string.Equals(word, "Digest", StringComparison.OrdinalIgnoreCase)
                || string.Equals(word, "Negotiate", StringComparison.OrdinalIgnoreCase)
                || string.Equals(word, "NTLM", StringComparison.OrdinalIgnoreCase);

        private static bool IsFiller(string text)
        {
            var fillerOnly = true;
            foreach (var c in text)
            {
                if (c is not ('x' or 'X' or '*' or '#' or '?' or '.' or '-' or '_' or '0' or '='))
                {
                    fillerOnly = false;
                    break;
                }
            }

            return fillerOnly;
        }

        private static IEnumerable<string> Words(string text)
        {
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
                if (inWord && start < 0)
                {
                    start = i;
                }
                else if (!inWord && start >= 0)
                {
                    yield return text.Substring(start, i - start);
                    start = -1;
                }
            }
        }

        private static string RemoveSeparators(string text)
        {
            var builder = new System.Text.StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c is not ('-' or '_' or ' ' or '.'))
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        private static bool IsIdentifierLike(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (!(IsAsciiLetter(c) || c == '_' || (c is >= '0' and <= '9')))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasWhitespace(string text) => IndexOfWhitespace(text) >= 0;

        private static int IndexOfWhitespace(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

        private static bool IsAll(string text, Alphabet alphabet)
        {
            foreach (var c in text)
            {
                if (!InAlphabet(c, alphabet))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool InAlphabet(char c, Alphabet alphabet)
        {
            var digit = c is >= '0' and <= '9';
            return alphabet switch
            {
                Alphabet.UpperAlphanumeric => digit || c is >= 'A' and <= 'Z',
                Alphabet.Alphanumeric => digit || IsAsciiLetter(c),
                Alphabet.AlphanumericUnderscore => digit || IsAsciiLetter(c) || c == '_',
                _ => digit || IsAsciiLetter(c) || c is '_' or '-',
            };
        }

        private enum Alphabet
        {
            UpperAlphanumeric,
            Alphanumeric,
            AlphanumericUnderscore,
            Base64Url,
        }

        private sealed class KnownPrefix
        {
            public KnownPrefix(string prefix, int minBody, Alphabet alphabet, string kind)
            {
                Prefix = prefix;
                MinBody = minBody;
                Alphabet = alphabet;
                Kind = kind;
            }

            public string Prefix { get; }

            public int MinBody { get; }

            public Alphabet Alphabet { get; }

            public string Kind { get; }

            public bool Matches(string text)
            {
                if (text.Length < Prefix.Length + MinBody || !text.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    return false;
                }

                var body = text.Substring(Prefix.Length);
                return IsAll(body, Alphabet) && !IsFiller(body);
            }
        }
    }
}
