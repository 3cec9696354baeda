package org.postbinder.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.GeneratedBlog;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;
import org.postbinder.support.Sql;

/**
 * A blog whose every post carries the same membership plug inside its content, where no generic
 * rule can tell it from the article: after the crawl the plug is learned as the site's furniture,
 * removed from every stored post and from the archive, and listed in the run summary; posts of a
 * later run are stored without it from the start.
 */
class SiteFurnitureIT {

    private static final String PLUG = "Harbour notes is reader-funded: become a member for three pounds a month and"
            + " get the tide tables by email every Friday.";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path home;

    private final LocalSiteServer site = new LocalSiteServer();

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aParagraphOnEveryPostOfTheSiteIsLearnedAndRemovedFromStoredAndLaterPosts() throws Exception {
        // given
        new GeneratedBlog(8, 0).withParagraphOnEveryPost(PLUG).serveOn(site);
        site.start();
        Path job = GeneratedBlog.writeJob(home.resolve("harbour.yml"), site.url("/blog/").toString(), "formats: [csv]");
        Launcher launcher = new Launcher(home);

        // when
        Launcher.Result first = launcher.run(PATIENCE, "run", job.toString(), "--run-id", "first");

        // then
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("site furniture   1 texts learned, removed from 8 stored posts",
                "127.0.0.1 (8 of 8 posts): \"Harbour notes is reader-funded");
        assertThat(Files.readString(launcher.output().resolve("harbour/first/posts.csv")))
                .contains("Part 3, paragraph 5: the morning ferry").doesNotContain("reader-funded");
        try (Connection db = launcher.connect()) {
            assertThat(Sql.count(db, "select count(*) from posts where paragraphs like '%reader-funded%'")).isZero();
            assertThat(Sql.count(db, "select count(*) from site_furniture where job_name = 'harbour' and site = '127.0.0.1'"))
                    .isEqualTo(1);
        }

        // when: two more posts, with the plug too
        new GeneratedBlog(10, 0).withParagraphOnEveryPost(PLUG).serveOn(site);
        Launcher.Result second = launcher.run(PATIENCE, "run", job.toString(), "--run-id", "second");

        // then: stored without it, and nothing new to learn or remove
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("posts stored     2").doesNotContain("site furniture");
        try (Connection db = launcher.connect()) {
            assertThat(Sql.count(db, "select count(*) from posts where job_name = 'harbour'")).isEqualTo(10);
            assertThat(Sql.count(db, "select count(*) from posts where paragraphs like '%reader-funded%'")).isZero();
        }
    }
}
