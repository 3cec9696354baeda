package org.postbinder.export;

import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

import org.postbinder.store.Post;

/**
 * File names for per-post files: the publication date, then a slug, as
 * {@code 2025-04-10-us-russia-delegations-istanbul.pdf}. The slug is the last segment of the
 * post's canonical URL path when it is a readable word or several, else its title; letters are
 * folded to ASCII where they have an ASCII base, other scripts are kept (file systems take UTF-8).
 * Undated posts start with {@code undated}; a name already taken in the archive gets -2, -3...
 */
final class PostFileNames {

    private static final int MAX_SLUG = 80;

    private PostFileNames() {
    }

    /** A name for the post, not in {@code taken}; the name is added to {@code taken}. */
    static String name(Post post, Set<String> taken) {
        String date = post.publishedAt() == null ? "undated" : post.publishedAt().substring(0, 10);
        String base = date + "-" + slug(post);
        String name = base + ".pdf";
        for (int n = 2; !taken.add(name); n++) {
            name = base + "-" + n + ".pdf";
        }
        return name;
    }

    private static String slug(Post post) {
        String fromUrl = slug(lastSegment(post.canonicalUrl()));
        // "index.html", "123456" and "p=42" say nothing; a path like "night-trains-sleeper-shortage" does
        String slug = fromUrl.matches(".*[a-z\\p{L}]{3,}.*-.*") ? fromUrl : slug(post.title());
        return slug.isEmpty() ? "post" : slug;
    }

    private static String lastSegment(String url) {
        String path = URI.create(url).getPath();
        if (path == null) {
            return "";
        }
        String[] segments = path.replaceAll("/(index|default)\\.[a-z]+$", "/").split("/");
        String last = segments.length == 0 ? "" : segments[segments.length - 1];
        return last.replaceAll("\\.[a-zA-Z0-9]{1,5}$", "");
    }

    /** "Über" becomes "Uber"; letters without an ASCII base ("й", "港") stay as they are. */
    private static String asciiFolded(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD);
            if (decomposed.charAt(0) < 128 && codePoint >= 128) {
                out.append(decomposed.replaceAll("\\p{M}", ""));
            } else {
                out.appendCodePoint(codePoint);
            }
        });
        return out.toString();
    }

    private static String slug(String text) {
        String slug = asciiFolded(text).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-[^-]*$", "");
        }
        return slug;
    }
}
