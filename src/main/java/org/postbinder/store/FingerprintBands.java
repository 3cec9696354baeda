package org.postbinder.store;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.postbinder.dedupe.ArticleFingerprint;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table {@code post_fingerprint_bands}: the lookup keys of each post's {@link ArticleFingerprint},
 * through which the posts near a new one are found by index, and only those are compared bit by
 * bit. Calls join the caller's transaction. Thread-safe.
 */
final class FingerprintBands {

    private final JdbcClient jdbc;

    FingerprintBands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the keys of a post with those of its (new) fingerprint; none when it has none. */
    void index(String job, long postId, Optional<ArticleFingerprint> fingerprint) {
        jdbc.sql("delete from post_fingerprint_bands where post_id = :id").param("id", postId).update();
        fingerprint.ifPresent(print -> print.bandKeys().forEach(key -> jdbc.sql("""
                        insert into post_fingerprint_bands (job_name, band_key, post_id, simhash) values (:job, :key, :id, :simhash)
                        """)
                .param("job", job).param("key", key).param("id", postId).param("simhash", print.bits()).update()));
    }

    /**
     * The job's post whose fingerprint is within the threshold of this one: the closest, then the
     * first stored. The band rows carry the fingerprints, so no post row is read, and each band is
     * looked up on its own: H2 answers {@code band_key in (...)} by reading every band row of the
     * job, which made each new post cost a scan of all the others.
     */
    Optional<Long> sameArticle(String job, ArticleFingerprint fingerprint) {
        record Candidate(long id, ArticleFingerprint print) {}
        Set<Candidate> candidates = new HashSet<>();
        for (int key : fingerprint.bandKeys()) {
            candidates.addAll(jdbc.sql("select post_id, simhash from post_fingerprint_bands where job_name = :job and band_key = :key")
                    .param("job", job).param("key", key)
                    .query((rs, row) -> new Candidate(rs.getLong("post_id"), new ArticleFingerprint(rs.getLong("simhash"))))
                    .list());
        }
        return candidates.stream()
                .filter(candidate -> candidate.print().sameArticleAs(fingerprint))
                .min(Comparator.comparingInt((Candidate candidate) -> candidate.print().distance(fingerprint))
                        .thenComparingLong(Candidate::id))
                .map(Candidate::id);
    }
}
