package org.postbinder.media;

/** An image waiting to be fetched: its row in the {@code images} table and its URL. */
public record QueuedImage(long id, String url) {}
