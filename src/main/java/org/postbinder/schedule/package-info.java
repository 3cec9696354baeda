/**
 * {@code serve}'s scheduler: the job files in {@code jobs/} (reloaded when they change), each
 * scheduled job fired by its cron expression once per scheduled time across every server on the
 * database, and the runs started, restarted and stopped for the web page and the API.
 */
@NullMarked
package org.postbinder.schedule;

import org.jspecify.annotations.NullMarked;
