package org.postbinder.store;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the posts of one archive in {@link PostRepository#EXPORT_ORDER}, for the export step, in
 * memory that does not grow with the posts' text: when opened, the ids of the posts to export, in
 * order (8 bytes a post); then the posts themselves, {@value #PAGE} rows to a query.
 * <p>
 * A cursor over the rows does not stream on every database: embedded H2 builds a sorted query's
 * whole result before it returns the first row, in memory up to 40,000 rows per GB of heap and on
 * disk beyond: with 512 MB, the text of up to 20,000 posts, some 300 MB, held for the whole export.
 * (PostgreSQL streams a cursor, but only with autocommit off and a fetch size.) Pages by id read the
 * same on both.
 * <p>
 * The posts are those the selection had when the reader was opened; one deleted since is left out.
 * It keeps no restart state: an export that restarts writes its files again, from the first post.
 * Not thread-safe: one instance per step execution. Null from {@link #read()} means no more posts.
 */
public class PostsInExportOrder implements ItemStreamReader<Post> {

    /** Rows per query: a couple of chunks' worth of posts, so a page of text is what is ever held. */
    static final int PAGE = 100;

    private final PostRepository posts;
    private final PostRepository.Selection selection;
    private long[] ids = new long[0];
    private int next;
    private final Deque<Post> page = new ArrayDeque<>();

    PostsInExportOrder(PostRepository posts, PostRepository.Selection selection) {
        this.posts = posts;
        this.selection = selection;
    }

    @Override
    public void open(ExecutionContext context) {
        ids = posts.idsInExportOrder(selection);
        next = 0;
        page.clear();
    }

    @Override
    public @Nullable Post read() {
        while (page.isEmpty() && next < ids.length) {
            int end = Math.min(ids.length, next + PAGE);
            List<Post> read = posts.byIds(Arrays.copyOfRange(ids, next, end));
            next = end;
            page.addAll(read);
        }
        return page.poll();
    }

    @Override
    public void close() {
        ids = new long[0];
        page.clear();
    }
}
