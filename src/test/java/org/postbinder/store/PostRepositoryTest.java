package org.postbinder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.postbinder.support.Pages;
import org.postbinder.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

class PostRepositoryTest {

    private static final String ARTICLE = "https://harbourwire.example/2025/11/11/ferry-operator-cuts-winter-sailings/";

    private final JdbcClient jdbc = TestDatabase.migrated();
    private final PostRepository repository = new PostRepository(jdbc, JsonMapper.builder().build());

    @Test
    void aRecrawlUpdatesTheRowOfTheCanonicalUrlAndTellsWhetherTheTextChanged() {
        Post first = post("Первый абзац с «кавычками».");

        assertThat(repository.save("blog", "r1", first).result()).isEqualTo(PostRepository.SaveResult.INSERTED);
        assertThat(repository.save("blog", "r2", first).result()).isEqualTo(PostRepository.SaveResult.UNCHANGED);
        assertThat(repository.save("blog", "r3", post("An edited paragraph.")).result()).isEqualTo(PostRepository.SaveResult.UPDATED);
        assertThat(repository.count("blog")).isEqualTo(1);
        assertThat(repository.findAll("blog")).singleElement()
                .satisfies(stored -> assertThat(stored.paragraphs()).containsExactly("An edited paragraph.", "Второй абзац."));
    }

    @Test
    void readsBackEveryFieldAsSaved() {
        Post post = post("Первый абзац с «кавычками».").withDateline("МОСКВА, 14 марта. /ТАСС/")
                .withFigures(List.of(new Post.Figure("https://blog.example/p.jpg", null, 1)));

        repository.save("blog", "r1", post);

        assertThat(repository.findAll("blog")).containsExactly(post);
    }

    @Test
    void listsPostsOldestFirstByInstantWhateverTheirOffsets() {
        // given: later in UTC, but earlier as text
        repository.save("blog", "r1", dated("https://blog.example/b", "2025-04-10T23:00:00-05:00"));
        repository.save("blog", "r1", dated("https://blog.example/a", "2025-04-11T01:00:00+03:00"));
        repository.save("blog", "r1", dated("https://blog.example/undated", null));

        // when / then
        assertThat(repository.findAll("blog")).extracting(Post::canonicalUrl)
                .containsExactly("https://blog.example/a", "https://blog.example/b", "https://blog.example/undated");
    }

    @Test
    void theSameArticleAtAnotherUrlWithoutACanonicalLinkIsStoredOnceWithTheUrlAsAlias() {
        Post original = dated("https://blog.example/2025/04/post/", "2025-04-10T09:00:00+01:00");
        Post tracked = dated("https://blog.example/2025/04/post/?ref=feed", "2025-04-10T09:00:00+01:00");

        repository.save("blog", "r1", original);

        assertThat(repository.save("blog", "r1", tracked))
                .isEqualTo(new PostRepository.Saved(PostRepository.SaveResult.DUPLICATE, "https://blog.example/2025/04/post/"));
        assertThat(repository.findAll("blog")).singleElement()
                .satisfies(stored -> assertThat(stored.aliases()).containsExactly("https://blog.example/2025/04/post/?ref=feed"));
    }

    @Test
    void aCopyNeverReplacesTheArticleReadAtItsCanonicalUrl() {
        Post copy = post("A print copy, with less in it.");
        repository.save("blog", "r1", at(copy, copy.canonicalUrl(), copy.canonicalUrl()));

        assertThat(repository.save("blog", "r1", copy).result()).isEqualTo(PostRepository.SaveResult.DUPLICATE);
        assertThat(repository.findAll("blog")).singleElement().satisfies(stored -> {
            assertThat(stored.url()).isEqualTo(copy.canonicalUrl());
            assertThat(stored.aliases()).containsExactly(copy.url());
        });
    }

    @Test
    void theArticleReadAtItsCanonicalUrlReplacesACopyStoredBeforeAndKeepsTheCopysUrlAsAlias() {
        Post copy = post("The AMP page, read first.");
        repository.save("blog", "r1", copy);

        Post article = at(post("The article as its own page has it."), copy.canonicalUrl(), copy.canonicalUrl());

        assertThat(repository.save("blog", "r1", article).result()).isEqualTo(PostRepository.SaveResult.UPDATED);
        assertThat(repository.findAll("blog")).singleElement().satisfies(stored -> {
            assertThat(stored.url()).isEqualTo(copy.canonicalUrl());
            assertThat(stored.paragraphs()).contains("The article as its own page has it.");
            assertThat(stored.aliases()).containsExactly(copy.url());
        });
    }

    @Test
    void aCopyOnAnotherSiteWithinTheFingerprintThresholdIsAnAliasOfTheFirstStored() {
        // given: the article, and the same text with a credit line on another site (through the real extractor)
        Post article = fixture("article.html", ARTICLE);
        Post syndicated = fixture("article-syndicated.html", "https://firthtoday.example/news/winter-ferry-timetable");
        repository.save("wire", "r1", article);

        // when
        PostRepository.Saved saved = repository.save("wire", "r1", syndicated);

        // then
        assertThat(saved).isEqualTo(new PostRepository.Saved(PostRepository.SaveResult.DUPLICATE, ARTICLE));
        assertThat(repository.findAll("wire")).singleElement().satisfies(stored -> {
            assertThat(stored).isEqualTo(withAliases(article, List.of(syndicated.url())));
        });
    }

