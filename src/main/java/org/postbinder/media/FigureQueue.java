package org.postbinder.media;

import org.postbinder.store.Post;
import org.springframework.stereotype.Component;

/**
 * Queues the images of a stored post for the fetch step: the first {@code max-per-post} figures,
 * each URL once per job, nothing when images are switched off. Called in the transaction that
 * stores the post, so a post and its queued images are committed together. Thread-safe.
 */
@Component
public class FigureQueue {

    private final ImageTable images;
    private final ImageProperties properties;

    public FigureQueue(ImageTable images, ImageProperties properties) {
        this.images = images;
        this.properties = properties;
    }

    public void queue(String job, String run, Post post) {
        if (properties.enabled()) {
            images.queue(job, run, post.figures().stream().map(Post.Figure::image).distinct()
                    .limit(properties.maxPerPost()).toList());
        }
    }
}
