package org.postbinder.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.postbinder.support.TestImages;

/** Which fetched bytes a PDF/A volume gets to show, and in what form. */
class ImageCheckTest {

    @Test
    void anRgbJpegIsKeptAsItIs() {
        // given
        byte[] jpeg = TestImages.jpeg(320, 200);

        // when
        ImageCheck.Verdict verdict = ImageCheck.check(jpeg);

        // then
        assertThat(verdict).isInstanceOfSatisfying(ImageCheck.Kept.class, kept -> {
            assertThat(kept.bytes()).isEqualTo(jpeg);
            assertThat(kept.mediaType()).isEqualTo("image/jpeg");
            assertThat(kept.width()).isEqualTo(320);
            assertThat(kept.height()).isEqualTo(200);
        });
    }

    @Test
    void aSixteenBitPngWithAlphaAndAGifBecomeEightBitRgbPngs() throws Exception {
        for (byte[] image : new byte[][] {TestImages.png16WithAlpha(120, 80), TestImages.gif(120, 80)}) {
            // when
            ImageCheck.Verdict verdict = ImageCheck.check(image);

            // then
            assertThat(verdict).isInstanceOfSatisfying(ImageCheck.Kept.class, kept -> {
                assertThat(kept.mediaType()).isEqualTo("image/png");
                assertThat(kept.width()).isEqualTo(120);
            });
            BufferedImage redrawn = ImageIO.read(new ByteArrayInputStream(((ImageCheck.Kept) verdict).bytes()));
            assertThat(redrawn.getColorModel().hasAlpha()).isFalse();
            assertThat(redrawn.getColorModel().getComponentSize(0)).isEqualTo(8);
        }
    }

    @Test
    void refusesCmykJpegsWebpSvgAndWhatIsNoImage() {
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
        byte[] html = "<!DOCTYPE html><p>Not found</p>".getBytes(StandardCharsets.UTF_8);

        assertThat(reason(TestImages.cmykJpeg(64, 64))).startsWith("CMYK JPEG:");
        assertThat(reason(webp)).isEqualTo("unsupported type: WebP");
        assertThat(reason(svg)).isEqualTo("unsupported type: SVG");
        assertThat(reason(html)).startsWith("not an image:");
        assertThat(reason(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0})).startsWith("broken image:");
    }

    @Test
    void refusesAnImageOfTooManyPixelsBeforeDecodingIt() throws Exception {
        // given: a 1-bit 5000×4000 PNG, small on disk and 80 MB as RGB pixels
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(5000, 4000, BufferedImage.TYPE_BYTE_BINARY), "png", bytes);

        // then
        assertThat(reason(bytes.toByteArray())).isEqualTo("too many pixels: 5000×4000");
    }

    private static String reason(byte[] bytes) {
        ImageCheck.Verdict verdict = ImageCheck.check(bytes);
        assertThat(verdict).isInstanceOf(ImageCheck.Refused.class);
        return ((ImageCheck.Refused) verdict).reason();
    }
}
