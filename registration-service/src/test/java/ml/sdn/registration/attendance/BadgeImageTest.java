package ml.sdn.registration.attendance;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class BadgeImageTest {

    @Test
    void the_png_is_a_qr_code_a_scanner_reads_back_as_the_badge_code() throws IOException {
        byte[] png = BadgeImage.png("K7QM-4TZP-9XRD-HB3W", 300);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(QrCodes.decode(png)).isEqualTo("K7QM-4TZP-9XRD-HB3W");
    }

    @Test
    void the_png_stays_light_for_a_metered_phone_connection() {
        assertThat(BadgeImage.png("K7QM-4TZP-9XRD-HB3W", 300).length).isLessThan(4_000);
    }
}
