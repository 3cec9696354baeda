package org.postbinder.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.export.PublishedArchives;
import org.postbinder.schedule.RunControl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Downloads of a real published archive in a temporary output folder: whole files with their
 * headers, byte ranges, conditional requests, the ZIP, and every path trick we could think of,
 * none of which may hand out a byte from outside the run's folder.
 */
@ServeSliceTest
class DownloadControllerTest {

    private static final String JOB = "demo";
    private static final String RUN = "20261201-120000";
    private static final String RUN_PAGE = "/jobs/" + JOB + "/runs/" + RUN;
    private static final String FILES = RUN_PAGE + "/files/";
    private static final String PDF = "demo-20261201-120000.pdf";
    private static final String CSV = "url,title\nhttps://blog.example/a,Ä post\n";
    private static final byte[] PDF_BYTES = pdfBytes();
    private static final byte[] POST_PDF_BYTES = "%PDF-1.7\none post\n%%EOF\n".getBytes(UTF_8);
    private static final Instant MODIFIED = Instant.parse("2026-12-01T12:05:00Z");
    /** Every secret below has this in it; no response may. */
    private static final String SECRET = "TOP-SECRET";

    @TempDir
    static Path root;

    @Autowired
    MockMvc mvc;

    @Autowired
    PublishedArchives archives;

    @MockitoBean
    RunViews views;

    @MockitoBean
    RunControl control;

    @DynamicPropertySource
    static void outputFolder(DynamicPropertyRegistry registry) {
        registry.add("postbinder.output.dir", () -> output().toString());
    }

    /**
     * <pre>
     * root/outside-secret.txt                     outside the output folder
     * root/20261201-120000/secret.txt             where job ".." would lead
     * root/outside-archive/20261201-120000/secret.csv
     * root/output/secret.txt                      inside the output folder, outside every run
     * root/output/demo/secret.txt
     * root/output/demo/20261201-120000/           the published run
     *     posts.csv, demo-20261201-120000.pdf, posts/2025-04-10-a.pdf
     *     leak.txt -> root/outside-secret.txt     links, never followed
     *     inside-link.txt -> root/output/secret.txt
     *     more -> root/outside-archive/20261201-120000
     * root/output/demo/20261201-999999 -> root/outside-archive/20261201-120000
     * root/output/evil -> root/outside-archive
     * </pre>
     */
    @BeforeAll
    static void publishedArchiveAndSecretsAroundIt() throws IOException {
        Path run = Files.createDirectories(output().resolve(JOB).resolve(RUN));
        write(run.resolve("posts.csv"), CSV.getBytes(UTF_8));
        write(run.resolve(PDF), PDF_BYTES);
        write(Files.createDirectories(run.resolve("posts")).resolve("2025-04-10-a.pdf"), POST_PDF_BYTES);

        write(root.resolve("outside-secret.txt"), (SECRET + " outside the output folder").getBytes(UTF_8));
        write(Files.createDirectories(root.resolve(RUN)).resolve("secret.txt"), (SECRET + " beside it").getBytes(UTF_8));
        Path outsideArchive = Files.createDirectories(root.resolve("outside-archive").resolve(RUN));
        write(outsideArchive.resolve("secret.csv"), (SECRET + " in an archive elsewhere").getBytes(UTF_8));
        write(output().resolve("secret.txt"), (SECRET + " of the output folder").getBytes(UTF_8));
        write(output().resolve(JOB).resolve("secret.txt"), (SECRET + " of the job").getBytes(UTF_8));

        Files.createSymbolicLink(run.resolve("leak.txt"), root.resolve("outside-secret.txt"));
        Files.createSymbolicLink(run.resolve("inside-link.txt"), output().resolve("secret.txt"));
        Files.createSymbolicLink(run.resolve("more"), outsideArchive);
        Files.createSymbolicLink(output().resolve(JOB).resolve("20261201-999999"), outsideArchive);
        Files.createSymbolicLink(output().resolve("evil"), root.resolve("outside-archive"));
    }

    // --- whole files ---------------------------------------------------------------------------

