package org.postbinder.remote;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Background timers that never keep the JVM alive: a process ends when its command does. */
final class Daemons {

    private Daemons() {
    }

    /** One thread of this name, for a task run at a fixed delay. */
    static ScheduledExecutorService timer(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
