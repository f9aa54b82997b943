using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using TokenPolicy.Analyzers.Core;

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
            new KnownPrefix("shpat_", 32, Alphabet.Alphanumeric, "Shopify token"),
            new KnownPrefix("shpca_", 32, Alphabet.Alphanumeric, "Shopify token"),
            new KnownPrefix("shppa_", 32, Alphabet.Alphanumeric, "Shopify token"),
            new KnownPrefix("squ_", 40, Alphabet.Alphanumeric, "SonarQube token"),
            new KnownPrefix("sqp_", 40, Alphabet.Alphanumeric, "SonarQube token"),
            new KnownPrefix("sqa_", 40, Alphabet.Alphanumeric, "SonarQube token"),
            new KnownPrefix("perm:", 20, Alphabet.DottedBase64, "YouTrack token"),
            new KnownPrefix("perm-", 20, Alphabet.DottedBase64, "YouTrack token"),
            new KnownPrefix("glsa_", 32, Alphabet.AlphanumericUnderscore, "Grafana token"),
            new KnownPrefix("glc_", 32, Alphabet.DottedBase64, "Grafana token"),
            new KnownPrefix("SG.", 60, Alphabet.DottedBase64, "SendGrid key"),
            new KnownPrefix("xapp-", 16, Alphabet.Base64Url, "Slack token"),
            new KnownPrefix("lin_api_", 32, Alphabet.Alphanumeric, "Linear key"),
            new KnownPrefix("ATATT", 60, Alphabet.DottedBase64, "Atlassian API token"),
            new KnownPrefix("dp.pt.", 40, Alphabet.Alphanumeric, "Doppler token"),
            new KnownPrefix("ya29.", 30, Alphabet.DottedBase64, "Google OAuth token"),
            new KnownPrefix("sntrys_", 40, Alphabet.DottedBase64, "Sentry token"),
            new KnownPrefix("sntryu_", 40, Alphabet.Alphanumeric, "Sentry token"),
            new KnownPrefix("pul-", 40, Alphabet.Alphanumeric, "Pulumi token"),
            new KnownPrefix("rubygems_", 40, Alphabet.Alphanumeric, "RubyGems key"),
            new KnownPrefix("sq0atp-", 22, Alphabet.Base64Url, "Square token"));

        /// <summary>
        /// The schemes that carry a bearer or API token (any case): <c>Bearer</c>, <c>Token</c> (GitHub), <c>Bot</c>
        /// (Discord), <c>OAuth</c> (RestSharp's default token type, Yandex), <c>JWT</c>, <c>SSWS</c> (Okta),
        /// <c>ApiKey</c> / <c>Api-Key</c> (Elastic and others), <c>GenieKey</c> (Opsgenie), <c>Splunk</c> (HEC),
        /// <c>DeepL-Auth-Key</c>.
        /// </summary>
        private static readonly HashSet<string> TokenSchemes = new(StringComparer.OrdinalIgnoreCase)
        {
            "Bearer", "Token", "Bot", "OAuth", "JWT", "SSWS", "ApiKey", "Api-Key", "GenieKey", "Splunk", "DeepL-Auth-Key",
        };

        /// <summary>Base64 openings of binary formats (PNG, GIF, WebP/RIFF, SVG, XML, PDF, ZIP): embedded data, not a token.</summary>
        private static readonly ImmutableArray<string> EmbeddedDataPrefixes = ImmutableArray.Create(
            "iVBORw0KGgo", "R0lGOD", "UklGR", "PHN2Zy", "PD94bWw", "JVBERi", "UEsDB");

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

        /// <summary><c>eyJ</c> and every vendor prefix: what <see cref="StartsLikeToken"/> looks for at the start of a word.</summary>
        internal static ImmutableArray<string> TokenStarts { get; } = ImmutableArray.Create("eyJ").AddRange(Prefixes.Select(p => p.Prefix));

        /// <summary>The first characters of <c>eyJ</c> and of every vendor prefix (ASCII).</summary>
        private static readonly bool[] PrefixStarts = CreatePrefixStarts();

        /// <summary>Whether a token of a known shape (a JWT, a vendor prefix) can start with <paramref name="c"/>.</summary>
        internal static bool MayStartToken(char c) => c < 128 && PrefixStarts[c];

        private static bool[] CreatePrefixStarts()
        {
            var starts = new bool[128];
            starts['e'] = true;
            foreach (var prefix in Prefixes)
            {
                starts[prefix.Prefix[0]] = true;
            }

            return starts;
        }

        /// <summary>
        /// The word starts like a token (<c>eyJ</c>, or a known vendor prefix): a cheap test for a candidate literal that
        /// may be one part of a token assembled from several.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool StartsLikeToken(ReadOnlySpan<char> word)
        {
            // Most words start with a character no prefix starts with: one table lookup.
            if (word.Length == 0 || word[0] >= 128 || !PrefixStarts[word[0]])
            {
                return false;
            }

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

        /// <summary>
        /// Classifies a value out of context (as the corpus measurements do): a token, or <c>user:password</c> credentials
        /// in base64 (judged by the password).
        /// </summary>
        /// <remarks>Hex-only strings and GUIDs count only in a credential slot (<see cref="ClassifyCredential"/>).</remarks>
        public static TokenMatch ClassifyToken(string? candidate, double entropyThreshold, int minLength)
            => Classify(candidate, entropyThreshold, minLength, credentialSlot: false);

        /// <summary>
        /// Classifies a value in a credential slot, which every TP0002 sink value is: what follows a token scheme
        /// (<c>Bearer x</c>), a whole <c>Authorization</c> value, the token parameter of a raw-token sink. Also accepts
        /// random hex strings and GUIDs (API keys), which out of context are mostly ids, hashes and trace ids.
        /// </summary>
        public static TokenMatch ClassifyCredential(string? candidate, double entropyThreshold, int minLength)
            => Classify(candidate, entropyThreshold, minLength, credentialSlot: true);

        /// <summary>
        /// Classifies a password (Basic credentials, <c>HttpBasicAuthenticator</c>): only a token is reported, never a
        /// human password: a JWT, a vendor token, or a random string of at least <see cref="MinRandomPasswordLength"/>
        /// characters (a personal access token or API key used as the password).
        /// </summary>
        public static TokenMatch ClassifyPassword(string? candidate, double entropyThreshold, int minLength)
        {
            if (candidate is null || candidate.Trim().Length < Math.Max(minLength, MinRandomPasswordLength))
            {
                // Short: only a JWT or a vendor token counts (their own minimum lengths apply).
                var match = candidate is null ? TokenMatch.None : Classify(candidate, entropyThreshold, int.MaxValue, credentialSlot: false);
                return match.IsToken && match.Kind != HighEntropyKind ? match : TokenMatch.None;
            }

            return Classify(candidate, entropyThreshold, Math.Max(minLength, MinRandomPasswordLength), credentialSlot: true);
        }

        /// <summary>The shortest random password reported: shorter ones may be chosen by a person, and are no tokens.</summary>
        public const int MinRandomPasswordLength = 32;

        [MethodImpl(HotPath.Optimized)]
        private static TokenMatch Classify(string? candidate, double entropyThreshold, int minLength, bool credentialSlot)
        {
            if (candidate is null)
            {
                return TokenMatch.None;
            }

            var text = candidate.Trim();
            if (text.Length == 0 || HasWhitespace(text))
            {
                return TokenMatch.None;
            }

            // A placeholder is never a token. It is asked last, of what would otherwise be one: the verdict is the same,
            // and most strings classified (URLs, messages, names) are no token at all, for which the placeholder test
            // (the costliest here) is not needed.
            var match = ClassifyShape(text, entropyThreshold, minLength, credentialSlot);
            return match.IsToken && !IsPlaceholder(text) ? match : TokenMatch.None;
        }

        /// <summary>What <paramref name="text"/> (trimmed, one word) would be by its shape alone, placeholders not yet excluded.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static TokenMatch ClassifyShape(string text, double entropyThreshold, int minLength, bool credentialSlot)
        {
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

            if (IsTelegramBotToken(text))
            {
                return new TokenMatch("Telegram bot token");
            }

            // base64("user:password"): the credentials are what the password is, never the entropy of the encoding.
            if (TryDecodeBasicCredentials(text, out var password))
            {
                var inner = ClassifyPassword(password, entropyThreshold, minLength);
                return inner.IsToken ? new TokenMatch(inner.Kind + " in Basic credentials") : TokenMatch.None;
            }

            return IsRandomLooking(text, entropyThreshold, minLength, credentialSlot) ? new TokenMatch(HighEntropyKind) : TokenMatch.None;
        }

        /// <summary>
        /// Classifies a full <c>Authorization</c> header value: with a token scheme (<see cref="IsTokenScheme"/>) the
        /// credential is classified; with <c>Basic</c>, the base64 <c>user:password</c> is decoded and its password
        /// classified (<see cref="ClassifyPassword"/>); a bare single word is classified as a credential; other schemes
        /// (<c>Digest</c>, <c>Negotiate</c>, ...) and a scheme alone are never tokens.
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
                // The whole Authorization value is the credential (a hex API key as the header, as real code has it).
                return IsKnownScheme(text) ? TokenMatch.None : ClassifyCredential(text, entropyThreshold, minLength);
            }

            var scheme = text.Substring(0, space);
            var credential = text.Substring(space + 1);
            if (IsTokenScheme(scheme))
            {
                return ClassifyCredential(credential, entropyThreshold, minLength);
            }

            if (string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase))
            {
                var trimmed = credential.Trim();
                if (TryDecodeBasicCredentials(trimmed, out var password))
                {
                    var inner = ClassifyPassword(password, entropyThreshold, minLength);
                    return inner.IsToken ? new TokenMatch(inner.Kind + " in Basic credentials") : TokenMatch.None;
                }
            }

            return TokenMatch.None;
        }

        /// <summary>
        /// The length of <paramref name="text"/>'s leading Telegram bot id (8 to 10 digits before the first colon), or -1:
        /// the start of a Telegram bot token, which the cheap test of token literals looks for in a whole word.
        /// </summary>
        internal static int TelegramIdLength(ReadOnlySpan<char> text)
        {
            var colon = text.IndexOf(':');
            if (colon is < 8 or > 10)
            {
                return -1;
            }

            foreach (var c in text.Slice(0, colon))
            {
                if (c is < '0' or > '9')
                {
                    return -1;
                }
            }

            return colon;
        }

        /// <summary>The characters besides ASCII letters and digits that a random-looking token may hold.</summary>
        internal static bool IsRandomTokenSeparator(char c) => c is '-' or '_' or '.' or '+' or '/' or '=' or '~';

        /// <summary>The characters a random-looking token never starts with (paths, options, relative names).</summary>
        internal static bool CannotStartRandomToken(char c) => c is '/' or '.' or '~' or '-';

        /// <summary>A Telegram bot token: the bot's numeric id (8 to 10 digits), a colon and 35 base64url characters.</summary>
        private static bool IsTelegramBotToken(string text)
        {
            var colon = TelegramIdLength(text.AsSpan());
            if (colon < 0 || text.Length != colon + 36)
            {
                return false;
            }

            var secret = text.Substring(colon + 1);
            return IsAll(secret, Alphabet.Base64Url) && !IsFiller(secret) && ShannonEntropy(secret) >= 3.5;
        }

        /// <summary>
        /// <paramref name="text"/> is padded standard base64 of printable ASCII <c>user:password</c> with a
        /// non-empty password; <paramref name="password"/> is the part after the first colon.
        /// </summary>
        public static bool TryDecodeBasicCredentials(string text, out string password)
        {
            password = string.Empty;
            var length = text.Length;

            // Basic credentials are padded base64 (RFC 7617): a multiple of four characters.
            if (length < 8 || length > 4096 || length % 4 != 0)
            {
                return false;
            }

            // Decoded on the fly, nothing allocated unless it is credentials: every byte printable ASCII, one colon at least.
            var padding = text[length - 1] == '=' ? (text[length - 2] == '=' ? 2 : 1) : 0;
            var decodedLength = (length / 4 * 3) - padding;
            int colon = -1, position = 0;
            for (var i = 0; i < length; i += 4)
            {
                var quad = 0;
                for (var j = 0; j < 4; j++)
                {
                    var value = i + j >= length - padding ? 0 : Base64Value(text[i + j]);
                    if (value < 0)
                    {
                        return false;
                    }

                    quad = (quad << 6) | value;
                }

                for (var k = 2; k >= 0 && position < decodedLength; k--, position++)
                {
                    var b = (quad >> (8 * k)) & 0xFF;
                    if (b < 0x20 || b > 0x7E)
                    {
                        return false;
                    }

                    if (b == ':' && colon < 0)
                    {
                        colon = position;
                    }
                }
            }

            if (colon < 0 || colon == decodedLength - 1)
            {
                return false;
            }

            var bytes = Convert.FromBase64String(text);
            password = System.Text.Encoding.ASCII.GetString(bytes, colon + 1, bytes.Length - colon - 1);
            return true;
        }

        private static int Base64Value(char c)
            => c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= 'a' and <= 'z' => c - 'a' + 26,
                >= '0' and <= '9' => c - '0' + 52,
                '+' => 62,
                '/' => 63,
                _ => -1,
            };

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

        /// <summary>The schemes that carry a bearer or API token, any case (see <see cref="TokenSchemes"/>).</summary>
        public static bool IsTokenScheme(string? scheme)
            => scheme is not null && TokenSchemes.Contains(scheme.Trim());

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
        [MethodImpl(HotPath.Optimized)]
        public static double ShannonEntropy(string text)
        {
            if (text.Length == 0)
            {
                return 0;
            }

            // ASCII (every token alphabet) is counted in a fixed table, anything else in a dictionary.
            Span<int> ascii = stackalloc int[128];
            Dictionary<char, int>? others = null;
            foreach (var c in text)
            {
                if (c < 128)
                {
                    ascii[c]++;
                }
                else
                {
                    others ??= new Dictionary<char, int>();
                    others.TryGetValue(c, out var n);
                    others[c] = n + 1;
                }
            }

            double entropy = 0;
            foreach (var count in ascii)
            {
                if (count > 0)
                {
                    var p = (double)count / text.Length;
                    entropy -= p * Math.Log(p, 2);
                }
            }

            if (others is not null)
            {
                foreach (var count in others.Values)
                {
                    var p = (double)count / text.Length;
                    entropy -= p * Math.Log(p, 2);
                }
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

        /// <summary>
        /// A random-looking string with no known prefix: long enough, from a token alphabet, letters and digits mixed at
        /// random rather than forming words, and of high Shannon entropy. Kept silent: URLs, paths, identifiers and
        /// dotted names (their words are long), version strings, embedded images and documents (their base64 opening),
        /// and hex-only strings and GUIDs outside a credential slot (ids, hashes, trace ids).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        internal static bool IsRandomLooking(string text, double threshold, int minLength, bool credentialSlot)
        {
            if (text.Length < minLength || text.IndexOf("://", StringComparison.Ordinal) >= 0 || CannotStartRandomToken(text[0]))
            {
                return false;
            }

            bool letter = false, digit = false, hex = true;
            int words = 0, longestWord = 0, word = 0, upper = 0, lower = 0, digits = 0, separators = 0;
            var previous = CharClass.Separator;
            foreach (var c in text)
            {
                var current = IsAsciiLetter(c) ? (c <= 'Z' ? CharClass.Upper : CharClass.Lower) : c is >= '0' and <= '9' ? CharClass.Digit : CharClass.Separator;
                if (current == CharClass.Separator && !IsRandomTokenSeparator(c))
                {
                    // Not a token alphabet (spaces, punctuation, non-ASCII): prose, formats, code.
                    return false;
                }

                if (current == CharClass.Separator)
                {
                    separators++;
                    previous = current;
                    continue;
                }

                _ = current == CharClass.Upper ? upper++ : current == CharClass.Lower ? lower++ : digits++;
                letter |= current != CharClass.Digit;
                digit |= current == CharClass.Digit;
                hex &= current == CharClass.Digit || c is (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

                // A word: a run of one class, where an upper-case letter followed by lower case starts a word (camelCase).
                var continues = current == previous || (previous == CharClass.Upper && current == CharClass.Lower && word == 1);
                word = continues ? word + 1 : 1;
                if (!continues)
                {
                    words++;
                }

                if (current != CharClass.Digit)
                {
                    longestWord = Math.Max(longestWord, word);
                }

                previous = current;
            }

            // Mixed character classes: letters and digits. Words, identifiers and numbers are not tokens.
            if (!letter || !digit)
            {
                return false;
            }

            // 0123456789abcdef, abcd1234...: a run of consecutive characters is an alphabet or a sample, not a secret.
            if (IsMostlySequential(text))
            {
                return false;
            }

            // Hex (API keys, GUIDs, but also hashes, commit ids and trace ids) only where the value must be a credential;
            // a random hex string has 16 symbols and scores about half a bit lower than base62/64.
            if (hex)
            {
                return credentialSlot && ShannonEntropy(text) >= threshold - HexThresholdReduction;
            }

            foreach (var prefix in EmbeddedDataPrefixes)
            {
                if (text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            // Random text changes character class as often as its mix of classes predicts; names, paths and versions are
            // made of words, longer than that. A run of one class continues with probability q = sum of p(class)^2, so
            // random runs average 1 / (1 - q) characters, and the longest of n characters about log(n) / log(1 / q).
            double n = text.Length;
            var meanWord = (n - separators) / words;
            if (meanWord > MaxMeanWordLength || longestWord > MaxWordLength)
            {
                var q = ((double)upper * upper + (double)lower * lower + (double)digits * digits + (double)separators * separators) / (n * n);
                if (meanWord > MaxWordRatio / (1 - q) || longestWord > (Math.Log(n) / Math.Log(1 / q)) + LongestWordSlack)
                {
                    return false;
                }
            }

            // Names joined by separators (dapr.proto.runtime.v1, application/vnd.github.v3+json, workflow-name-v2): most
            // segments are letters only, where a random segment of that length almost never is.
            if (separators >= 2 && MostSegmentsAreWords(text))
            {
                return false;
            }

            // Encoded text (base64 or base32 of printable ASCII, "U29tZSBDb250ZW50"): a random token decodes to random
            // bytes. Last, since it decodes.
            return ShannonEntropy(text) >= threshold && !DecodesToText(text);
        }

        private static bool IsMostlySequential(string text)
        {
            var sequential = 0;
            for (var i = 1; i < text.Length; i++)
            {
                if (text[i] == text[i - 1] + 1)
                {
                    sequential++;
                }
            }

            return sequential * 2 > text.Length;
        }

        private static bool MostSegmentsAreWords(string text)
        {
            int segments = 0, wordSegments = 0, length = 0;
            var lettersOnly = true;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && (IsAsciiLetter(text[i]) || text[i] is >= '0' and <= '9'))
                {
                    length++;
                    lettersOnly &= IsAsciiLetter(text[i]);
                    continue;
                }

                if (length > 0)
                {
                    segments++;
                    if (lettersOnly && length >= 3)
                    {
                        wordSegments++;
                    }
                }

                length = 0;
                lettersOnly = true;
            }

            return wordSegments * 2 > segments;
        }

        /// <summary>Base64 (standard or url-safe) or base32 whose decoded bytes are all printable ASCII.</summary>
        private static bool DecodesToText(string text)
        {
            var body = text.TrimEnd('=');
            if (body.Length < 8)
            {
                return false;
            }

            var base32 = true;
            foreach (var c in body)
            {
                base32 &= c is (>= 'A' and <= 'Z') or (>= '2' and <= '7');
                if (!(IsAsciiLetter(c) || c is (>= '0' and <= '9') or '+' or '/' or '-' or '_'))
                {
                    return false;
                }
            }

            if (base32 && IsPrintable(DecodeBase32(body)))
            {
                return true;
            }

            if (body.Length % 4 == 1)
            {
                return false;
            }

            var standard = body.Replace('-', '+').Replace('_', '/');
            try
            {
                return IsPrintable(Convert.FromBase64String(standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=')));
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private static byte[] DecodeBase32(string text)
        {
            var bytes = new List<byte>(text.Length * 5 / 8);
            int buffer = 0, bits = 0;
            foreach (var c in text)
            {
                buffer = (buffer << 5) | (c >= 'A' ? c - 'A' : c - '2' + 26);
                bits += 5;
                if (bits >= 8)
                {
                    bits -= 8;
                    bytes.Add((byte)(buffer >> bits));
                    buffer &= (1 << bits) - 1;
                }
            }

            return bytes.ToArray();
        }

        private static bool IsPrintable(byte[] bytes)
        {
            if (bytes.Length < 6)
            {
                return false;
            }

            foreach (var b in bytes)
            {
                if (b < 0x20 || b > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Longest mean word (run of one character class) of a random-looking string; base62 has about 1.8, base32 lower case about 3.</summary>
        public const double MaxMeanWordLength = 3.2;

        /// <summary>Longest run of letters of one case in a random-looking string (a run of 9 random letters is rare; most words are shorter).</summary>
        public const int MaxWordLength = 8;

        /// <summary>How much longer than random the mean word (run of one character class, camelCase joined) may be.</summary>
        public const double MaxWordRatio = 1.5;

        /// <summary>How many letters longer than the expected longest random run the longest word may be.</summary>
        public const double LongestWordSlack = 3;

        private enum CharClass
        {
            Separator,
            Upper,
            Lower,
            Digit,
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

        internal static bool HasWhitespace(string text) => IndexOfWhitespace(text) >= 0;

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
                Alphabet.DottedBase64 => digit || IsAsciiLetter(c) || c is '_' or '-' or '.' or '+' or '/' or '=',
                _ => digit || IsAsciiLetter(c) || c is '_' or '-',
            };
        }

        private enum Alphabet
        {
            UpperAlphanumeric,
            Alphanumeric,
            AlphanumericUnderscore,
            Base64Url,

            /// <summary>Base64 or base64url segments joined by dots, with padding (<c>perm:</c>, <c>SG.</c>, <c>ya29.</c>).</summary>
            DottedBase64,
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
