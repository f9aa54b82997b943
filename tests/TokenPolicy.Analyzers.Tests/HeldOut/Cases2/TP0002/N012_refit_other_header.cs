// Shape: Refit [Headers] with a token-like X-Client-Version value and a dynamic [Authorize] parameter
using System.Threading.Tasks;
using Refit;

namespace Weather.Client;

public interface IRadarApi
{
    [Get("/radar")]
    [Headers("X-Client-Build: $$HEX40$$")]
    Task<string> GetRadarAsync([Authorize("Bearer")] string token);
}
