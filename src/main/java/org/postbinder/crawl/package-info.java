/** Fetching (file and HTTP), the crawl frontier, scope, and discovery through links, pagination, sitemaps and feeds. */
@NullMarked
package org.postbinder.crawl;

import org.jspecify.annotations.NullMarked;
