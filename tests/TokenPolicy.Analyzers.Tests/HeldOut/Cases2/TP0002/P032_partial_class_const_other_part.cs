// Shape: partial class, the token const is in one part and the header is built in the other
using System.Net.Http;
using System.Net.Http.Headers;

namespace Tickets.Sync;

public partial class TicketClient
{
    private const string ApiToken = "$$PERM$$";
}

public partial class TicketClient
{
    public void Authorize(HttpRequestMessage request)
        => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:ApiToken|});
}
