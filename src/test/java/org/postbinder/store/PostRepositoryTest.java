package org.postbinder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.postbinder.support.TestDatabase;

import tools.jackson.databind.json.JsonMapper;

class PostRepositoryTest {

    private final PostRepository repository = new PostRepository(TestDatabase.migrated(), JsonMapper.builder().build());

    @Test
    void aRecrawlUpdatesTheRowOfTheCanonicalUrlAndTellsWhetherTheTextChanged() {
        Post first = post("Первый абзац с «кавычками».");

        assertThat(repository.save("blog", "r1", first)).isEqualTo(PostRepository.SaveResult.INSERTED);
        assertThat(repository.save("blog", "r2", first)).isEqualTo(PostRepository.SaveResult.UNCHANGED);
        assertThat(repository.save("blog", "r3", post("An edited paragraph."))).isEqualTo(PostRepository.SaveResult.UPDATED);
        assertThat(repository.count("blog")).isEqualTo(1);
        assertThat(repository.findAll("blog")).singleElement()
                .satisfies(stored -> assertThat(stored.paragraphs()).containsExactly("An edited paragraph.", "Второй абзац."));
    }

    @Test
    void readsBackEveryFieldAsSaved() {
        Post post = post("Первый абзац с «кавычками».");

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
    void theSameArticleAtAnotherUrlWithoutACanonicalLinkIsStoredOnce() {
        Post original = dated("https://blog.example/2025/04/post/", "2025-04-10T09:00:00+01:00");
        Post tracked = dated("https://blog.example/2025/04/post/?utm_source=feed", "2025-04-10T09:00:00+01:00");

        repository.save("blog", "r1", original);

        assertThat(repository.save("blog", "r1", tracked)).isEqualTo(PostRepository.SaveResult.UNCHANGED);
        assertThat(repository.count("blog")).isEqualTo(1);
    }

    @Test
    void aCopyNeverReplacesTheArticleReadAtItsCanonicalUrl() {
        Post canonical = post("The article as its own page has it.");
        Post atCanonical = new Post(canonical.canonicalUrl(), canonical.canonicalUrl(), canonical.title(), canonical.author(),
                canonical.publishedAt(), null, canonical.siteName(), canonical.language(), null, null, List.of(),
                canonical.paragraphs(), List.of(), canonical.fetchedAt());
        repository.save("blog", "r1", atCanonical);

        assertThat(repository.save("blog", "r1", post("A print copy, with less in it."))).isEqualTo(PostRepository.SaveResult.UNCHANGED);
        assertThat(repository.findAll("blog")).singleElement()
                .satisfies(stored -> assertThat(stored.paragraphs()).contains("The article as its own page has it."));
    }

    @Test
    void keepsJobsApart() {
        repository.save("blog", "r1", post("One."));
        repository.save("other", "r1", post("One."));

        assertThat(repository.count("blog")).isEqualTo(1);
        assertThat(repository.count("other")).isEqualTo(1);
    }

    private static Post dated(String canonical, String publishedAt) {
        return new Post(canonical, canonical, "Title", null, publishedAt, null, null, null, null, null, List.of(),
                List.of("The body of " + canonical.replaceAll("\\?.*", "") + "."), List.of(), "2026-01-01T00:00:00Z");
    }

    private static Post post(String paragraph) {
        return new Post("https://blog.example/amp/post/", "https://blog.example/post/", "Заголовок", "Анна Соколова",
                "2025-11-12T10:15:00+03:00", null, "Меридиан", "ru", "Описание", "https://blog.example/a.jpg",
                List.of("библиотеки", "архивы"), List.of(paragraph, "Второй абзац."), List.of("Подпись к фото."),
                "2026-01-01T00:00:00Z");
    }
}
