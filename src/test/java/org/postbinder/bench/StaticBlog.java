package org.postbinder.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.postbinder.support.GeneratedBlog;
import org.postbinder.support.LabelledPage;
import org.postbinder.support.TestImages;

/**
 * Writes a WordPress-like blog of N posts as static files, for a web server to serve in the
 * end-to-end benchmark: listing pages of ten teasers with "Older posts" links, one page per post
 * with the usual furniture (navigation, share bar, related posts, comment form), and one post in
 * seven with a photo. Each post is 4 to 16 paragraphs of sentences drawn from the
 * labelled corpus in one language, so posts differ as real ones do (no two are near-duplicates)
 * and the language detector sees real text. Seeded: the same N gives the same site.
 * <p>Usage: {@code StaticBlog <posts> <folder>}; the blog is under {@code <folder>/blog/}.
 */
public final class StaticBlog {

    private static final int PER_PAGE = 10;
    private static final int PHOTOS = 3;

    private final int posts;
    private final Path root;
    private final Map<String, List<String>> sentences;

    private StaticBlog(int posts, Path root, Map<String, List<String>> sentences) {
        this.posts = posts;
        this.root = root;
        this.sentences = sentences;
    }

    public static void main(String[] args) throws IOException {
        StaticBlog blog = new StaticBlog(Integer.parseInt(args[0]), Path.of(args[1]).resolve("blog"), corpusSentences());
        blog.write();
        System.out.printf("wrote %d posts under %s%n", blog.posts, blog.root);
    }

    /** The corpus's body sentences, by the language of their page. */
    private static Map<String, List<String>> corpusSentences() throws IOException {
        Map<String, List<String>> byLanguage = new TreeMap<>();
        for (LabelledPage page : LabelledPage.corpus()) {
            String language = page.expected().path("language").asString("en");
            for (String paragraph : page.expectedList("paragraphs")) {
                for (String sentence : paragraph.split("(?<=[.!?。])\\s*")) {
                    if (sentence.length() >= 40) {
                        byLanguage.computeIfAbsent(language, key -> new ArrayList<>()).add(sentence.strip());
                    }
                }
            }
        }
        byLanguage.values().removeIf(list -> list.size() < 20);
        return byLanguage;
    }

    private void write() throws IOException {
        for (int photo = 0; photo < PHOTOS; photo++) {
            file("media/photo-" + photo + ".jpg", TestImages.jpeg(960 + photo * 80, 640));
        }
        int pages = (posts + PER_PAGE - 1) / PER_PAGE;
        for (int page = 1; page <= pages; page++) {
            file(page == 1 ? "index.html" : "page/" + page + "/index.html", listing(page, pages));
        }
        for (int post = 1; post <= posts; post++) {
            file(postPath(post).substring("/blog/".length()) + "index.html", post(post));
        }
    }

    private void file(String path, String text) {
        file(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void file(String path, byte[] bytes) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String postPath(int post) {
        LocalDate date = date(post);
        return String.format("/blog/%d/%02d/post-%d/", date.getYear(), date.getMonthValue(), post);
    }

    private static LocalDate date(int post) {
        return LocalDate.of(2015, 1, 1).plusDays(post / 4);
    }

    private String title(int post) {
        String first = text(post, new Random(post * 31L), 1).get(0);
        return first.length() > 70 ? first.substring(0, Math.max(20, first.lastIndexOf(' ', 70))) : first;
    }

    /** Mostly English, as a real blog is mostly in one language, with one post in four in another. */
    private List<String> pool(int post) {
        Random random = new Random(post * 17L);
        List<String> languages = List.copyOf(sentences.keySet());
        String language = random.nextInt(4) > 0 && sentences.containsKey("en") ? "en"
                : languages.get(random.nextInt(languages.size()));
        return sentences.get(language);
    }

    /** Paragraphs of two to five sentences in the post's language. */
    private List<String> text(int post, Random random, int paragraphs) {
        List<String> pool = pool(post);
        return IntStream.range(0, paragraphs).mapToObj(i -> IntStream.range(0, 2 + random.nextInt(4))
                .mapToObj(s -> pool.get(random.nextInt(pool.size()))).collect(Collectors.joining(" "))).toList();
    }

    private String listing(int page, int pages) {
        String teasers = IntStream.rangeClosed((page - 1) * PER_PAGE + 1, Math.min(posts, page * PER_PAGE))
                .mapToObj(n -> """
                        <article class="post type-post"><h2 class="entry-title"><a href="%s">%s</a></h2>
                        <time datetime="%sT09:00:00+01:00">%s</time><p>%s</p></article>
                        """.formatted(postPath(n), escape(title(n)), date(n), date(n), escape(title(n))))
                .collect(Collectors.joining());
        String older = page < pages ? "<a class=\"next page-numbers\" rel=\"next\" href=\"/blog/page/%d/\">Older posts</a>"
                .formatted(page + 1) : "";
        return page("Harbour notes – page " + page, "<main id=\"main\">" + teasers + "<nav class=\"pagination\">" + older
                + "</nav></main>");
    }

    private String post(int n) {
        Random random = new Random(n);
        List<String> paragraphs = text(n, random, 4 + random.nextInt(13));
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (i == 2 && n % 7 == 0) {
                content.append("<figure class=\"wp-block-image\"><img src=\"/blog/media/photo-%d.jpg\" alt=\"\"><figcaption>%s</figcaption></figure>\n"
                        .formatted(n % PHOTOS, escape(text(n, new Random(-n), 1).get(0))));
            }
            content.append("<p>").append(escape(paragraphs.get(i))).append("</p>\n");
        }
        int related = n % posts + 1;
        String article = GeneratedBlog.article(n, escape(title(n)), date(n), content.toString(), postPath(related),
                escape(title(related)));
        return page(title(n) + " – Harbour notes", "<main id=\"main\">" + article + "</main>");
    }

    private static String page(String title, String main) {
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title></head><body class="blog">
                <header id="masthead"><p class="site-title"><a href="/blog/">Harbour notes</a></p>
                <nav class="main-navigation"><a href="/blog/">Home</a> <a href="/blog/about/">About</a></nav></header>
                %s
                <footer id="colophon"><p>© 2025 Harbour notes · Proudly powered by WordPress</p></footer>
                </body></html>
                """.formatted(escape(title), main);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
