package org.postbinder.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.media.ImageTable;
import org.postbinder.media.MediaStore;
import org.postbinder.store.Post;
import org.postbinder.store.PostRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/** The export benchmark's store, at a small size, so that its generator cannot rot unnoticed. */
class BenchStoreTest {

    private static final int POSTS = 200;

    @TempDir
    Path home;

    @Test
    void storesPostsThatTheExportReadsBackAsGeneratedWithTheirImagesFetched() throws Exception {
        // given
        var dataSource = BenchStore.h2In(home);

        // when
        new BenchStore(dataSource, home.resolve("output"), "bench").fill(POSTS, "r1");

        // then: the export's row mapper gives back every post as generated
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<Post> stored = new PostRepository(jdbc, JsonMapper.builder().build()).findAll("bench");
        List<Post> generated = IntStream.range(0, POSTS).mapToObj(BenchPosts::post).toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(generated);
        // and every figure's image is stored, as a file in the job's media store
        ImageTable images = new ImageTable(jdbc);
        MediaStore media = MediaStore.of(home.resolve("output"), "bench");
        List<Post.Figure> figures = stored.stream().flatMap(post -> post.figures().stream()).toList();
        assertThat(figures).hasSizeGreaterThan(POSTS * BenchPosts.FIGURE_PERCENT / 100 / 2);
        assertThat(figures).allSatisfy(figure -> assertThat(images.find("bench", figure.image()))
                .hasValueSatisfying(image -> assertThat(media.file(image.sha256(), image.mediaType())).isRegularFile()));
    }

    @Test
    void postsAreOfRealisticLengthsAndScripts() {
        List<Post> posts = IntStream.range(0, POSTS).mapToObj(BenchPosts::post).toList();

        // 200 to 3,000 words, and the links' parts (Chinese is counted by runs of characters, not words)
        assertThat(posts).filteredOn(post -> !post.language().equals("zh"))
                .allSatisfy(post -> assertThat(post.wordCount()).isBetween(200, 3600));
        Map<String, Long> languages = posts.stream().collect(Collectors.groupingBy(Post::language, Collectors.counting()));
        assertThat(languages).containsOnlyKeys("en", "ru", "ar", "zh");
        assertThat(languages.get("en")).isGreaterThan(POSTS / 2);
        // English posts quoting a paragraph in Cyrillic, Arabic or Chinese
        assertThat(posts).filteredOn(post -> post.language().equals("en"))
                .anySatisfy(post -> assertThat(post.body()).containsPattern("\\p{IsCyrillic}"))
                .anySatisfy(post -> assertThat(post.body()).containsPattern("\\p{IsArabic}"))
                .anySatisfy(post -> assertThat(post.body()).containsPattern("\\p{IsHan}"));
        assertThat(posts).anySatisfy(post -> assertThat(post.body()).contains("https://"));
        assertThat(posts).anySatisfy(post -> assertThat(post.publishedAt()).isNull());
        assertThat(posts.stream().map(Post::canonicalUrl).distinct()).hasSize(POSTS);
        assertThat(posts.stream().collect(Collectors.toMap(Post::contentSha256, Function.identity()))).hasSize(POSTS);
        assertThat(Files.isDirectory(Path.of("jobs/demo-site/media"))).isTrue();
    }
}
