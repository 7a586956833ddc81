package ml.sdn.registration.attendance;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Reads a QR code PNG back, as a door scanner would (zxing core's reader over the image's pixels). */
final class QrCodes {

    private QrCodes() {
    }

    static String decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalArgumentException("not an image");
            }
            return decode(image);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The QR code on a page's picture (a printed badge rendered by PDFBox), wherever it is on it. */
    static String decode(BufferedImage image) {
        try {
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
        } catch (com.google.zxing.ReaderException e) {
            throw new AssertionError("no readable QR code in the image", e);
        }
    }
}
