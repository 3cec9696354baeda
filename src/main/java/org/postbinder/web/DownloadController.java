package org.postbinder.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.swagger.v3.oas.annotations.Operation;

import org.postbinder.export.PublishedArchives;
import org.postbinder.export.PublishedArchives.ArchiveFile;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Downloads of published archive files, for the page and the API alike: one file (with ETag,
 * Last-Modified and byte ranges, so that a large PDF resumes) or the whole run as one ZIP. Only
 * files listed as published for the run are served; any other name is 404.
 */
@RestController
@ConditionalOnWebApplication
class DownloadController {

    private final PublishedArchives archives;

    DownloadController(PublishedArchives archives) {
        this.archives = archives;
    }

    @Operation(summary = "One published file of a run (ranges, ETag and Last-Modified supported)")
    @GetMapping({"/jobs/{job}/runs/{run}/files/{*name}", "/api/jobs/{job}/runs/{run}/files/{*name}"})
    ResponseEntity<Resource> file(@PathVariable String job, @PathVariable String run, @PathVariable String name) {
        String wanted = name.startsWith("/") ? name.substring(1) : name;
        ArchiveFile file = archives.file(WebPaths.job(job), WebPaths.run(run), wanted)
                .orElseThrow(() -> new NotFoundException("no file " + wanted + " in run " + run + " of job " + job));
        return ResponseEntity.ok()
                .eTag(Long.toHexString(file.size()) + "-" + Long.toHexString(file.modified().toEpochMilli()))
                .lastModified(file.modified())
                // archives are private, and a browser may keep one if it asks whether it changed (ETag)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .contentType(mediaType(file.name()))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(downloadName(job, run, file.name())))
                .body(new FileSystemResource(file.path()));
    }

    @Operation(summary = "Every published file of a run as one ZIP")
    @GetMapping({"/jobs/{job}/runs/{run}/archive.zip", "/api/jobs/{job}/runs/{run}/archive.zip"})
    ResponseEntity<StreamingResponseBody> zip(@PathVariable String job, @PathVariable String run) {
        List<ArchiveFile> files = archives.files(WebPaths.job(job), WebPaths.run(run));
        if (files.isEmpty()) {
            throw new NotFoundException("run " + run + " of job " + job + " has no published archive");
        }
        String folder = job + "-" + run;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(folder + ".zip"))
                .body(out -> writeZip(folder, files, out));
    }

    /** Every file under one folder named for the job and run; PDFs and the rest are compressed alike. */
    private static void writeZip(String folder, List<ArchiveFile> files, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (ArchiveFile file : files) {
                ZipEntry entry = new ZipEntry(folder + "/" + file.name());
                entry.setTime(file.modified().toEpochMilli());
                zip.putNextEntry(entry);
                Files.copy(file.path(), zip);
                zip.closeEntry();
            }
        }
    }

    /** The archive's own name when it has the job and run in it (the PDF), else job-run-name. */
    static String downloadName(String job, String run, String name) {
        String flat = name.replace('/', '-');
        return flat.startsWith(job + "-" + run) ? flat : job + "-" + run + "-" + flat;
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }

    static MediaType mediaType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "pdf" -> MediaType.APPLICATION_PDF;
            case "csv" -> new MediaType("text", "csv", StandardCharsets.UTF_8);
            case "jsonl" -> MediaType.parseMediaType("application/jsonl");
            case "json" -> name.endsWith(".schema.json") ? MediaType.parseMediaType("application/schema+json")
                    : MediaType.APPLICATION_JSON;
            case "gz" -> MediaType.parseMediaType("application/gzip");
            default -> MediaType.APPLICATION_OCTET_STREAM;
        };
    }
}
