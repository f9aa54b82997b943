// Shape: async DelegatingHandler override adding a hardcoded Slack user token with TryAddWithoutValidation
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Chat.Bridge;

public sealed class SlackAuthHandler : DelegatingHandler
{
    private const string UserToken = "$$XOXP$$";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("Authorization", {|TP0002:"Bearer " + UserToken|});
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response;
    }
}
