package org.postbinder.job;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.postbinder.crawl.FetchOutcome;
import org.postbinder.crawl.FetchResult;
import org.postbinder.crawl.FetchSettings;
import org.postbinder.crawl.Fetchers;
import org.postbinder.crawl.HostPacer;
import org.postbinder.crawl.RobotsPolicy;
import org.postbinder.media.ImageCheck;
import org.postbinder.media.ImageResult;
import org.postbinder.media.ImageTable;
import org.postbinder.media.MediaStore;
import org.postbinder.media.QueuedImage;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Fetches one queued image the way pages are fetched: the job's user agent and address guard, the
 * image host's robots.txt, the host's turn (shared with the crawl's pacing), and a size limit of
 * its own. The bytes are checked ({@link ImageCheck}) and kept in the job's {@link MediaStore}.
 * Never fails the step for one image: every outcome is a result. Images may sit on any host (a
 * CDN), so the job's scope does not apply to them.
 */
class FetchImageProcessor implements ItemProcessor<QueuedImage, ImageResult> {

    private final Fetchers fetchers;
    private final FetchSettings settings;
    private final Duration delay;
    private final RobotsPolicy robots;
    private final HostPacer pacer;
    private final MediaStore store;

    FetchImageProcessor(Fetchers fetchers, FetchSettings settings, Duration delay, RobotsPolicy robots, HostPacer pacer,
                        MediaStore store) {
        this.fetchers = fetchers;
        this.settings = settings.withGate(this::politeRefusal);
        this.delay = delay;
        this.robots = robots;
        this.pacer = pacer;
        this.store = store;
    }

    @Override
    public ImageResult process(QueuedImage image) {
        URI url;
        try {
            url = URI.create(image.url());
        } catch (IllegalArgumentException e) {
            return ImageResult.skipped(image, "failed: not a URL");
        }
        try {
            FetchResult result = fetchers.fetchImage(url, settings);
            result.retryAfter().ifPresent(wait -> pacer.holdOff(url, wait));
            return result.page().map(page -> kept(image, page.body())).orElseGet(() -> notFetched(image, result));
        } catch (RuntimeException e) {
            // a fetcher or decoder bug costs one image, never the post or the run
            return ImageResult.skipped(image, "failed: " + e);
        } finally {
            pacer.finished(url);
        }
    }

    private ImageResult kept(QueuedImage image, byte[] body) {
        ImageCheck.Verdict verdict = ImageCheck.check(body);
        if (verdict instanceof ImageCheck.Kept kept) {
            return ImageResult.stored(image, new ImageTable.StoredImage(store.put(kept.bytes(), kept.mediaType()),
                    kept.mediaType(), kept.width(), kept.height()));
        }
        return ImageResult.skipped(image, ((ImageCheck.Refused) verdict).reason());
    }

    /** A failure that may pass leaves the image for the next run; the others are final. */
    private static ImageResult notFetched(QueuedImage image, FetchResult result) {
        return switch (result.outcome()) {
            case RETRY_LATER -> ImageResult.later(image, "failed for now: " + result.reason());
            case TOO_LARGE -> ImageResult.skipped(image, "too large: " + result.reason());
            case UNSUPPORTED_TYPE -> ImageResult.skipped(image, "not an image: " + result.reason());
            default -> ImageResult.skipped(image, kind(result.outcome()) + ": " + result.reason());
        };
    }

    private static String kind(FetchOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** robots.txt of the image's host, then the host's turn, before the URL and every redirect hop. */
    private Optional<String> politeRefusal(URI url) {
        Optional<String> refused = robots.refusal(url, settings, delay);
        if (refused.isEmpty() && isHttp(url)) {
            Duration crawlDelay = robots.rulesFor(url, settings, delay).crawlDelay();
            pacer.awaitTurn(url, delay.compareTo(crawlDelay) >= 0 ? delay : crawlDelay, 1);
        }
        return refused;
    }

    private static boolean isHttp(URI url) {
        return "http".equals(url.getScheme()) || "https".equals(url.getScheme());
    }
}
