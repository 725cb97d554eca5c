package io.tributary.bench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The ids of what the load created, and the files the load tools read them from (one id a line). */
public record Dataset(List<String> userIds, List<String> productIds, List<String> orderIds, Path folder) {

    public Path usersFile() {
        return folder.resolve("user-ids.txt");
    }

    public Path productsFile() {
        return folder.resolve("product-ids.txt");
    }

    public Path ordersFile() {
        return folder.resolve("order-ids.txt");
    }

    /** The first {@code size} orders: the hot set of the reads by id. */
    public Path hotOrdersFile(int size) {
        Path file = folder.resolve("hot-order-ids.txt");
        write(file, orderIds.subList(0, Math.min(size, orderIds.size())));
        return file;
    }

    public Dataset saved() {
        write(usersFile(), userIds);
        write(productsFile(), productIds);
        write(ordersFile(), orderIds);
        return this;
    }

    private static void write(Path file, List<String> ids) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
