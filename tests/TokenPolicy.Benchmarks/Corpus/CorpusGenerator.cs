using System.Text;

namespace TokenPolicy.Benchmarks.Corpus;

/// <summary>
/// Deterministic generator of realistic service code: options classes, HttpClient API clients with headers,
/// file stores reading many paths, records and LINQ reports, constants, async workers, formatting helpers,
/// and a sprinkling of planted violations (TP0001/TP0002/TP0003 shapes from issue 2, TP0004 shapes from issue 15) and near-misses.
/// Every planted violation is written on one line and recorded, so the run can compare the analyzers'
/// findings with what was planted. Same seed and size: byte-identical output.
/// </summary>
public sealed class CorpusGenerator
{
    private static readonly string[] Nouns =
    {
        "Order", "Invoice", "Customer", "Repository", "Pipeline", "Build", "Artifact", "Tenant", "Project",
        "Workspace", "Session", "Runner", "Agent", "Job", "Schedule", "Report", "Metric", "Alert", "Webhook",
        "Deployment", "Cluster", "Node", "Volume", "Backup", "Snapshot", "Quota", "Billing", "Catalog",
        "Inventory", "Shipment", "Ticket", "Comment", "Release", "Package", "Feed", "Template", "Policy",
        "Audit", "Event", "Subscription", "Payment", "Refund", "Account", "Profile", "Team", "Member",
    };

    private static readonly string[] Apps =
    {
        "orders", "billing", "catalog", "gateway", "runner", "scheduler", "notifier", "indexer", "ingest",
        "reports", "backup", "search", "identity", "audit", "webhooks", "metrics",
    };

    private static readonly string[] Hosts =
    {
        "backend.ambient.svc.cluster.local", "api.internal.svc", "localhost:8080", "orders.default.svc",
        "catalog.platform.svc.cluster.local", "127.0.0.1:5000",
    };

    private readonly Random _rng;
    private readonly int _targetLines;
    private int _counter;

    public CorpusGenerator(int seed, int targetLines)
    {
        _rng = new Random(seed);
        _targetLines = targetLines;
    }

    /// <summary>Fraction of generated class groups that get a planted violation or near-miss.</summary>
    public double SiteRate { get; init; } = 0.11;

    /// <summary>Minimum number of documents (per-document latency needs at least 200).</summary>
    public int MinDocuments { get; init; }

    public GeneratedCorpus Generate()
    {
        var files = new List<SourceFile>();
        var planted = new List<PlantedSite>();
        files.Add(new SourceFile("Stubs/KubernetesStubs.cs", KubernetesStubs));
        files.Add(new SourceFile("Stubs/TokenPolicyStubs.cs", TokenPolicyStubs));
        var lines = LineCount(KubernetesStubs) + LineCount(TokenPolicyStubs);
        var nearMisses = 0;

        // Average file size is chosen so that the target line count also yields the minimum document count.
        var averageFileLines = MinDocuments > 0 ? Math.Clamp(_targetLines / (MinDocuments + 20), 20, 320) : 320;
        var fileIndex = 0;
        while (lines < _targetLines || files.Count - 1 < MinDocuments)
        {
            var path = $"Module{fileIndex / 40:D2}/{Pick(Nouns)}{Pick(new[] { "Service", "Client", "Store", "Reports", "Worker", "Options", "Helpers" })}{fileIndex}.cs";
            var ns = $"Corpus.Module{fileIndex / 40:D2}";
            var fileTarget = (int)(averageFileLines * (0.35 + _rng.NextDouble() * 1.3));
            var w = new Writer(path);
            WriteHeader(w, ns);
            while (w.Lines < fileTarget)
            {
                WriteGroup(w);
                if (_rng.NextDouble() < SiteRate)
                {
                    nearMisses += WriteSite(w);
                }
            }

            files.Add(new SourceFile(path, w.ToString()));
            planted.AddRange(w.Planted);
            lines += w.Lines;
            fileIndex++;
        }

        return new GeneratedCorpus(files, planted, nearMisses);
    }

