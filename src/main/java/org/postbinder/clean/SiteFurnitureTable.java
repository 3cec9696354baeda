package org.postbinder.clean;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.postbinder.store.Post;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code site_furniture} table: the texts each job has learned as its sites' furniture. Thread-safe. */
@Repository
public class SiteFurnitureTable {

    private final JdbcClient jdbc;

    public SiteFurnitureTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LearnedFurniture load(String job) {
        Map<String, Set<String>> bySite = new HashMap<>();
        jdbc.sql("select site, text from site_furniture where job_name = :job").param("job", job)
                .query((rs, row) -> bySite.computeIfAbsent(rs.getString("site"), site -> new HashSet<>()).add(rs.getString("text")))
                .list();
        return new LearnedFurniture(bySite);
    }

    /** Adds what a run learned; a text learned before keeps its first record. */
    public void add(String job, String run, List<RecurringTexts.Recurring> learned) {
        Timestamp now = Timestamp.from(Instant.now());
        for (RecurringTexts.Recurring text : learned) {
            String sha = Post.sha256(text.text());
            boolean known = jdbc.sql("select count(*) from site_furniture where job_name = :job and site = :site and text_sha256 = :sha")
                    .param("job", job).param("site", text.site()).param("sha", sha).query(Integer.class).single() > 0;
            if (!known) {
                jdbc.sql("""
                                insert into site_furniture (job_name, site, text_sha256, text, posts, site_posts, learned_run, learned_at)
                                values (:job, :site, :sha, :text, :posts, :sitePosts, :run, :now)
                                """)
                        .param("job", job).param("site", text.site()).param("sha", sha).param("text", text.text())
                        .param("posts", text.posts()).param("sitePosts", text.sitePosts()).param("run", run).param("now", now)
                        .update();
            }
        }
    }
}
