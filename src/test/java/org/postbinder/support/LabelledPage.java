package org.postbinder.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hand-labelled page: the saved HTML and its golden file (title, author, date, paragraphs,
 * captions, written by hand from the page). {@link #corpus()} is every such page, the strict
 * fixtures under {@code fixtures/html/} and the corpus under {@code extraction/pages/}: what
 * {@code ExtractionCorpusTest} scores and the extraction benchmark reads.
 */
public record LabelledPage(Path page, JsonNode expected) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every labelled page, in the order of their paths, so that runs compare page by page. */
    public static List<LabelledPage> corpus() throws IOException {
        List<LabelledPage> corpus = new ArrayList<>();
        corpus.addAll(labelled("fixtures/html", "fixtures/expected/extract"));
        corpus.addAll(labelled("extraction/pages", "extraction/expected"));
        return corpus;
    }

    private static List<LabelledPage> labelled(String pages, String expectations) throws IOException {
        Path folder = Pages.testResource(pages);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(path -> path.toString().endsWith(".html")).sorted()
                    .map(page -> new LabelledPage(page, JSON.readTree(Pages.testResource(expectations)
                            .resolve(page.getFileName().toString().replace(".html", ".json")).toFile())))
                    .toList();
        }
    }

    /** The URL the page is read from: its file's, as {@link Pages} reads it. */
    public URI url() {
        return page.toAbsolutePath().toUri();
    }

    /** A list in the golden file, such as {@code "paragraphs"} or {@code "captions"}. */
    public List<String> expectedList(String field) {
        return expected.get(field).valueStream().map(JsonNode::asString).toList();
    }
}