    private static int LineCount(string text)
    {
        var n = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                n++;
            }
        }

        return n;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private string Unique(string stem) => stem + (++_counter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteHeader(Writer w, string ns)
    {
        w.L("// TokenPolicy benchmark corpus: synthetic service code (deliberately not marked as generated code).");
        w.L("using System;");
        w.L("using System.Collections.Generic;");
        w.L("using System.IO;");
        w.L("using System.Linq;");
        w.L("using System.Net;");
        w.L("using System.Net.Http;");
        w.L("using System.Net.Http.Headers;");
        w.L("using System.Text;");
        w.L("using System.Text.Json;");
        w.L("using System.Threading;");
        w.L("using System.Threading.Tasks;");
        w.L("using k8s;");
        w.L("using k8s.Authentication;");
        w.L("using TokenPolicy.Credentials;");
        w.L("");
        w.L($"namespace {ns};");
        w.L("");
    }

    private void WriteGroup(Writer w)
    {
        switch (_rng.Next(8))
        {
            case 0: WriteOptions(w, Unique(Pick(Nouns))); break;
            case 1:
            case 2: WriteApiClient(w); break;
            case 3: WriteFileStore(w); break;
            case 4: WriteRecordsAndReports(w); break;
            case 5: WriteConstants(w); break;
            case 6: WriteWorker(w); break;
            default: WriteFormatter(w); break;
        }
    }

    private void WriteOptions(Writer w, string name)
    {
        var app = Pick(Apps);
        w.L($"public sealed class {name}Options");
        w.L("{");
        w.L($"    public const string SectionName = \"{name}\";");
        w.L($"    public string BaseAddress {{ get; set; }} = \"http://{Pick(Hosts)}/\";");
        w.L($"    public string DataDirectory {{ get; set; }} = \"/var/lib/{app}/data\";");
        w.L($"    public string CacheFile {{ get; set; }} = \"/tmp/{app}/cache-{_rng.Next(100)}.json\";");
        w.L($"    public string CertificatePath {{ get; set; }} = \"/etc/{app}/tls/tls.crt\";");
        w.L($"    public TimeSpan Timeout {{ get; set; }} = TimeSpan.FromSeconds({5 + _rng.Next(60)});");
        w.L($"    public int RetryCount {{ get; set; }} = {1 + _rng.Next(5)};");
        w.L("    public bool EnableCompression { get; set; }");
        w.L($"    public List<string> AllowedHosts {{ get; }} = new() {{ \"{Pick(Hosts)}\", \"{Pick(Hosts)}\" }};");
        w.L("    public Uri BuildUri(string relative) => new Uri(new Uri(BaseAddress), relative);");
        w.L("    public bool IsAllowed(string host) => AllowedHosts.Any(h => string.Equals(h, host, StringComparison.OrdinalIgnoreCase));");
        w.L("}");
        w.L("");
    }

    private void WriteApiClient(Writer w)
    {
        var noun = Pick(Nouns);
        var name = Unique(noun);
        var route = noun.ToLowerInvariant() + "s";
        WriteOptions(w, name + "Api");
        w.L($"public sealed record {name}Dto(string Id, string Name, bool IsActive, decimal Amount, DateTimeOffset UpdatedAt);");
        w.L("");
        w.L($"public sealed class {name}ApiClient");
        w.L("{");
        w.L("    private readonly HttpClient _http;");
        w.L($"    private readonly {name}ApiOptions _options;");
        w.L("    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);");
        w.L("");
        w.L($"    public {name}ApiClient(HttpClient http, {name}ApiOptions options)");
        w.L("    {");
        w.L("        _http = http ?? throw new ArgumentNullException(nameof(http));");
        w.L("        _options = options;");
        w.L("        _http.BaseAddress ??= new Uri(options.BaseAddress);");
        w.L("        _http.Timeout = options.Timeout;");
        w.L("        _http.DefaultRequestHeaders.UserAgent.ParseAdd(\"corpus-client/1.0\");");
        w.L("    }");
        w.L("");
        w.L($"    public async Task<{name}Dto?> GetAsync(string id, CancellationToken cancellationToken = default)");
        w.L("    {");
        w.L($"        using var request = new HttpRequestMessage(HttpMethod.Get, $\"api/v{1 + _rng.Next(3)}/{route}/{{Uri.EscapeDataString(id)}}\");");
        w.L("        request.Headers.Add(\"X-Request-Id\", Guid.NewGuid().ToString(\"N\"));");
        w.L("        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(\"application/json\"));");
        w.L("        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);");
        w.L("        if (response.StatusCode == HttpStatusCode.NotFound)");
        w.L("        {");
        w.L("            return null;");
        w.L("        }");
        w.L("");
        w.L("        response.EnsureSuccessStatusCode();");
        w.L("        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);");
        w.L($"        return await JsonSerializer.DeserializeAsync<{name}Dto>(stream, JsonOptions, cancellationToken).ConfigureAwait(false);");
        w.L("    }");
        w.L("");
        w.L($"    public async Task<IReadOnlyList<{name}Dto>> ListActiveAsync(int page, CancellationToken cancellationToken = default)");
        w.L("    {");
        w.L($"        var json = await _http.GetStringAsync($\"api/{route}?page={{page}}&size={10 * (1 + _rng.Next(10))}\", cancellationToken).ConfigureAwait(false);");
        w.L($"        var items = JsonSerializer.Deserialize<List<{name}Dto>>(json, JsonOptions) ?? new List<{name}Dto>();");
        w.L("        return items.Where(i => i.IsActive).OrderBy(i => i.Name, StringComparer.Ordinal).ThenByDescending(i => i.UpdatedAt).ToList();");
        w.L("    }");
        w.L("");
        w.L($"    public async Task<bool> SaveAsync({name}Dto item, string accessToken, CancellationToken cancellationToken = default)");
        w.L("    {");
        w.L($"        using var request = new HttpRequestMessage(HttpMethod.Put, $\"api/{route}/{{item.Id}}\")");
        w.L("        {");
        w.L("            Content = new StringContent(JsonSerializer.Serialize(item, JsonOptions), Encoding.UTF8, \"application/json\"),");
        w.L("        };");
        w.L("        request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", accessToken);");
        w.L("        request.Headers.TryAddWithoutValidation(\"X-Correlation-Id\", item.Id);");
        if (_rng.Next(2) == 0)
        {
            w.L("        request.Headers.Add(\"If-Match\", $\"\\\"{item.UpdatedAt.ToUnixTimeSeconds()}\\\"\");");
        }

        w.L("        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);");
        w.L("        return response.IsSuccessStatusCode;");
        w.L("    }");
        w.L("");
        w.L("    public async Task<int> CountAsync(CancellationToken cancellationToken = default)");
        w.L("    {");
        w.L("        for (var attempt = 0; ; attempt++)");
        w.L("        {");
        w.L("            try");
        w.L("            {");
        w.L($"                var text = await _http.GetStringAsync(\"api/{route}/count\", cancellationToken).ConfigureAwait(false);");
        w.L("                return int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);");
        w.L("            }");
        w.L("            catch (HttpRequestException ex) when (attempt < _options.RetryCount)");
        w.L("            {");
        w.L("                Console.Error.WriteLine($\"retry {attempt}: {ex.StatusCode}\");");
        w.L("                await Task.Delay(TimeSpan.FromMilliseconds(100 * (attempt + 1)), cancellationToken).ConfigureAwait(false);");
        w.L("            }");
        w.L("        }");
        w.L("    }");
        w.L("}");
        w.L("");
    }

    private void WriteFileStore(Writer w)
    {
        var name = Unique(Pick(Nouns));
        var app = Pick(Apps);
        w.L($"public sealed class {name}FileStore");
        w.L("{");
        w.L("    private const string IndexFile = \"index.json\";");
        w.L($"    private const string ConfigDirectory = \"/etc/{app}\";");
        w.L("    private readonly string _root;");
        w.L("");
        w.L($"    public {name}FileStore(string? root = null) => _root = root ?? Path.Combine(Path.GetTempPath(), \"{app}\");");
        w.L("");
        w.L("    public string ReadIndex() => File.ReadAllText(Path.Combine(_root, IndexFile));");
        w.L("");
        w.L("    public Task<string[]> ReadRowsAsync(string table, CancellationToken cancellationToken) =>");
        w.L("        File.ReadAllLinesAsync(Path.Combine(_root, \"data\", table + \".csv\"), cancellationToken);");
        w.L("");
        w.L("    public byte[] LoadBlob(string key)");
        w.L("    {");
        w.L("        var path = Path.Join(_root, \"blobs\", key.Substring(0, 2), key);");
        w.L("        return File.Exists(path) ? File.ReadAllBytes(path) : Array.Empty<byte>();");
        w.L("    }");
        w.L("");
        w.L("    public IEnumerable<string> Tail(string file, int count) =>");
        w.L("        File.ReadLines(Path.Combine(_root, \"logs\", file)).Reverse().Take(count);");
        w.L("");
        w.L("    public async Task<string> ReadSettingsAsync(CancellationToken cancellationToken)");
        w.L("    {");
        w.L($"        using var reader = new StreamReader(Path.Combine(ConfigDirectory, \"{app}.yaml\"));");
        w.L("        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);");
        w.L("    }");
        w.L("");
        w.L("    public long SizeOf(string name)");
        w.L("    {");
        w.L("        using var stream = new FileStream(Path.Combine(_root, name), FileMode.Open, FileAccess.Read, FileShare.Read);");
        w.L("        return stream.Length;");
        w.L("    }");
        w.L("");
        w.L("    public string ReadCertificate() => File.ReadAllText(ConfigDirectory + \"/tls/ca.pem\");");
        w.L("");
        w.L("    public void Save(string name, string content)");
        w.L("    {");
        w.L("        Directory.CreateDirectory(_root);");
        w.L("        File.WriteAllText(Path.Combine(_root, name), content, Encoding.UTF8);");
        w.L("    }");
        w.L("");
        w.L("    public IReadOnlyList<string> ListRecent(TimeSpan age) =>");
        w.L("        Directory.EnumerateFiles(_root, \"*.json\", SearchOption.AllDirectories)");
        w.L("            .Where(f => DateTime.UtcNow - File.GetLastWriteTimeUtc(f) < age)");
        w.L("            .Select(Path.GetFileName)");
        w.L("            .OfType<string>()");
        w.L("            .ToList();");
        if (_rng.Next(2) == 0)
        {
            w.L("");
            w.L("    public string? ReadHostname() => File.Exists(\"/etc/hostname\") ? File.ReadAllText(\"/etc/hostname\").Trim() : null;");
        }

        w.L("}");
        w.L("");
    }

    private void WriteRecordsAndReports(Writer w)
    {
        var name = Unique(Pick(Nouns));
        w.L($"public sealed record {name}Row(int Id, string Name, string Region, decimal Amount, DateTime CreatedAt, bool IsActive);");
        w.L("");
        w.L($"public static class {name}Reports");
        w.L("{");
        w.L($"    public static IReadOnlyDictionary<string, decimal> TotalsByRegion(IEnumerable<{name}Row> rows) =>");
        w.L("        rows.Where(r => r.IsActive).GroupBy(r => r.Region).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));");
        w.L("");
        w.L($"    public static string Summary(IReadOnlyList<{name}Row> rows, int top = {3 + _rng.Next(8)})");
        w.L("    {");
        w.L("        var lines = rows.OrderByDescending(r => r.Amount).Take(top).Select((r, i) => $\"{i + 1}. {r.Name} ({r.Region}): {r.Amount:N2}\");");
        w.L("        return string.Join(Environment.NewLine, lines);");
        w.L("    }");
        w.L("");
        w.L($"    public static IEnumerable<(string Month, int Count)> Monthly(IEnumerable<{name}Row> rows) =>");
        w.L("        from r in rows");
        w.L("        where r.CreatedAt.Year >= 2020");
        w.L("        group r by r.CreatedAt.ToString(\"yyyy-MM\") into g");
        w.L("        orderby g.Key");
        w.L("        select (g.Key, g.Count());");
        w.L("");
        w.L($"    public static {name}Row? Largest(IEnumerable<{name}Row> rows) => rows.MaxBy(r => r.Amount);");
        w.L("");
        w.L($"    public static decimal Percentile(IReadOnlyList<{name}Row> rows, double p)");
        w.L("    {");
        w.L("        if (rows.Count == 0)");
        w.L("        {");
        w.L("            return 0m;");
        w.L("        }");
        w.L("");
        w.L("        var sorted = rows.Select(r => r.Amount).Order().ToArray();");
        w.L("        var index = (int)Math.Clamp(Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1);");
        w.L("        return sorted[index];");
        w.L("    }");
        w.L("}");
        w.L("");
    }

    private void WriteConstants(Writer w)
    {
        var name = Unique(Pick(Nouns));
        var app = Pick(Apps);
        w.L($"public static class {name}Constants");
        w.L("{");
        w.L($"    public const string ApiPrefix = \"/api/v{1 + _rng.Next(3)}/\";");
        w.L("    public const string CorrelationHeader = \"X-Correlation-Id\";");
        w.L("    public const string AuthorizationHeader = \"Authorization\";");
        w.L("    public const string BearerPrefix = \"Bearer \";");
        w.L($"    public const string DataRoot = \"/var/lib/{app}\";");
        w.L("    public const string StateFile = DataRoot + \"/state.json\";");
        w.L($"    public const string EnvironmentVariable = \"{app.ToUpperInvariant()}_ENDPOINT\";");
        w.L($"    public static readonly string LogDirectory = Path.Combine(DataRoot, \"logs\");");
        w.L($"    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds({10 + _rng.Next(50)});");
        w.L($"    public static readonly IReadOnlyList<string> Regions = new[] {{ \"eu-west\", \"us-east\", \"ap-south\" }};");
        w.L($"    public static string Endpoint => Environment.GetEnvironmentVariable(EnvironmentVariable) ?? \"http://{Pick(Hosts)}\";");
        w.L("}");
        w.L("");
    }

    private void WriteWorker(Writer w)
    {
        var name = Unique(Pick(Nouns));
        w.L($"public sealed class {name}Worker : IAsyncDisposable");
        w.L("{");
        w.L("    private readonly CancellationTokenSource _stopping = new();");
        w.L("    private readonly Queue<string> _pending = new();");
        w.L("    private Task? _loop;");
        w.L("    private int _processed;");
        w.L("");
        w.L("    public int Processed => Volatile.Read(ref _processed);");
        w.L("");
        w.L("    public void Start() => _loop = Task.Run(() => RunAsync(_stopping.Token));");
        w.L("");
        w.L("    public void Enqueue(string item)");
        w.L("    {");
        w.L("        lock (_pending)");
        w.L("        {");
        w.L("            _pending.Enqueue(item);");
        w.L("        }");
        w.L("    }");
        w.L("");
        w.L("    private async Task RunAsync(CancellationToken cancellationToken)");
        w.L("    {");
        w.L("        while (!cancellationToken.IsCancellationRequested)");
        w.L("        {");
        w.L("            string? next;");
        w.L("            lock (_pending)");
        w.L("            {");
        w.L("                _pending.TryDequeue(out next);");
        w.L("            }");
        w.L("");
        w.L("            if (next is null)");
        w.L("            {");
        w.L($"                await Task.Delay({50 * (1 + _rng.Next(10))}, cancellationToken).ConfigureAwait(false);");
        w.L("                continue;");
        w.L("            }");
        w.L("");
        w.L("            try");
        w.L("            {");
        w.L("                await ProcessAsync(next, cancellationToken).ConfigureAwait(false);");
        w.L("                Interlocked.Increment(ref _processed);");
        w.L("            }");
        w.L("            catch (Exception ex) when (ex is not OperationCanceledException)");
        w.L("            {");
        w.L($"                Console.Error.WriteLine($\"{name}: failed {{next}}: {{ex.Message}}\");");
        w.L("            }");
        w.L("        }");
        w.L("    }");
        w.L("");
        w.L("    private static Task ProcessAsync(string item, CancellationToken cancellationToken) =>");
        w.L("        item.Length % 7 == 0 ? Task.Delay(1, cancellationToken) : Task.CompletedTask;");
        w.L("");
        w.L("    public async ValueTask DisposeAsync()");
        w.L("    {");
        w.L("        _stopping.Cancel();");
        w.L("        if (_loop is not null)");
        w.L("        {");
        w.L("            try { await _loop.ConfigureAwait(false); } catch (OperationCanceledException) { }");
        w.L("        }");
        w.L("");
        w.L("        _stopping.Dispose();");
        w.L("    }");
        w.L("}");
        w.L("");
    }

    private void WriteFormatter(Writer w)
    {
        var name = Unique(Pick(Nouns));
        w.L($"public static class {name}Format");
        w.L("{");
        w.L("    public static string Describe(object? value) => value switch");
        w.L("    {");
        w.L("        null => \"(null)\",");
        w.L("        string s when s.Length == 0 => \"(empty)\",");
        w.L("        string s => '\"' + s + '\"',");
        w.L("        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),");
        w.L("        IEnumerable<string> list => \"[\" + string.Join(\", \", list) + \"]\",");
        w.L("        _ => value.ToString() ?? string.Empty,");
        w.L("    };");
        w.L("");
        w.L("    public static string Slug(string text)");
        w.L("    {");
        w.L("        var sb = new StringBuilder(text.Length);");
        w.L("        foreach (var c in text.Trim().ToLowerInvariant())");
        w.L("        {");
        w.L("            if (char.IsLetterOrDigit(c))");
        w.L("            {");
        w.L("                sb.Append(c);");
        w.L("            }");
        w.L("            else if (sb.Length > 0 && sb[^1] != '-')");
        w.L("            {");
        w.L("                sb.Append('-');");
        w.L("            }");
        w.L("        }");
        w.L("");
        w.L("        return sb.ToString().TrimEnd('-');");
        w.L("    }");
        w.L("");
        w.L($"    public static string Masked(string secret) => secret.Length <= {4 + _rng.Next(4)} ? \"****\" : secret[..4] + new string('*', secret.Length - 4);");
        w.L("");
        w.L("    public static string StripBearer(string header) =>");
        w.L("        header.StartsWith(\"Bearer \", StringComparison.OrdinalIgnoreCase) ? header.Substring(\"Bearer \".Length) : header;");
        w.L("}");
        w.L("");
    }

    // ---------------------------------------------------------------- planted sites

    /// <summary>Writes one credential-handling class: a planted violation (recorded) or near-misses. Returns near-miss count.</summary>
    private int WriteSite(Writer w)
    {
        var name = Unique("Credential");
        var roll = _rng.NextDouble();
        w.L($"public sealed class {name}Source");
        w.L("{");
        w.L("    private const string ServiceAccountDirectory = \"/var/run/secrets/kubernetes.io/serviceaccount\";");
        w.L("    private const string SaTokenPath = ServiceAccountDirectory + \"/token\";");
        var nearMisses = 0;
        if (roll < 0.30)
        {
            WriteTp0001(w, name);
        }
        else if (roll < 0.60)
        {
            WriteTp0002(w, name);
        }
        else if (roll < 0.66)
        {
            WriteTp0003(w);
        }
        else if (roll < 0.74)
        {
            nearMisses = WriteTp0004(w);
        }
        else
        {
            nearMisses = WriteNearMisses(w);
        }

        w.L("}");
        w.L("");
        return nearMisses;
    }

    private void WriteTp0001(Writer w, string name)
    {
        w.L("    private readonly HttpClient _http = new();");
        w.L("");
        w.L("    public async Task<string> FetchAsync(string url, CancellationToken cancellationToken)");
        w.L("    {");
        switch (_rng.Next(10))
        {
            case 0:
                w.P("TP0001", "        var token = File.ReadAllText(\"/var/run/secrets/kubernetes.io/serviceaccount/token\").Trim();");
                break;
            case 1:
                w.P("TP0001", "        var token = (await File.ReadAllTextAsync(SaTokenPath, cancellationToken).ConfigureAwait(false)).Trim();");
                break;
            case 2:
                w.P("TP0001", "        using var reader = new StreamReader(Path.Combine(ServiceAccountDirectory, \"token\"));");
                w.L("        var token = (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();");
                break;
            case 3:
                w.P("TP0001", "        var token = Encoding.UTF8.GetString(File.ReadAllBytes(\"/run/secrets/kubernetes.io/serviceaccount/token\"));");
                break;
            case 4:
                w.P("TP0001", "        var token = File.ReadAllLines(Path.Combine(\"/var/run/secrets/kubernetes.io\", \"serviceaccount\", \"token\"))[0];");
                break;
            case 5:
                w.L("        var path = ServiceAccountDirectory + Path.AltDirectorySeparatorChar + \"token\";");
                w.P("TP0001", "        var token = File.ReadAllText(path);");
                break;
            case 6:
                w.P("TP0001", "        using var stream = new FileStream(SaTokenPath, FileMode.Open, FileAccess.Read);");
                w.L("        using var reader = new StreamReader(stream);");
                w.L("        var token = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);");
                break;
            case 7:
                w.P("TP0001", "        var token = File.ReadAllText(\"/var/run/secrets/tokens/" + Pick(Apps) + "-token\");");
                break;
            case 8:
                w.L("        var tokenFile = Environment.GetEnvironmentVariable(\"AWS_WEB_IDENTITY_TOKEN_FILE\") ?? throw new InvalidOperationException(\"no token file\");");
                w.P("TP0001", "        var token = await File.ReadAllTextAsync(tokenFile, cancellationToken).ConfigureAwait(false);");
                break;
            default:
                w.P("TP0001", "        var token = File.OpenText(\"/var/run/secrets/eks.amazonaws.com/serviceaccount/token\").ReadToEnd();");
                break;
        }

        w.L("        using var request = new HttpRequestMessage(HttpMethod.Get, url);");
        w.L("        request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", token);");
        w.L("        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);");
        w.L("        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);");
        w.L("    }");
    }

    private void WriteTp0002(Writer w, string name)
    {
        var jwt = FakeJwt();
        var parts = jwt.Split('.');
        var gh = "ghp_" + "FAKE" + RandomToken(32, Alnum);
        var glpat = "glpat-" + "FAKE" + RandomToken(16, Alnum);
        w.L($"    private const string FakeJwtHeader = \"{parts[0]}\";");
        w.L($"    private const string FakeJwtPayload = \"{parts[1]}\";");
        w.L($"    private const string FakeJwtSignature = \"{parts[2]}\";");
        w.L("    private const string FallbackToken = FakeJwtHeader + \".\" + FakeJwtPayload + \".\" + FakeJwtSignature;");
        w.L("");
        w.L("    public void Configure(HttpClient client, HttpRequestMessage request)");
        w.L("    {");
        switch (_rng.Next(7))
        {
            case 0:
                w.P("TP0002", "        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", FallbackToken);");
                break;
            case 1:
                w.P("TP0002", "        request.Headers.Add(\"Authorization\", \"Bearer \" + FallbackToken);");
                break;
            case 2:
                w.P("TP0002", $"        request.Headers.Authorization = new(\"Bearer\", \"{jwt}\");");
                break;
            case 3:
                w.P("TP0002", "        request.Headers.TryAddWithoutValidation(\"authorization\", $\"Bearer {FallbackToken}\");");
                break;
            case 4:
                w.P("TP0002", $"        request.Headers.Authorization = AuthenticationHeaderValue.Parse(\"Bearer {glpat}\");");
                break;
            case 5:
                w.P("TP0002", $"        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"token\", \"{gh}\");");
                break;
            default:
                w.L("        var scheme = \"Bearer\";");
                w.P("TP0002", "        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, FallbackToken);");
                break;
        }

        w.L("    }");
    }

    private void WriteTp0003(Writer w)
    {
        if (_rng.Next(3) == 0)
        {
            w.L("    public static TokenFileAuth CreateAuth()");
            w.L("    {");
            w.P("TP0003", "        return new TokenFileAuth(SaTokenPath);");
            w.L("    }");
            return;
        }

        w.L("    public static KubernetesClientConfiguration CreateConfiguration()");
        w.L("    {");
        w.L("        if (KubernetesClientConfiguration.IsInCluster())");
        w.L("        {");
        w.P("TP0003", "            return KubernetesClientConfiguration.InClusterConfig();");
        w.L("        }");
        w.L("");
        w.L("        return KubernetesClientConfiguration.BuildConfigFromConfigFile();");
        w.L("    }");
    }

    /// <summary>A TP0004 violation (a credential fetch not authenticated by the resolver) and its near-misses. Returns near-miss count.</summary>
    private int WriteTp0004(Writer w)
    {
        w.L("    private static readonly string Backend = Environment.GetEnvironmentVariable(\"BACKEND_API_URL\") ?? \"http://backend.svc\";");
        w.L("    private readonly HttpClient _http = new();");
        w.L("    private readonly ICredentialTokenResolver _resolver = CredentialTokenResolver.Default;");
        w.L("");
        w.L("    private static string CredentialUrl(string id) => $\"{Backend}/api/ambient/v1/credentials/{id}/token\";");
        w.L("");
        w.L("    public async Task<string> FetchAsync(string id, string project, CancellationToken cancellationToken)");
        w.L("    {");
        switch (_rng.Next(5))
        {
            case 0:
                w.L("        using var request = new HttpRequestMessage(HttpMethod.Get, CredentialUrl(id));");
                w.L("        request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", Environment.GetEnvironmentVariable(\"K8S_TOKEN\"));");
                w.P("TP0004", "        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);");
                w.L("        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);");
                break;
            case 1:
                w.L("        var runnerToken = File.ReadAllText(\"/etc/runner/token\").Trim();");
                w.L("        _http.DefaultRequestHeaders.Add(\"Authorization\", \"Bearer \" + runnerToken);");
                w.P("TP0004", "        var body = await _http.GetStringAsync(Backend + \"/api/ambient/v1/credentials/\" + id + \"/token\", cancellationToken).ConfigureAwait(false);");
                break;
            case 2:
                w.P("TP0004", "        var body = await new HttpClient().GetStringAsync($\"{Backend}/api/ambient/v1/projects/{project}/credentials/{id}/token\", cancellationToken).ConfigureAwait(false);");
                break;
            case 3:
                w.L("        var client = new HttpClient { BaseAddress = new Uri(Backend + \"/api/ambient/v1/\") };");
                w.L("        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", Environment.GetEnvironmentVariable(\"RUNNER_TOKEN\"));");
                w.P("TP0004", "        var body = await client.GetStringAsync(new Uri(client.BaseAddress, $\"credentials/{id}/token\"), cancellationToken).ConfigureAwait(false);");
                break;
            default:
                w.L("        using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(Backend) { Path = $\"api/ambient/v1/credentials/{id}/token\" }.Uri);");
                w.P("TP0004", "        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);");
                w.L("        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);");
                break;
        }

        // Near-misses: the resolver's header on the same endpoint, another endpoint with any token, an undecidable URL.
        w.L("        using var sanctioned = new HttpRequestMessage(HttpMethod.Get, CredentialUrl(id));");
        w.L("        sanctioned.Headers.Authorization = (await _resolver.ResolveAsync(cancellationToken).ConfigureAwait(false)).ToAuthorizationHeader();");
        w.L("        using var ok = await _http.SendAsync(sanctioned, cancellationToken).ConfigureAwait(false);");
        w.L("        using var other = new HttpRequestMessage(HttpMethod.Get, $\"{Backend}/api/ambient/v1/sessions/{id}\");");
        w.L("        other.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", Environment.GetEnvironmentVariable(\"K8S_TOKEN\"));");
        w.L("        using var elsewhere = await _http.SendAsync(other, cancellationToken).ConfigureAwait(false);");
        w.L("        var passed = await _http.GetStringAsync(project, cancellationToken).ConfigureAwait(false);");
        w.L("        return body + passed;");
        w.L("    }");
        return 3;
    }

    private int WriteNearMisses(Writer w)
    {
        // Each line below looks like a violation to a symbol ban or a text scanner but is not one under issue 2.
        var count = 0;
        w.L("    public async Task<string?> ResolveAsync(string? callerToken, HttpRequestMessage request, CancellationToken cancellationToken)");
        w.L("    {");
        var picks = Enumerable.Range(0, 10).OrderBy(_ => _rng.Next()).Take(2 + _rng.Next(3)).ToList();
        foreach (var pick in picks)
        {
            count++;
            switch (pick)
            {
                case 0:
                    w.L("        var ns = File.ReadAllText(\"/var/run/secrets/kubernetes.io/serviceaccount/namespace\").Trim();");
                    w.L("        request.Headers.Add(\"X-Namespace\", ns);");
                    break;
                case 1:
                    w.L("        var caPem = await File.ReadAllTextAsync(Path.Combine(ServiceAccountDirectory, \"ca.crt\"), cancellationToken).ConfigureAwait(false);");
                    w.L("        Console.WriteLine(caPem.Length);");
                    break;
                case 2:
                    w.L("        if (!File.Exists(SaTokenPath))");
                    w.L("        {");
                    w.L("            Console.WriteLine($\"not in a cluster: {SaTokenPath} missing\");");
                    w.L("        }");
                    break;
                case 3:
                    w.L("        var botToken = File.ReadAllText(\"/var/run/secrets/ambient/bot-token\").Trim();");
                    w.L("        request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", botToken);");
                    break;
                case 4:
                    w.L("        request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", Environment.GetEnvironmentVariable(\"BOT_TOKEN\"));");
                    break;
                case 5:
                    w.L("        request.Headers.TryAddWithoutValidation(\"Authorization\", \"Bearer <token>\");");
                    break;
                case 6:
                    w.L("        if (callerToken is not null && callerToken.StartsWith(\"Bearer \", StringComparison.Ordinal))");
                    w.L("        {");
                    w.L("            request.Headers.TryAddWithoutValidation(\"Authorization\", callerToken);");
                    w.L("        }");
                    break;
                case 7:
                    w.L("        Console.WriteLine(\"Send the header as: Authorization: Bearer {token}\");");
                    break;
                case 8:
                    w.L($"        const string SampleJwtForDocs = \"{FakeJwt()}\";");
                    w.L("        Console.WriteLine($\"example token length {SampleJwtForDocs.Length}\");");
                    break;
                default:
                    w.L("        var refresh = File.ReadAllText(\"/tmp/session/refresh-token\");");
                    w.L("        request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", \"YOUR_TOKEN\");");
                    w.L("        Console.WriteLine(refresh.Length);");
                    break;
            }
        }

        w.L("        await Task.Yield();");
        w.L("        return callerToken;");
        w.L("    }");
        return count;
    }

    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Base64Url = Alnum + "-_";

    private string RandomToken(int length, string alphabet)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[_rng.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>A JWT-shaped string assembled at run time from obviously fake parts (the payload says so).</summary>
    private string FakeJwt()
    {
        static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var payload = B64("{\"sub\":\"fake-" + _rng.Next(100000) + "\",\"name\":\"FAKE BENCHMARK TOKEN\",\"iat\":1700000000}");
        return header + "." + payload + "." + RandomToken(43, Base64Url);
    }

    private const string KubernetesStubs = """
        // Minimal stand-ins for the kubernetes-client API surface the corpus uses (the real package is not referenced).
        namespace k8s
        {
            public class KubernetesClientConfiguration
            {
                public string? Host { get; set; }
                public string? AccessToken { get; set; }
                public static bool IsInCluster() => System.Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null;
                public static KubernetesClientConfiguration InClusterConfig() => new KubernetesClientConfiguration();
                public static KubernetesClientConfiguration BuildConfigFromConfigFile(string? kubeconfigPath = null) => new KubernetesClientConfiguration();
            }
        }

        namespace k8s.Authentication
        {
            public class TokenFileAuth
            {
                public TokenFileAuth(string tokenFile) => TokenFile = tokenFile;
                public string TokenFile { get; }
            }
        }
        """;

    private const string TokenPolicyStubs = """
        // Minimal stand-ins for the TokenPolicy.Client resolver surface TP0004 recognises (matched by namespace and name).
        namespace TokenPolicy.Credentials
        {
            public sealed class ResolvedToken
            {
                public string Scheme { get; } = "Bearer";
                public string Value { get; } = "";
                public System.Net.Http.Headers.AuthenticationHeaderValue ToAuthorizationHeader() => new(Scheme, Value);
            }

            public interface ICredentialTokenResolver
            {
                System.Threading.Tasks.ValueTask<ResolvedToken> ResolveAsync(System.Threading.CancellationToken cancellationToken = default);
            }

            public sealed class CredentialTokenResolver : ICredentialTokenResolver
            {
                public static CredentialTokenResolver Default { get; } = new();
                public System.Threading.Tasks.ValueTask<ResolvedToken> ResolveAsync(System.Threading.CancellationToken cancellationToken = default) => new(new ResolvedToken());
            }
        }
        """;

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();
        private readonly string _path;

        public Writer(string path) => _path = path;

        /// <summary>Lines written so far (the next line written is number Lines + 1).</summary>
        public int Lines { get; private set; }

        public List<PlantedSite> Planted { get; } = new();

        public void L(string line)
        {
            _sb.Append(line).Append('\n');
            Lines++;
        }

        /// <summary>A planted violation: the whole sink is on this one line.</summary>
        public void P(string ruleId, string line)
        {
            Planted.Add(new PlantedSite(ruleId, _path, Lines + 1));
            L(line);
        }

        public override string ToString() => _sb.ToString();
    }
}

public sealed record SourceFile(string Path, string Text);

/// <summary>A planted violation: rule, file and 1-based line.</summary>
public sealed record PlantedSite(string RuleId, string Path, int Line);

public sealed record GeneratedCorpus(IReadOnlyList<SourceFile> Files, IReadOnlyList<PlantedSite> Planted, int NearMisses);