    @Test
    void aFollowUpQuotingHalfTheArticleIsAPostOfItsOwn() {
        repository.save("wire", "r1", fixture("article.html", ARTICLE));

        Post followUp = fixture("follow-up.html", "https://harbourwire.example/2025/11/18/harbour-board-demands-answers/");

        assertThat(repository.save("wire", "r1", followUp).result()).isEqualTo(PostRepository.SaveResult.INSERTED);
        assertThat(repository.count("wire")).isEqualTo(2);
    }

    @Test
    void aPrintCopyStoredFirstGivesWayToTheArticleAtItsPlainUrl() {
        // given: no page declares a canonical URL, and the crawl reached the print page first
        String print = "https://harbourwire.example/print/2025/11/11/ferry-operator-cuts-winter-sailings/";
        repository.save("wire", "r1", fixture("article-print.html", print));

        // when
        PostRepository.Saved saved = repository.save("wire", "r1", fixture("article.html", ARTICLE));

        // then
        assertThat(saved).isEqualTo(new PostRepository.Saved(PostRepository.SaveResult.UPDATED, ARTICLE));
        assertThat(repository.findAll("wire")).singleElement().satisfies(stored -> {
            assertThat(stored.url()).isEqualTo(ARTICLE);
            assertThat(stored.canonicalUrl()).isEqualTo(ARTICLE);
            assertThat(stored.aliases()).containsExactly(print);
        });
        assertThat(jdbc.sql("select count(*) from post_fingerprint_bands").query(Integer.class).single())
                .as("one post's keys").isEqualTo(8);
    }

    @Test
    void aliasesAreSortedDeduplicatedAndCapped() {
        repository.save("blog", "r1", dated("https://blog.example/post/", null));

        repository.save("blog", "r1", dated("https://blog.example/post/?b", null));
        repository.save("blog", "r1", dated("https://blog.example/post/?a", null));
        repository.save("blog", "r1", dated("https://blog.example/post/?b", null));
        IntStream.range(0, 40).forEach(n -> repository.save("blog", "r1", dated("https://blog.example/post/?session=" + n, null)));

        List<String> aliases = repository.findAll("blog").get(0).aliases();
        assertThat(aliases).hasSize(Aliases.MAX).doesNotHaveDuplicates().isSorted()
                .startsWith("https://blog.example/post/?a", "https://blog.example/post/?b");
    }

    @Test
    void shortPostsAreComparedByExactTextOnly() {
        // two briefs a word apart: too short for a fingerprint to tell a correction from another brief
        repository.save("blog", "r1", brief("https://blog.example/brief-1/", "Saturday"));

        assertThat(repository.save("blog", "r1", brief("https://blog.example/brief-2/", "Sunday")).result())
                .isEqualTo(PostRepository.SaveResult.INSERTED);
    }

    @Test
    void keepsJobsApart() {
        repository.save("blog", "r1", post("One."));
        repository.save("other", "r1", post("One."));
        repository.save("wire", "r1", fixture("article.html", ARTICLE));

        assertThat(repository.count("blog")).isEqualTo(1);
        assertThat(repository.count("other")).isEqualTo(1);
        assertThat(repository.save("other", "r1", fixture("article-syndicated.html", ARTICLE + "copy/")).result())
                .isEqualTo(PostRepository.SaveResult.INSERTED);
    }

    private static Post fixture(String page, String url) {
        Post read = Pages.archive(Pages.testResource("fixtures/dedupe/" + page)).orElseThrow();
        return at(read, url, url);
    }

    private static Post at(Post post, String url, String canonical) {
        return new Post(url, canonical, post.title(), post.author(), post.publishedAt(), post.modifiedAt(), post.siteName(),
                post.language(), post.description(), post.leadImage(), post.tags(), post.paragraphs(), post.captions(),
                post.fetchedAt());
    }

    private static Post withAliases(Post post, List<String> aliases) {
        return new Post(post.url(), post.canonicalUrl(), post.title(), post.author(), post.publishedAt(), post.modifiedAt(),
                post.siteName(), post.language(), post.description(), post.leadImage(), post.tags(), post.paragraphs(),
                post.captions(), post.fetchedAt(), aliases, post.figures(), post.dateline());
    }

    private static Post dated(String canonical, String publishedAt) {
        return new Post(canonical, canonical, "Title", null, publishedAt, null, null, null, null, null, List.of(),
                List.of("The body of " + canonical.replaceAll("\\?.*", "") + "."), List.of(), "2026-01-01T00:00:00Z");
    }

    private static Post brief(String url, String day) {
        return new Post(url, url, "Smokehouse fire", null, null, null, null, "en", null, null, List.of(), List.of(
                "Firefighters were called to a fish smokehouse on the north quay shortly after two o'clock on " + day
                        + " morning. Nobody was hurt, but the roof of the building was badly damaged.",
                "Police are treating the fire as suspicious. Anyone with information is asked to call 101."),
                List.of(), "2026-01-01T00:00:00Z");
    }

    private static Post post(String paragraph) {
        return new Post("https://blog.example/amp/post/", "https://blog.example/post/", "Заголовок", "Анна Соколова",
                "2025-11-12T10:15:00+03:00", null, "Меридиан", "ru", "Описание", "https://blog.example/a.jpg",
                List.of("библиотеки", "архивы"), List.of(paragraph, "Второй абзац."), List.of("Подпись к фото."),
                "2026-01-01T00:00:00Z");
    }
}
