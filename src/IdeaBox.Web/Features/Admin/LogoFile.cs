using System.Xml;
using System.Xml.Linq;

namespace IdeaBox.Web.Features.Admin;

/// <summary>
/// Checks an uploaded logo: a PNG (its signature and its size in pixels) or an SVG, rebuilt from a short list of drawing
/// elements and attributes (no script, no event handler, no style sheet, no link outside the file, no DTD).
/// Anything else is refused, next to the field.
/// </summary>
public static class LogoFile
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly HashSet<string> Elements =
    [
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "title", "desc", "defs",
        "linearGradient", "radialGradient", "stop", "clipPath",
    ];

    private static readonly HashSet<string> Attributes =
    [
        "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "fill", "fill-opacity", "fill-rule",
        "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "opacity", "transform", "id", "offset", "stop-color",
        "stop-opacity", "gradientUnits", "gradientTransform", "clip-path", "clip-rule", "font-family", "font-size", "font-weight", "text-anchor",
        "preserveAspectRatio", "role", "aria-label", "version",
    ];

    public static (byte[] Content, string ContentType) Check(byte[] content)
    {
        if (content.Length == 0) throw new ValidationFailedException("Logo", "Validation.Required");
        if (content.Length > Branding.LogoMaxBytes) throw new ValidationFailedException("Logo", "Branding.LogoTooLarge", Branding.LogoMaxBytes / 1024);
        if (content.AsSpan().StartsWith(PngSignature)) return (CheckPng(content), "image/png");
        return (CleanSvg(content), "image/svg+xml");
    }

    private static byte[] CheckPng(byte[] content)
    {
        // The IHDR chunk follows the signature: length (4), "IHDR" (4), width (4), height (4), big-endian.
        if (content.Length < 24 || content[12] != 'I' || content[13] != 'H' || content[14] != 'D' || content[15] != 'R')
            throw new ValidationFailedException("Logo", "Branding.LogoFormat");
        var width = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(16, 4));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(20, 4));
        if (width == 0 || height == 0 || width > Branding.LogoMaxPixels || height > Branding.LogoMaxPixels)
            throw new ValidationFailedException("Logo", "Branding.LogoPixels", Branding.LogoMaxPixels);
        return content;
    }

    private static byte[] CleanSvg(byte[] content)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(content);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            throw new ValidationFailedException("Logo", "Branding.LogoFormat");
        }
        if (document.Root is not { } root || root.Name != Svg + "svg") throw new ValidationFailedException("Logo", "Branding.LogoFormat");
        var clean = Clean(root);
        return System.Text.Encoding.UTF8.GetBytes(clean.ToString(SaveOptions.DisableFormatting));
    }

    private static XElement Clean(XElement element)
    {
        var copy = new XElement(Svg + element.Name.LocalName);
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration || attribute.Name.Namespace != XNamespace.None) continue;
            if (!Attributes.Contains(attribute.Name.LocalName)) continue;
            // url(#id) points inside the file; any other url() would fetch something.
            if (attribute.Value.Contains("url(", StringComparison.OrdinalIgnoreCase) && !attribute.Value.Replace(" ", "").Contains("url(#", StringComparison.OrdinalIgnoreCase))
                continue;
            copy.SetAttributeValue(attribute.Name, attribute.Value);
        }
        foreach (var node in element.Nodes())
        {
            if (node is XElement child && child.Name.Namespace == Svg && Elements.Contains(child.Name.LocalName)) copy.Add(Clean(child));
            else if (node is XText text && element.Name.LocalName is "text" or "tspan" or "title" or "desc") copy.Add(new XText(text.Value));
        }
        return copy;
    }
}
