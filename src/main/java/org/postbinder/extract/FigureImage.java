package org.postbinder.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.nodes.Element;

/**
 * Picks the URL worth archiving for one {@code <img>}: the largest reasonable {@code srcset}
 * candidate, else a lazy-load attribute, else {@code src}, resolved against the page. Empty when
 * the element is no photo of the article: a tracking pixel, an icon, an emoji, an avatar or an
 * author's portrait, an inline {@code data:} image, or a URL that is not http(s) (or file, on a page
 * read from disk). Pure and
 * thread-safe.
 */
final class FigureImage {

    /**
     * Wider candidates are print masters (Ghost's 2000w, WordPress's "full"): several MB each for no
     * gain on an A4 page, whose text width is about 1000 px at 150 dpi.
     */
    static final int MAX_REASONABLE_WIDTH = 1600;
    /** Both sides at most this many pixels: an icon, a bullet or a share button, not a photo. */
    static final int MAX_ICON_SIDE = 48;
    private static final List<String> LAZY_SOURCES = List.of("data-src", "data-lazy-src", "data-original", "data-orig-file",
            "data-large-file");
    private static final List<String> LAZY_SRCSETS = List.of("data-srcset", "data-lazy-srcset");
    private static final Pattern NOT_A_PHOTO = Pattern.compile(
            "(?<![a-z])(avatar|gravatar|author|profile|emoji|smiley|icon|logo|pixel|spacer|tracking|badge|sprite)");
    private static final String PORTRAIT_PLACES = ".author, .byline, .author-box, .post-author, .author-card, [rel=author], "
            + "[itemprop=author], .comment, .comments";
    private static final Pattern WIDTH_DESCRIPTOR = Pattern.compile("(\\d+)w");

    private FigureImage() {}

    /** The image URL of {@code img}, or empty when it is not a photo of the article. */
    static Optional<String> url(Element img) {
        if (!isPhoto(img)) {
            return Optional.empty();
        }
        return best(img).flatMap(candidate -> resolve(img.baseUri(), candidate));
    }

    private static boolean isPhoto(Element img) {
        String names = (img.className() + " " + img.id() + " " + img.attr("src")).toLowerCase(Locale.ROOT);
        return !NOT_A_PHOTO.matcher(names).find() && img.closest(PORTRAIT_PLACES) == null && !tiny(img)
                && !img.attr("role").equals("presentation");
    }

    /** Declared at 1×1 (a tracking pixel) or icon-sized on both sides. */
    private static boolean tiny(Element img) {
        int width = pixels(img.attr("width"));
        int height = pixels(img.attr("height"));
        return width > 0 && width <= 2 || height > 0 && height <= 2
                || width > 0 && height > 0 && width <= MAX_ICON_SIDE && height <= MAX_ICON_SIDE;
    }

    private static Optional<String> best(Element img) {
        Optional<String> fromSrcset = Stream.concat(LAZY_SRCSETS.stream(), Stream.of("srcset"))
                .map(img::attr).filter(srcset -> !srcset.isBlank()).findFirst()
                .flatMap(FigureImage::widestReasonable);
        if (fromSrcset.isPresent()) {
            return fromSrcset;
        }
        return Stream.concat(LAZY_SOURCES.stream(), Stream.of("src")).map(img::attr).map(String::strip)
                .filter(source -> !source.isEmpty() && !source.startsWith("data:")).findFirst();
    }

    /** The widest candidate up to {@link #MAX_REASONABLE_WIDTH}, else the narrowest above it. */
    private static Optional<String> widestReasonable(String srcset) {
        List<Candidate> candidates = Stream.of(srcset.split(",\\s+")).map(String::strip).filter(entry -> !entry.isEmpty())
                .map(Candidate::parse).filter(candidate -> !candidate.url().startsWith("data:")).toList();
        Optional<Candidate> reasonable = candidates.stream().filter(candidate -> candidate.width() <= MAX_REASONABLE_WIDTH)
                .max(Comparator.comparingInt(Candidate::width));
        return reasonable.or(() -> candidates.stream().min(Comparator.comparingInt(Candidate::width))).map(Candidate::url);
    }

    /** One {@code srcset} entry; a density descriptor ("2x") or none counts as width 0, the least preferred. */
    private record Candidate(String url, int width) {
        static Candidate parse(String entry) {
            String[] parts = entry.split("\\s+");
            Matcher width = WIDTH_DESCRIPTOR.matcher(parts.length > 1 ? parts[1] : "");
            return new Candidate(parts[0], width.matches() ? Integer.parseInt(width.group(1)) : 0);
        }
    }

    private static Optional<String> resolve(String base, String candidate) {
        try {
            URI resolved = base.isEmpty() ? new URI(candidate) : new URI(base).resolve(candidate.replace(" ", "%20"));
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            // a file: image only on a page read from disk: a web page must not make the crawl read local files
            boolean fetchable = scheme.equals("http") || scheme.equals("https")
                    || scheme.equals("file") && base.regionMatches(true, 0, "file:", 0, 5);
            return fetchable && resolved.isAbsolute() ? Optional.of(resolved.toString()) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            // a malformed URL in the markup loses the image, never the post
            return Optional.empty();
        }
    }

    private static int pixels(String attribute) {
        String digits = attribute.strip().replaceFirst("px$", "");
        return digits.matches("\\d{1,6}") ? Integer.parseInt(digits) : 0;
    }
}
