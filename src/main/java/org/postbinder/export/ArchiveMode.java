package org.postbinder.export;

/**
 * Which posts an archive holds: {@code SNAPSHOT} every post the job has, {@code INCREMENTAL} the
 * posts stored or changed since the job's last published archive.
 */
public enum ArchiveMode { SNAPSHOT, INCREMENTAL }
