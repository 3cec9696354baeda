package org.postbinder.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small tmpfs mounted on a folder, to make a disk fill up under a running process. Mounting needs
 * root, as in CI; a test that gets no disk should skip and say why.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path folder;

    private SmallDisk(Path folder) {
        this.folder = folder;
    }

    /** Mounts a tmpfs of {@code megabytes} on the folder (created if missing); null when that is not allowed here. */
    public static SmallDisk mount(Path folder, int megabytes) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        return command("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", folder.toString()) == 0
                ? new SmallDisk(folder) : null;
    }

    /** Writes a file that leaves about {@code bytesLeft} free, and returns it: deleting it frees the space. */
    public Path fillLeaving(long bytesLeft) throws IOException {
        FileStore disk = Files.getFileStore(folder);
        Path filler = folder.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (disk.getUsableSpace() > bytesLeft + block.length) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // a process writing to the disk at the same time can take the last blocks first
            if (disk.getUsableSpace() > bytesLeft + block.length) {
                throw full;
            }
        }
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        command("umount", "-l", folder.toString());
    }

    private static int command(String... command) throws IOException, InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException notThere) {
            return -1;
        }
    }
}
