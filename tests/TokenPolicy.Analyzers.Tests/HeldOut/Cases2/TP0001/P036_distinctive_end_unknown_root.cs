// Shape: public method combining an unknown root parameter with the distinctive "kubernetes.io/serviceaccount/token" end
using System.IO;

namespace Chroot.Tools;

public static class ChrootToken
{
    public static string ReadUnder(string root)
        => {|TP0001:File.ReadAllText(Path.Combine(root, "kubernetes.io/serviceaccount/token"))|};
}
