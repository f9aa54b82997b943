using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Sinks
{
    /// <summary>TP0002's sinks as method summaries see them: the value that enters an Authorization header.</summary>
    internal sealed class AuthFlowSinks : IFlowSinks
    {
        private readonly AuthSinks _sinks;
        private readonly ValueEvaluator _evaluator;

        public AuthFlowSinks(AuthSinks sinks, ValueEvaluator evaluator)
        {
            _sinks = sinks;
            _evaluator = evaluator;
        }

        public bool TryGetSink(IOperation operation, CancellationToken cancellationToken, out IOperation? value, out SinkFacts facts)
        {
            value = null;
            facts = default;
            switch (operation)
            {
                case IInvocationOperation invocation when _sinks.TryGet(invocation.TargetMethod, out var sink):
                    return TryTableSink(sink, invocation.Arguments, cancellationToken, out value, out facts);

                case IInvocationOperation invocation when _sinks.IsCollectionAdd(invocation.TargetMethod, out var keyParameter):
                    if (IsAuthorizationName(SinkResolver.Argument(invocation.Arguments, keyParameter.Name), cancellationToken))
                    {
                        value = SinkResolver.Argument(invocation.Arguments, "value");
                        facts = new SinkFacts("the \"Authorization\" entry of " + invocation.TargetMethod.ContainingType.Name);
                    }

                    return value is not null;

                case IObjectCreationOperation { Constructor: { } constructor } creation when _sinks.TryGet(constructor, out var sink):
                    return TryTableSink(sink, creation.Arguments, cancellationToken, out value, out facts);

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment
                    when _sinks.IsCollectionIndexer(indexer.Property) && IsAuthorizationName(indexer.Arguments[0].Value, cancellationToken):
                    value = assignment.Value;
                    facts = new SinkFacts("the \"Authorization\" entry of " + indexer.Property.ContainingType.Name);
                    return true;

                default:
                    return false;
            }
        }

        private bool TryTableSink(AuthSink sink, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, CancellationToken cancellationToken, out IOperation? value, out SinkFacts facts)
        {
            value = null;
            facts = default;
            if (sink.Kind == AuthSinkKind.Attribute
                || (sink.NameParameter is not null && !IsAuthorizationName(SinkResolver.Argument(arguments, sink.NameParameter), cancellationToken))
                || (sink.SchemeParameter is not null && !AuthSinks.IsTokenScheme(SinkResolver.Argument(arguments, sink.SchemeParameter), _evaluator, cancellationToken)))
            {
                return false;
            }

            value = SinkResolver.Argument(arguments, sink.ValueParameter);
            facts = new SinkFacts(sink.DisplayName, takesRawToken: sink.ValueIsRawToken);
            return value is not null;
        }

        private bool IsAuthorizationName(IOperation? name, CancellationToken cancellationToken) => AuthSinks.IsAuthorizationName(name, _evaluator, cancellationToken);
    }
}
