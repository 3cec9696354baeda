/**
 * {@code serve}'s web side: the server-rendered page, the JSON API, downloads of published
 * archives, and who may do what (viewers look and download; operators also start, restart and
 * stop). Active only when Postbinder runs as a web application.
 */
@NullMarked
package org.postbinder.web;

import org.jspecify.annotations.NullMarked;
