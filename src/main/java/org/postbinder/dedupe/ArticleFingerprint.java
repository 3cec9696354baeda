package org.postbinder.dedupe;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A 64-bit SimHash of an article's body: two copies of one article (a print or AMP page, a copy
 * syndicated to another site, a lightly corrected re-edit) are at most {@link #THRESHOLD} bits
 * apart, two different posts (even of one series, sharing its template sentences) further. The
 * features are the body's {@link Shingles}, each weighing the same: a sentence repeated within a
 * page counts once. The title and captions do not count: a syndicated copy may carry another
 * headline, an AMP page another set of captions.
 * <p>
 * Bodies with fewer than {@link #MIN_SHINGLES} shingles get no fingerprint, and for them only the
 * exact content hash counts: on a short text one changed sentence moves the hash as far as a
 * different text would, and short posts of one site share a larger part of their words. Immutable
 * and thread-safe.
 *
 * @param bits the SimHash
 */
public record ArticleFingerprint(long bits) {

    /**
     * The most bits in which two copies of one article may differ. Chosen on the fixture pages of
     * {@code ArticleFingerprintTest}, also hashed with 1,000 other seeds to see the odds (the README
     * has the table): AMP, print and wire copies came within 10 bits 99.9 % of the time or more, a
     * re-edit with a 30-word correction note 90 %, a copy with 50 words of the republisher's own
     * 87 %; a follow-up quoting half of the article never did (within 13 bits 0.3 % of the time),
     * nor did two round-ups of one series. Merging two different posts loses one of them from the
     * archive, while missing a copy only stores it twice: the threshold stays well below what
     * different posts reach, and gives up some heavily annotated copies.
     */
    public static final int THRESHOLD = 10;

    /** Lookup keys: the 64 bits in 8 bands of 8 bits. Fingerprints within 7 bits share a band; within 10, 96 % do. */
    public static final int BANDS = 8;

    /**
     * About 60 words, three or four sentences. The generated test blog's posts, 48 shingles each and
     * the same text but for their number, are 9 bits apart: shorter texts are compared by hash only.
     */
    public static final int MIN_SHINGLES = 60;

    private static final int BAND_BITS = Long.SIZE / BANDS;
    private static final long BAND_MASK = (1L << BAND_BITS) - 1;

    /** The fingerprint of a body given as its paragraphs; empty when the body is too short to have one. */
    public static Optional<ArticleFingerprint> of(List<String> paragraphs) {
        Set<Long> shingles = Shingles.of(String.join("\n", paragraphs));
        if (shingles.size() < MIN_SHINGLES) {
            return Optional.empty();
        }
        return Optional.of(new ArticleFingerprint(simhash(shingles)));
    }

    /** How many bits differ. */
    public int distance(ArticleFingerprint other) {
        return Long.bitCount(bits ^ other.bits);
    }

    public boolean sameArticleAs(ArticleFingerprint other) {
        return distance(other) <= THRESHOLD;
    }

    /**
     * The {@link #BANDS} lookup keys, one per band: its number times 256 plus its 8 bits, so that
     * every key of every band is one distinct integer. A near-duplicate usually shares at least one.
     */
    public List<Integer> bandKeys() {
        return IntStream.range(0, BANDS)
                .mapToObj(band -> (band << BAND_BITS) | (int) (bits >>> (band * BAND_BITS) & BAND_MASK))
                .toList();
    }

    /** Each bit is set when more of the shingles' hashes have it set than not. */
    static long simhash(Set<Long> shingles) {
        int[] votes = new int[Long.SIZE];
        for (long hash : shingles) {
            for (int bit = 0; bit < Long.SIZE; bit++) {
                votes[bit] += (hash >>> bit & 1) == 1 ? 1 : -1;
            }
        }
        long bits = 0;
        for (int bit = 0; bit < Long.SIZE; bit++) {
            if (votes[bit] > 0) {
                bits |= 1L << bit;
            }
        }
        return bits;
    }
}
