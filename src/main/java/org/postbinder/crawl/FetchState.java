package org.postbinder.crawl;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code fetch_state} table: per job and URL, the validators of the last successful fetch, when
 * it was, and the links followed from the page, so that a page answering 304 still leads the crawl
 * to the pages behind it. Calls join the caller's transaction. Thread-safe.
 */
@Repository
public class FetchState {

    private static final TypeReference<List<StoredLink>> LINKS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public FetchState(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What the last fetch of a URL left: its validators and the links followed from it. */
    public record Previous(Validators validators, List<DiscoveredLink> links) {

        public static final Previous NONE = new Previous(Validators.NONE, List.of());

        public Previous {
            links = List.copyOf(links);
        }
    }

    /** A link as stored: enough to queue it again. */
    private record StoredLink(String url, EntryKind kind, boolean sameDepth) {}

    public Previous previous(String job, String url) {
        return jdbc.sql("select etag, last_modified, links from fetch_state where job_name = :job and url = :url")
                .param("job", job).param("url", url)
                .query((rs, row) -> new Previous(new Validators(Optional.ofNullable(rs.getString("etag")),
                        Optional.ofNullable(rs.getString("last_modified"))), links(rs.getString("links"))))
                .optional().orElse(Previous.NONE);
    }

    public Optional<Instant> lastFetched(String job, String url) {
        return jdbc.sql("select fetched_at from fetch_state where job_name = :job and url = :url")
                .param("job", job).param("url", url)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Longer validators are not kept: a cut one would never match again. */
    static final int MAX_ETAG = 500;
    static final int MAX_LAST_MODIFIED = 100;

    /** Records a fetch that returned a page (or a 304, which confirms the page as it was) and the links followed. */
    public void remember(String job, String url, Validators given, List<DiscoveredLink> links, Instant fetchedAt) {
        String linksJson = json.writeValueAsString(links.stream()
                .map(link -> new StoredLink(link.url().toString(), link.kind(), link.sameDepth())).toList());
        Validators validators = new Validators(given.etag().filter(etag -> etag.length() <= MAX_ETAG),
                given.lastModified().filter(date -> date.length() <= MAX_LAST_MODIFIED));
        int updated = jdbc.sql("""
                        update fetch_state set etag = :etag, last_modified = :lastModified, fetched_at = :fetchedAt,
                            links = :links
                        where job_name = :job and url = :url
                        """)
                .param("etag", validators.etag().orElse(null)).param("lastModified", validators.lastModified().orElse(null))
                .param("fetchedAt", Timestamp.from(fetchedAt)).param("job", job).param("url", url)
                .param("links", linksJson)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into fetch_state (job_name, url, etag, last_modified, fetched_at, links)
                            values (:job, :url, :etag, :lastModified, :fetchedAt, :links)
                            """)
                    .param("etag", validators.etag().orElse(null)).param("lastModified", validators.lastModified().orElse(null))
                    .param("fetchedAt", Timestamp.from(fetchedAt)).param("job", job).param("url", url)
                    .param("links", linksJson)
                    .update();
        }
    }

    private List<DiscoveredLink> links(@Nullable String stored) {
        if (stored == null) {
            return List.of();
        }
        return json.readValue(stored, LINKS).stream()
                .flatMap(link -> UrlNormalizer.parse(link.url()).stream()
                        .map(url -> new DiscoveredLink(url, link.kind(), link.sameDepth())))
                .toList();
    }
}
