package org.postbinder.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether fetched bytes are an image a PDF/A-2 volume can show, and in which form, from
 * the bytes alone (a server's content type is often wrong). JPEGs in grey or RGB are kept as they
 * are; PNGs and GIFs are redrawn as 8-bit RGB PNGs on white (16-bit, palette and alpha variants all
 * become one plain kind that embeds without surprises; a GIF keeps its first frame). CMYK JPEGs are
 * refused: drawn as DeviceCMYK they break PDF/A under the sRGB output intent, and the JDK cannot
 * convert them. WebP, SVG and anything else are refused with what they are. Pure and thread-safe.
 */
public final class ImageCheck {

    /**
     * Images with more pixels are refused before they are decoded: 16 MP (a 4896×3264 camera photo)
     * is 64 MB as RGB pixels, the most one image may take of a shared machine's heap; a page of the
     * PDF shows at most about 1000×1400 of them.
     */
    static final long MAX_PIXELS = 16_000_000;

    private ImageCheck() {}

    /** What the check found: an image to keep, or the reason it is skipped ("kind: detail"). */
    public sealed interface Verdict permits Kept, Refused {}

    /** Bytes to store, as {@code mediaType}, of {@code width}×{@code height} pixels. */
    public record Kept(byte[] bytes, String mediaType, int width, int height) implements Verdict {}

    public record Refused(String reason) implements Verdict {}

    public static Verdict check(byte[] bytes) {
        return switch (ImageKind.sniff(bytes)) {
            case JPEG -> jpeg(bytes);
            case PNG, GIF -> redrawn(bytes);
            case WEBP -> new Refused("unsupported type: WebP");
            case SVG -> new Refused("unsupported type: SVG");
            case UNKNOWN -> new Refused("not an image: " + bytes.length + " bytes of something else");
        };
    }

    private static Verdict jpeg(byte[] bytes) {
        Optional<JpegFrame> frame = JpegFrame.read(bytes);
        if (frame.isEmpty()) {
            return new Refused("broken image: a JPEG without a readable frame header");
        }
        JpegFrame header = frame.get();
        if (header.components() == 4) {
            return new Refused("CMYK JPEG: PDF/A with an sRGB output intent cannot show it");
        }
        if (header.components() != 1 && header.components() != 3) {
            return new Refused("broken image: a JPEG with " + header.components() + " colour components");
        }
        return tooManyPixels(header.width(), header.height())
                .orElseGet(() -> new Kept(bytes, "image/jpeg", header.width(), header.height()));
    }

    private static Verdict redrawn(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return new Refused("broken image: no reader for it");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                Optional<Verdict> tooMany = tooManyPixels(width, height);
                return tooMany.isPresent() ? tooMany.get() : new Kept(onWhite(reader.read(0)), "image/png", width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO reports damaged files with IOExceptions and, for some, runtime exceptions
            return new Refused("broken image: " + e.getMessage());
        }
    }

    private static byte[] onWhite(BufferedImage image) throws IOException {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(rgb, "png", png);
        return png.toByteArray();
    }

    private static Optional<Verdict> tooManyPixels(int width, int height) {
        if (width <= 0 || height <= 0) {
            return Optional.of(new Refused("broken image: " + width + "×" + height + " pixels"));
        }
        return (long) width * height > MAX_PIXELS
                ? Optional.of(new Refused("too many pixels: " + width + "×" + height))
                : Optional.empty();
    }
}
