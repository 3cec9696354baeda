/** The posts' images: queued when a post is stored, fetched once, checked, and kept by content hash for the PDFs. */
@NullMarked
package org.postbinder.media;

import org.jspecify.annotations.NullMarked;
