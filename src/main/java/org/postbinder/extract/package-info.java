/** Reading a page into a post: metadata from JSON-LD, OpenGraph, meta tags and visible text, and the article body. */
@NullMarked
package org.postbinder.extract;

import org.jspecify.annotations.NullMarked;
