package io.tributary.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A server distribution zip from Maven Central, unpacked once per stack folder. */
final class ServerDistribution {

    private ServerDistribution() {
    }

    /**
     * Unpacks the zip into {@code dir} unless a marker file records a completed unpack, and makes the files in the
     * listed folders of {@code topFolder} executable (zip entries carry no permissions here).
     *
     * @param topFolder the folder the zip's entries are in
     * @return {@code dir/topFolder}
     */
    static Path unpack(Path zip, Path dir, String topFolder, String... executableFolders) throws IOException {
        Path target = dir.resolve(topFolder);
        Path marker = dir.resolve(zip.getFileName().toString().replace(".zip", "") + ".unpacked");
        if (Files.exists(marker)) {
            return target;
        }
        Files.createDirectories(dir);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path out = dir.resolve(entry.getName()).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (String folder : executableFolders) {
            Path executables = target.resolve(folder);
            if (Files.isDirectory(executables)) {
                try (var files = Files.walk(executables)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        Files.writeString(marker, zip.toString());
        return target;
    }
}
