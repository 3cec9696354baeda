package org.postbinder.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A WordPress-like blog of {@code posts} posts, made up on the fly and served by a
 * {@link LocalSiteServer}: listing pages with pagination ({@value #PER_PAGE} teasers each), one page
 * per post with the usual furniture (navigation, share bar, related posts, comment form), a
 * sitemap and an RSS feed. Post pages can answer slowly, so that a crawl can be interrupted.
 */
public final class GeneratedBlog {

    public static final int PER_PAGE = 10;

    private final int posts;
    private final long postDelayMillis;
    private final String everyPost;
    private final int heldPost;
    private final CountDownLatch release;
    /** The number of the first post: blogs numbered apart have no post in common. */
    private final int first;
    private final java.util.concurrent.atomic.AtomicLong bytesSent = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger conditionalHits = new java.util.concurrent.atomic.AtomicInteger();

    /** Body bytes sent in 200 responses so far. */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** Requests answered 304 so far. */
    public int notModified() {
        return conditionalHits.get();
    }

    public GeneratedBlog(int posts, long postDelayMillis) {
        this(posts, postDelayMillis, "", 0, new CountDownLatch(0), 1);
    }

    private GeneratedBlog(int posts, long postDelayMillis, String everyPost, int heldPost, CountDownLatch release, int first) {
        this.first = first;
        this.posts = posts;
        this.postDelayMillis = postDelayMillis;
        this.everyPost = everyPost;
        this.heldPost = heldPost;
        this.release = release;
    }

    /** Options for a crawler that must wait out a held post rather than time out on it. */
    public static String[] patientFetches() {
        return new String[] {"--postbinder.crawl.read-timeout=5m", "--postbinder.crawl.read-idle-timeout=5m"};
    }

    /**
     * The same blog, whose post number {@code post} answers only once {@code release} is counted
     * down (or after three minutes): a run that reaches it stays under way for as long as a test needs.
     */
    public GeneratedBlog withPostHeldUntil(int post, CountDownLatch release) {
        return new GeneratedBlog(posts, postDelayMillis, everyPost, post, release, first);
    }

    /**
     * The same blog with this paragraph inside every post's content, after its text, as a site's
     * own plug (membership, newsletter) sits where no generic rule can tell it from the article.
     */
    public GeneratedBlog withParagraphOnEveryPost(String paragraph) {
        return new GeneratedBlog(posts, postDelayMillis, "<p class=\"has-background has-pale-cyan-blue-background-color\">"
                + paragraph + "</p>", heldPost, release, first);
    }

    /**
     * The same blog with its posts numbered from {@code first}: served on several servers, blogs
     * numbered apart are different sites with different posts (the same numbers would be one article).
     */
    public GeneratedBlog numberedFrom(int first) {
        return new GeneratedBlog(posts, postDelayMillis, everyPost, heldPost, release, first);
    }

    /** The numbers of its posts. */
    public IntStream numbers() {
        return IntStream.range(first, first + posts);
    }

    public int posts() {
        return posts;
    }

    public static String title(int post) {
        return "Harbour notes, part " + post + ": what the tide brought in";
    }

    /**
     * Writes the job "harbour", which crawls the blog from the start URLs (comma-separated) on
     * 127.0.0.1, without its category, author, about, media and print pages, and exports as the
     * lines given for its {@code export:} section say.
     */
    public static Path writeJob(Path file, String startUrls, String export) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, """
                name: harbour
                sources:
                  start-urls: [%s]
                scope:
                  exclude: ['/category/', '/author/', '/about/', '/media/', '/print/']
                  max-depth: 10
                crawl:
                  allowed-networks: [127.0.0.1/32]
                export:
                %s
                """.formatted(startUrls, export.strip().indent(2).stripTrailing()));
    }

    /** Serves the blog under {@code /blog/} on the given server. */
    public void serveOn(LocalSiteServer server) {
        server.routeAll("/blog/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            String type = "text/html; charset=utf-8";
            if (path.equals("/blog/") || path.matches("/blog/page/\\d+/")) {
                int page = path.equals("/blog/") ? 1 : Integer.parseInt(path.replaceAll("\\D", ""));
                body = listing(page);
            } else if (path.matches("/blog/(\\d{4}/\\d{2}|print)/post-\\d+/")) {
                int post = Integer.parseInt(path.replaceAll(".*post-(\\d+)/", "$1"));
                pause(post);
                body = post(server, post);
            } else if (path.equals("/blog/sitemap.xml")) {
                body = sitemap(server);
                type = "application/xml";
            } else if (path.equals("/blog/feed/")) {
                body = feed(server);
                type = "application/rss+xml";
            } else {
                LocalSiteServer.send(exchange, 404, "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            // validators, as a real server sends them: an unchanged page answers 304 to a conditional request
            String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                conditionalHits.incrementAndGet();
                LocalSiteServer.send(exchange, 304, new byte[0]);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            bytesSent.addAndGet(bytes.length);
            exchange.getResponseHeaders().set("Content-Type", type);
            LocalSiteServer.send(exchange, 200, bytes);
        });
    }

    public static String postPath(int post) {
        LocalDate date = date(post);
        return String.format("/blog/%d/%02d/post-%d/", date.getYear(), date.getMonthValue(), post);
    }

    private static LocalDate date(int post) {
        return LocalDate.of(2024, 1, 1).plusDays(post * 3L);
    }

    private void pause(int post) {
        try {
            Thread.sleep(postDelayMillis);
            if (post == heldPost) {
                release.await(3, TimeUnit.MINUTES);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String listing(int page) {
        int pages = (posts + PER_PAGE - 1) / PER_PAGE;
        String teasers = IntStream.range(first + (page - 1) * PER_PAGE, first + Math.min(posts, page * PER_PAGE))
                .mapToObj(n -> """
                        <article class="post type-post"><h2 class="entry-title"><a href="%s">%s</a></h2>
                        <time datetime="%sT09:00:00+01:00">%s</time><p>A short teaser for part %d.</p></article>
                        """.formatted(postPath(n), title(n), date(n), date(n), n))
                .collect(Collectors.joining());
        String next = page < pages ? "<a class=\"next page-numbers\" rel=\"next\" href=\"/blog/page/%d/\">Older posts</a>".formatted(page + 1) : "";
        String print = page == 1 ? "<p><a href=\"" + printPath(1) + "\">Print the first post</a></p>" : "";
        return page("Harbour notes – page " + page, "", print + "<main id=\"main\">" + teasers + "<nav class=\"pagination\">" + next + "</nav></main>");
    }

    /** The printer-friendly copy of a post: another URL, the same article, the same canonical URL. */
    public static String printPath(int post) {
        return "/blog/print/post-" + post + "/";
    }

    private String post(LocalSiteServer server, int n) {
        String paragraphs = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> "<p>Part %d, paragraph %d: the morning ferry left at seven, the gulls followed it out past the breakwater, and the harbour master logged the wind at twelve knots from the north-east.</p>".formatted(n, i))
                .collect(Collectors.joining("\n")) + everyPost;
        String figure = "<figure class=\"wp-block-image\"><img src=\"/blog/media/%d.jpg\" alt=\"\"><figcaption>The quay at dawn, part %d.</figcaption></figure>\n"
                .formatted(n, n);
        int related = first + (n - first + 1) % posts;
        String article = article(n, title(n), date(n), figure + paragraphs, postPath(related), title(related));
        String canonical = "<link rel=\"canonical\" href=\"" + server.url(postPath(n)) + "\">";
        return page(title(n) + " – Harbour notes", canonical, "<main id=\"main\">" + article + "</main>");
    }

    /**
     * A WordPress post's article as a theme prints it, with its furniture: category link, byline and
     * date, a share bar inside the content, a related post and the comment form after it. The
     * arguments are HTML.
     */
    public static String article(int post, String title, LocalDate date, String content, String relatedPath,
                                 String relatedTitle) {
        return """
                <article class="post-%d post type-post hentry">
                  <header class="entry-header"><span class="cat-links"><a rel="category tag" href="/blog/category/notes/">Notes</a></span>
                  <h1 class="entry-title">%s</h1>
                  <div class="entry-meta">By <span class="author vcard"><a class="url fn n" href="/blog/author/ada/">Ada Marsh</a></span>
                  <time class="entry-date published" datetime="%sT09:00:00+01:00">%s</time></div></header>
                  <div class="entry-content">
                  %s
                  <div class="sharedaddy"><h3>Share this:</h3><a href="https://twitter.example/share">Twitter</a></div>
                  </div>
                </article>
                <div id="jp-relatedposts"><h3>Related</h3><a href="%s">%s</a></div>
                <div id="respond"><h3 id="reply-title">Leave a Reply</h3><form><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><textarea></textarea></form></div>
                """.formatted(post, title, date, date, content, relatedPath, relatedTitle);
    }

    private String sitemap(LocalSiteServer server) {
        String urls = numbers()
                .mapToObj(n -> "<url><loc>" + server.url(postPath(n)) + "</loc><lastmod>" + date(n) + "</lastmod></url>")
                .collect(Collectors.joining("\n"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + urls + "\n</urlset>\n";
    }

    private String feed(LocalSiteServer server) {
        String items = IntStream.range(first + Math.max(0, posts - 10), first + posts)
                .mapToObj(n -> "<item><title>" + title(n) + "</title><link>" + server.url(postPath(n)) + "</link></item>")
                .collect(Collectors.joining("\n"));
        return "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Harbour notes</title>" + items + "</channel></rss>\n";
    }

    private static String page(String title, String head, String main) {
        return """
                <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>%s</title>%s
                <link rel="alternate" type="application/rss+xml" href="/blog/feed/"></head>
                <body class="blog"><header id="masthead"><nav class="main-navigation"><a href="/blog/">Home</a>
                <a href="/blog/about/">About</a></nav></header>%s
                <aside id="secondary" class="widget-area"><section class="widget"><h2>Recent posts</h2></section></aside>
                <footer id="colophon">© Harbour notes</footer></body></html>
                """.formatted(title, head, main);
    }
}