    @Test
    void aPdfDownloadsWhole() throws Exception {
        // when
        MockHttpServletResponse response = mvc.perform(get(FILES + PDF).with(viewer()))
                .andExpect(status().isOk()).andReturn().getResponse();

        // then
        assertThat(response.getContentAsByteArray()).isEqualTo(PDF_BYTES);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment;").contains("filename=\"demo-20261201-120000.pdf\"");
        assertThat(response.getHeader(HttpHeaders.ETAG)).startsWith("\"").endsWith("\"").hasSizeGreaterThan(2);
        assertThat(response.getDateHeader(HttpHeaders.LAST_MODIFIED)).isEqualTo(MODIFIED.toEpochMilli());
        assertThat(response.getHeader(HttpHeaders.ACCEPT_RANGES)).isEqualTo("bytes");
    }

    @Test
    void aCsvDownloadsAsUtf8TextNamedForTheJobAndRun() throws Exception {
        // when
        MockHttpServletResponse response = mvc.perform(get(FILES + "posts.csv").with(viewer()))
                .andExpect(status().isOk()).andReturn().getResponse();

        // then
        assertThat(response.getContentAsString(UTF_8)).isEqualTo(CSV);
        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment;").contains("demo-20261201-120000-posts.csv");
        assertThat(response.getHeader(HttpHeaders.ETAG)).isNotBlank();
        assertThat(response.getHeader(HttpHeaders.LAST_MODIFIED)).isNotBlank();
    }

    @Test
    void aPostPdfInTheSubfolderDownloads() throws Exception {
        // when
        MockHttpServletResponse response = mvc.perform(get(FILES + "posts/2025-04-10-a.pdf").with(viewer()))
                .andExpect(status().isOk()).andReturn().getResponse();

        // then
        assertThat(response.getContentAsByteArray()).isEqualTo(POST_PDF_BYTES);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("demo-20261201-120000-posts-2025-04-10-a.pdf");
    }

    @Test
    void theApiDownloadsTheSameFileWithBasicCredentials() throws Exception {
        // when
        MockHttpServletResponse response = mvc.perform(get("/api" + FILES + PDF).with(httpBasic("vera", "vera-secret")))
                .andExpect(status().isOk()).andReturn().getResponse();

        // then
        assertThat(response.getContentAsByteArray()).isEqualTo(PDF_BYTES);
    }

    @Test
    void anAnonymousDownloadIsRefused() throws Exception {
        // when / then
        String page = mvc.perform(get(FILES + PDF)).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get("/api" + FILES + PDF)).andExpect(status().isUnauthorized());
        assertThat(page).isEqualTo("/login");
    }

    // --- ranges and conditional requests -------------------------------------------------------

    @Test
    void aByteRangeIsPartialContentWithExactlyThoseBytes() throws Exception {
        // when
        MockHttpServletResponse response = mvc.perform(get(FILES + PDF).with(viewer()).header(HttpHeaders.RANGE, "bytes=10-19"))
                .andExpect(status().isPartialContent()).andReturn().getResponse();

        // then
        assertThat(response.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(PDF_BYTES, 10, 20));
        assertThat(response.getHeader(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 10-19/" + PDF_BYTES.length);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
    }

    @Test
    void aRequestWithTheCurrentEtagIsNotModified() throws Exception {
        // given
        String etag = mvc.perform(get(FILES + PDF).with(viewer())).andReturn().getResponse().getHeader(HttpHeaders.ETAG);

        // when
        MockHttpServletResponse response = mvc.perform(get(FILES + PDF).with(viewer()).header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified()).andReturn().getResponse();

        // then
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(response.getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
    }

    @Test
    void aRequestWithAnOtherEtagGetsTheFile() throws Exception {
        // when / then
        mvc.perform(get(FILES + PDF).with(viewer()).header(HttpHeaders.IF_NONE_MATCH, "\"12c-0\""))
                .andExpect(status().isOk());
    }

    // --- path tricks ---------------------------------------------------------------------------

    @Test
    void dotDotInTheFileNameNeverLeavesTheRunFolder() throws Exception {
        assertRefused(FILES + "../secret.txt");
        assertRefused(FILES + "../../secret.txt");
        assertRefused(FILES + "../../../outside-secret.txt");
        assertRefused(FILES + "posts/../../secret.txt");
        assertRefused("/api" + FILES + "../../secret.txt");
    }

    @Test
    void encodedDotsAndSlashesNeverLeaveTheRunFolder() throws Exception {
        assertRefused(FILES + "%2e%2e/secret.txt");
        assertRefused(FILES + "%2e%2e/%2e%2e/secret.txt");
        assertRefused(FILES + "%2E%2E/%2E%2E/secret.txt");
        assertRefused(FILES + "..%2Fsecret.txt");
        assertRefused(FILES + "..%2F..%2Fsecret.txt");
        assertRefused(FILES + "..%5C..%5Csecret.txt");
        assertRefused(FILES + "%2e%2e%2f");
        assertRefused(FILES + "%2e%2e%2f%2e%2e%2fsecret.txt");
        assertRefused(FILES + "%252e%252e%252f%252e%252e%252fsecret.txt");
        assertRefused("/api" + FILES + "%2e%2e%2f%2e%2e%2fsecret.txt");
    }

    @Test
    void aSymbolicLinkInTheRunFolderIsNotServed() throws Exception {
        assertRefused(FILES + "leak.txt");
        assertRefused(FILES + "inside-link.txt");
        assertRefused(FILES + "more/secret.csv");
        assertRefused("/api" + FILES + "leak.txt");
    }

    @Test
    void anAbsolutePathIsNotServed() throws Exception {
        String outside = root.resolve("outside-secret.txt").toString();
        assertRefused(FILES + outside.substring(1));
        assertRefused(FILES + "/" + outside.substring(1));
        assertRefused(FILES + outside.replace("/", "%2F"));
        assertRefused(FILES + "file:" + outside);
    }

    @Test
    void aJobOrRunNamedDotDotIsNotFollowed() throws Exception {
        assertRefused("/jobs/../runs/" + RUN + "/files/secret.txt");
        assertRefused("/jobs/%2e%2e/runs/" + RUN + "/files/secret.txt");
        assertRefused("/jobs/demo/runs/../files/secret.txt");
        assertRefused("/jobs/demo/runs/%2e%2e/files/secret.txt");
        assertRefused("/api/jobs/%2e%2e/runs/" + RUN + "/files/secret.txt");
        assertRefused("/jobs/%2e%2e/runs/" + RUN + "/archive.zip");
    }

    @Test
    void aJobOrRunFolderThatIsALinkOutOfTheOutputFolderIsNotServed() throws Exception {
        assertRefused("/jobs/evil/runs/" + RUN + "/files/secret.csv");
        assertRefused("/jobs/demo/runs/20261201-999999/files/secret.csv");
        assertRefused("/jobs/evil/runs/" + RUN + "/archive.zip");
        assertRefused("/jobs/demo/runs/20261201-999999/archive.zip");
        assertThat(archives.files("evil", RUN)).isEmpty();
        assertThat(archives.files(JOB, "20261201-999999")).isEmpty();
    }

    @Test
    void theControllerItselfRefusesTricksThatGetPastTheFirewall() {
        // given: no firewall in front, the names as Spring MVC would decode them
        DownloadController controller = new DownloadController(archives);

        // when / then
        for (String name : List.of("/../secret.txt", "../../secret.txt", "/../../../outside-secret.txt", "leak.txt",
                "more/secret.csv", root.resolve("outside-secret.txt").toString(), "//" + root.resolve("outside-secret.txt"),
                "posts/../../secret.txt", "./posts.csv", "posts//2025-04-10-a.pdf", "")) {
            assertThatThrownBy(() -> controller.file(JOB, RUN, name)).as(name).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> controller.file("..", RUN, "secret.txt")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> controller.file(JOB, "..", "secret.txt")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> controller.file(JOB, ".", "posts.csv")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> controller.zip("..", RUN)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> controller.zip("evil", RUN)).isInstanceOf(NotFoundException.class);
    }

    // --- the whole run as one ZIP --------------------------------------------------------------

    @Test
    void theArchiveZipHoldsEveryPublishedFileAndNoLink() throws Exception {
        // when
        MockHttpServletResponse response = zip(RUN_PAGE + "/archive.zip", viewer());

        // then
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment;").contains("demo-20261201-120000.zip");
        Map<String, byte[]> entries = unzip(response.getContentAsByteArray());
        assertThat(entries).containsOnlyKeys(
                "demo-20261201-120000/demo-20261201-120000.pdf",
                "demo-20261201-120000/posts.csv",
                "demo-20261201-120000/posts/2025-04-10-a.pdf");
        assertThat(entries.get("demo-20261201-120000/demo-20261201-120000.pdf")).isEqualTo(PDF_BYTES);
        assertThat(new String(entries.get("demo-20261201-120000/posts.csv"), UTF_8)).isEqualTo(CSV);
        assertThat(new String(response.getContentAsByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(SECRET);
    }

    @Test
    void theApiServesTheSameZip() throws Exception {
        // when
        MockHttpServletResponse response = zip("/api" + RUN_PAGE + "/archive.zip", httpBasic("vera", "vera-secret"));

        // then
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(unzip(response.getContentAsByteArray()).get("demo-20261201-120000/posts/2025-04-10-a.pdf"))
                .isEqualTo(POST_PDF_BYTES);
    }

    @Test
    void aRunWithoutAPublishedArchiveHasNoZip() throws Exception {
        // when / then
        mvc.perform(get("/jobs/demo/runs/20261201-000000/archive.zip").with(viewer()))
                .andExpect(status().isNotFound());
    }

    // --- helpers -------------------------------------------------------------------------------

    /** The raw URI, as a client may send it: MockMvc neither normalizes nor re-encodes it. */
    private void assertRefused(String rawUri) throws Exception {
        MvcResult result = mvc.perform(get(URI.create(rawUri)).with(viewer())).andReturn();
        MockHttpServletResponse response = result.getResponse();
        if (result.getRequest().isAsyncStarted()) {
            response = mvc.perform(asyncDispatch(result)).andReturn().getResponse();
        }
        assertThat(response.getStatus()).as(rawUri).isIn(400, 404);
        assertThat(new String(response.getContentAsByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as(rawUri).doesNotContain(SECRET);
        assertThat(String.valueOf(response.getErrorMessage())).as(rawUri).doesNotContain(SECRET);
    }

    private MockHttpServletResponse zip(String path, RequestPostProcessor who) throws Exception {
        MvcResult started = mvc.perform(get(path).with(who)).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andReturn().getResponse();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static RequestPostProcessor viewer() {
        return user("vera").roles("VIEWER");
    }

    private static Path output() {
        return root.resolve("output");
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
    }

    /** A PDF header, then 300 bytes that differ from their neighbours, so that a range is recognisable. */
    private static byte[] pdfBytes() {
        byte[] bytes = new byte[300];
        byte[] header = "%PDF-1.7\n".getBytes(UTF_8);
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (int i = header.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        return bytes;
    }
}
