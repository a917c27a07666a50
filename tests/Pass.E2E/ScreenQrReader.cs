using Microsoft.Playwright;
using StbImageSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Pass.E2E;

/// <summary>Reads a QR code off the screen as a terminal's scanner does: from the pixels, not from the page's markup.</summary>
public static class ScreenQrReader
{
    public static async Task<string> ReadAsync(ILocator element)
    {
        var png = await element.ScreenshotAsync();
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGB24);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), new Dictionary<DecodeHintType, object>
        {
            [DecodeHintType.TRY_HARDER] = true,
        });
        return result?.Text ?? throw new InvalidOperationException("No QR code could be read from the screenshot.");
    }
}
