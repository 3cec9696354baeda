package org.postbinder.job;

/**
 * A process that owns a run or a lease: its host and process id. Whether it is gone can only be
 * told on the same host; one on another host is taken to be alive, so that a night never runs twice.
 */
public record ProcessOwner(String host, long pid) {

    public static ProcessOwner current() {
        return new ProcessOwner(hostName(), ProcessHandle.current().pid());
    }

    public boolean isGone() {
        return host.equals(hostName()) && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public String toString() {
        return "process " + pid + " on " + host;
    }

    static String hostName() {
        return HostName.VALUE;
    }

    /** Looked up once: the lookup may go to DNS, and the name does not change while the process runs. */
    private static final class HostName {
        static final String VALUE = lookUp();

        private static String lookUp() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                return "unknown";
            }
        }
    }
}
