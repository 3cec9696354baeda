/** The same text once: each photo caption once per post, and each article once per job (its fingerprint). */
@NullMarked
package org.postbinder.dedupe;

import org.jspecify.annotations.NullMarked;
