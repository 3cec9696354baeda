package org.postbinder.media;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the posts' images are fetched ({@code postbinder.images.*}).
 *
 * <dl>
 * <dt>{@code enabled}</dt><dd>if false, no image is queued or fetched and the PDFs show captions only</dd>
 * <dt>{@code max-size}</dt><dd>images larger than this are skipped ("too large"); 5 MB by default</dd>
 * <dt>{@code max-per-post}</dt><dd>only the first this many figures of a post are fetched; 20 by default</dd>
 * </dl>
 */
@Validated
@ConfigurationProperties("postbinder.images")
public record ImageProperties(boolean enabled, @NotNull DataSize maxSize, @Min(0) @Max(1000) int maxPerPost) {
}
