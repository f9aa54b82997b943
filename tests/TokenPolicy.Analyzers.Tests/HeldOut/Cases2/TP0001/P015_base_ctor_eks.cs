// Shape: abstract base reads the path it gets from its constructor; a derived class passes the EKS path to base(...)
using System.IO;

namespace Acme.Credentials;

public abstract class FileBackedToken
{
    private readonly string _file;

    protected FileBackedToken(string file) => _file = file;

    public string Value => File.ReadAllText(_file);
}

public sealed class EksPodIdentityToken : FileBackedToken
{
    public EksPodIdentityToken()
        : {|TP0001:base("/var/run/secrets/eks.amazonaws.com/serviceaccount/token")|}
    {
    }
}
