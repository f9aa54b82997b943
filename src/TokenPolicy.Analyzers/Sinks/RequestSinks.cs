using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Sinks
{
    /// <summary>What a request method is given: the URL itself, or a request message that carries URL and headers.</summary>
    internal enum RequestShape
    {
        /// <summary><c>GetAsync(requestUri)</c>: the URL, resolved against the client's <c>BaseAddress</c>.</summary>
        Url,

        /// <summary><c>SendAsync(request)</c>: an <c>HttpRequestMessage</c> (its <c>RequestUri</c> and <c>Headers</c>).</summary>
        Message,
    }

    /// <summary>One row of the TP0004 request table: a method that sends a GET (or a given request) from an <c>HttpClient</c>.</summary>
    internal sealed class RequestSink : SinkRow
    {
        public RequestSink(string typeName, string memberName, string valueParameter, RequestShape shape, string clientParameter = "")
            : base(ValueReading.None, FixKind.None)
        {
            TypeName = typeName;
            MemberName = memberName;
            ValueParameter = valueParameter;
            Shape = shape;
            ClientParameter = clientParameter;
        }

        /// <summary>Metadata name of the declaring type.</summary>
        public string TypeName { get; }

        public string MemberName { get; }

        /// <summary>The parameter that receives the URL (<c>requestUri</c>) or the request message (<c>request</c>).</summary>
        public string ValueParameter { get; }

        public RequestShape Shape { get; }

        /// <summary>The parameter holding the client of an extension method (<c>client</c>); empty for an instance method.</summary>
        public string ClientParameter { get; }

        public override string DisplayName(in SinkMatch match) => "HttpClient." + MemberName;

        public override string MemberId(in SinkMatch match) => TypeName + "." + MemberName;
    }

    /// <summary>
    /// TP0004's request sinks, as data: matched by symbol (resolved once per compilation) and by parameter NAME, never by
    /// position. The GET family of <c>HttpClient</c>, <c>Send</c>/<c>SendAsync</c> with a request message, and the JSON
    /// extensions of <c>System.Net.Http.Json</c>.
    /// </summary>
    internal sealed class RequestSinks : ISinkMatcher
    {
        public const string HttpClient = "System.Net.Http.HttpClient";
        private const string Json = "System.Net.Http.Json.HttpClientJsonExtensions";

        public static readonly ImmutableArray<RequestSink> Table = ImmutableArray.Create(
            new RequestSink(HttpClient, "GetAsync", "requestUri", RequestShape.Url),
            new RequestSink(HttpClient, "GetStringAsync", "requestUri", RequestShape.Url),
            new RequestSink(HttpClient, "GetStreamAsync", "requestUri", RequestShape.Url),
            new RequestSink(HttpClient, "GetByteArrayAsync", "requestUri", RequestShape.Url),
            new RequestSink(HttpClient, "SendAsync", "request", RequestShape.Message),
            new RequestSink(HttpClient, "Send", "request", RequestShape.Message),
            new RequestSink(Json, "GetFromJsonAsync", "requestUri", RequestShape.Url, "client"),
            new RequestSink(Json, "GetFromJsonAsAsyncEnumerable", "requestUri", RequestShape.Url, "client"));

        private readonly SinkMethods<RequestSink> _methods;

        private RequestSinks(SinkMethods<RequestSink> methods)
        {
            _methods = methods;
        }

        public bool IsEmpty => _methods.IsEmpty;

        public static RequestSinks Resolve(Compilation compilation)
            => new(SinkResolver.Resolve(
                compilation,
                Table,
                static row => row.TypeName,
                static row => row.MemberName,
                static (row, method) => HasParameter(method, row.ValueParameter)));

        public bool TryMatch(IOperation operation, out SinkMatch match)
        {
            if (operation is IInvocationOperation invocation
                && _methods.TryGetValue(invocation.TargetMethod.OriginalDefinition.ReducedFrom ?? invocation.TargetMethod.OriginalDefinition, out var row)
                && SinkResolver.Argument(invocation.Arguments, row.ValueParameter) is { } value)
            {
                match = new SinkMatch(operation, value, row, invocation.Arguments);
                return true;
            }

            match = default;
            return false;
        }

        public bool Accepts(in SinkMatch match, ValueEvaluator evaluator, CancellationToken cancellationToken) => true;

        public bool TryDefer(in SinkMatch match, ValueEvaluator evaluator, CancellationToken cancellationToken, out ValueSet template, out SinkRow row)
        {
            template = ValueSet.Unknown;
            row = null!;
            return false;
        }

        /// <summary>The client the request is sent from: the receiver, or the <c>client</c> argument of an extension.</summary>
        public static IOperation? Client(in SinkMatch match)
        {
            var row = (RequestSink)match.Row;
            return row.ClientParameter.Length == 0
                ? ((IInvocationOperation)match.Operation).Instance
                : SinkResolver.Argument(match.Arguments, row.ClientParameter);
        }

        private static bool HasParameter(IMethodSymbol method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
